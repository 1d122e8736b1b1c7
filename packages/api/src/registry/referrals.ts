// 转诊单与电子处方 as institutions create them (R-D3, R-D6, R-D8), and any registry record's
// history (谁、何时、改了什么).
import { Type, type Static } from 'typebox';
import { DateString, Id, Nullable, NullableString } from '../common.js';

const closed = { additionalProperties: false } as const;

/** 开具转诊单: direction follows the two institutions' levels, scope the person's county. */
export const ReferralBody = Type.Object(
  {
    id: Type.Optional(Id),
    personId: Id,
    fromInstitutionId: Id,
    toInstitutionId: Id,
    issuedOn: DateString,
    validUntil: DateString,
    previousSettlementId: Type.Optional(
      Type.Unsafe<string | null>({
        type: ['string', 'null'],
        description: '转诊前住院的结算，用于合并起付线 (R-D6)',
      }),
    ),
    diagnosis: Type.Optional(NullableString),
  },
  closed,
);
export type ReferralBody = Static<typeof ReferralBody>;

export const ReferralFilingBody = Type.Object({ filedOn: DateString }, closed);

/** 开具电子处方 (R-D8). */
export const EPrescriptionBody = Type.Object(
  {
    id: Type.Optional(Id),
    personId: Id,
    institutionId: Id,
    doctor: Type.String({ minLength: 1, maxLength: 100 }),
    issuedOn: DateString,
    validUntil: DateString,
    items: Type.Array(
      Type.Object(
        {
          code: Id,
          name: Type.String({ maxLength: 200 }),
          quantity: Type.Number({ exclusiveMinimum: 0 }),
        },
        closed,
      ),
      { minItems: 1, maxItems: 100 },
    ),
  },
  closed,
);
export type EPrescriptionBody = Static<typeof EPrescriptionBody>;

/** 转诊单 as kept: the direction follows the two levels, the scope the person's home county. */
export const Referral = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  fromInstitutionId: Type.String(),
  toInstitutionId: Type.String(),
  fromLevel: Nullable(Type.String()),
  toLevel: Nullable(Type.String()),
  direction: Nullable(Type.String()),
  scope: Type.String(),
  issuedOn: Type.String(),
  validUntil: Type.String(),
  filed: Type.Boolean({ description: '已备案' }),
  filedOn: Nullable(Type.String()),
  previousSettlementId: Nullable(Type.String()),
  linkedDeductiblePaid: Type.Number({ description: '前次住院已付起付线，元 (R-D6)' }),
  diagnosis: Nullable(Type.String()),
});
export type Referral = Static<typeof Referral>;

/** 电子处方 as kept. */
export const EPrescription = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  institutionId: Type.String(),
  doctor: Type.String(),
  issuedOn: Type.String(),
  validUntil: Type.String(),
  items: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), quantity: Type.Number() })),
});
export type EPrescription = Static<typeof EPrescription>;

/** One version of a registry record: who changed it, when, and why. */
export const RecordVersion = Type.Object({
  entity: Type.String(),
  recordId: Type.String(),
  version: Type.Integer(),
  data: Type.Unknown(),
  recordedAt: Type.String(),
  actor: Type.String(),
  reason: Type.String(),
});
export type RecordVersion = Static<typeof RecordVersion>;

/** The kinds of registry record whose versions are kept. */
export const HISTORY_ENTITIES = [
  'institution',
  'application',
  'agreement',
  'catalogue',
  'person_care',
  'referral',
  'e_prescription',
  'assessment',
  'complaint',
] as const;

export const HistoryParams = Type.Object({ entity: Type.Enum(HISTORY_ENTITIES, { type: 'string' }), id: Id });

export const HistoryQuery = Type.Object(
  {
    asOf: Type.Optional(
      Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}(T[0-9:.]+Z?)?$', description: '日期或 ISO 时间' }),
    ),
  },
  closed,
);
