// 就医关系: a person's enrolment, chosen institutions, family-doctor contracts, certified
// diseases and relocations, as they stand on a date.
import { Type, type Static } from 'typebox';
import { DateString, Icd10, Id, Nullable, NullableDate, NullableString, Text, Year } from '../common.js';
import { CERTIFICATION_KINDS, PRIORITY_GROUPS } from '../constants.js';

const Str = Type.String();

export const CareRecord = Type.Object({
  personId: Str,
  county: Nullable(Str),
  date: Str,
  insured: Type.Boolean({ description: '当日参保' }),
  enrolments: Type.Array(Type.Object({ id: Str, validFrom: Str, validTo: Nullable(Str) })),
  chosenInstitutions: Nullable(Type.Object({ year: Type.Integer(), institutionIds: Type.Array(Str) })),
  firstContact: Nullable(Type.Object({ year: Type.Integer(), institutionId: Str, chosenOn: Str })),
  contracts: Type.Array(
    Type.Object({
      id: Str,
      communityCentreId: Nullable(Str),
      districtHospitalId: Nullable(Str),
      cityHospitalId: Nullable(Str),
      doctor: Str,
      validFrom: Str,
      validTo: Str,
      endedOn: Nullable(Str),
    }),
  ),
  certifications: Type.Array(
    Type.Object({
      id: Str,
      code: Str,
      kind: Str,
      validFrom: Str,
      validTo: Nullable(Str),
      revokedOn: Nullable(Str),
    }),
  ),
  relocations: Type.Array(
    Type.Object({
      id: Str,
      filedOn: Str,
      destination: Str,
      validFrom: Str,
      validTo: Nullable(Str),
      cancelsYear: Nullable(Type.Integer()),
    }),
  ),
});
export type CareRecord = Static<typeof CareRecord>;

// The requests that change a person's care relationships (R-B1–R-B5, R-C8, R-C10).
const closed = { additionalProperties: false } as const;

export const ResidenceBody = Type.Object({ county: Id }, closed);
export type ResidenceBody = Static<typeof ResidenceBody>;

/** 登记参保期 (R-B1); an open period has no end. */
export const EnrolmentBody = Type.Object(
  { validFrom: DateString, validTo: Type.Optional(NullableDate) },
  closed,
);
export type EnrolmentBody = Static<typeof EnrolmentBody>;

export const EnrolmentEndBody = Type.Object({ validTo: DateString }, closed);

/** 选定定点社区医疗机构 (R-B2): one or two, a centre may add one of its stations. */
export const ChosenInstitutionsBody = Type.Object(
  { year: Year, institutionIds: Type.Array(Id, { minItems: 1, maxItems: 4 }) },
  closed,
);
export type ChosenInstitutionsBody = Static<typeof ChosenInstitutionsBody>;

/** 首诊基层医疗机构 (R-B3): one a year. */
export const FirstContactBody = Type.Object({ year: Year, institutionId: Id, chosenOn: DateString }, closed);
export type FirstContactBody = Static<typeof FirstContactBody>;

/** 家庭医生签约 "1+1+1" (R-B4): community centre, district and city hospital. */
export const ContractBody = Type.Object(
  {
    id: Type.Optional(Id),
    communityCentreId: Id,
    districtHospitalId: Type.Optional(NullableString),
    cityHospitalId: Type.Optional(NullableString),
    doctor: Text,
    priorityGroup: Type.Optional(
      Type.Unsafe<(typeof PRIORITY_GROUPS)[number] | null>({
        type: ['string', 'null'],
        enum: [...PRIORITY_GROUPS, null],
        description: '重点人群',
      }),
    ),
    identityVerified: Type.Boolean(),
    validFrom: DateString,
    validTo: DateString,
  },
  closed,
);
export type ContractBody = Static<typeof ContractBody>;

/** 解除签约; the reason, when given, is the history's (why it ended). */
export const ContractEndBody = Type.Object({ endedOn: DateString, reason: Type.Optional(Text) }, closed);
export type ContractEndBody = Static<typeof ContractEndBody>;

/** 门诊慢性病、特殊病种认定 (R-C10, R-C8). */
export const CertificationBody = Type.Object(
  {
    code: Icd10,
    kind: Type.Enum(CERTIFICATION_KINDS, { type: 'string' }),
    validFrom: DateString,
    validTo: Type.Optional(NullableDate),
    certifiedBy: Type.Optional(NullableString),
  },
  closed,
);
export type CertificationBody = Static<typeof CertificationBody>;

/** 撤销认定; the reason, when given, is the history's. */
export const CertificationRevokeBody = Type.Object(
  { revokedOn: DateString, reason: Type.Optional(Text) },
  closed,
);
export type CertificationRevokeBody = Static<typeof CertificationRevokeBody>;

/** 异地安置备案 (R-B5). */
export const RelocationBody = Type.Object(
  { filedOn: DateString, destination: Text, validFrom: DateString, validTo: Type.Optional(NullableDate) },
  closed,
);
export type RelocationBody = Static<typeof RelocationBody>;

export const ContractParams = Type.Object({ id: Id, contractId: Id });
export const CertificationParams = Type.Object({ id: Id, certificationId: Id });
