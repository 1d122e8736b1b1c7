// 定点申请: an institution's application for designation, its criteria and the decision.
import { Type, type Static } from 'typebox';
import {
  APPLICATION_STATES,
  CRITERIA,
  INSTITUTION_TYPES,
  LEVELS,
  REVIEW_DECISIONS,
  type Level,
} from '../constants.js';
import { DateString, Id, Nullable, NullableString, PageQuery, Text } from '../common.js';

export const ApplicationCriterion = Type.Object({
  item: Type.String(),
  met: Type.Boolean(),
  evidence: Type.String(),
});
export type ApplicationCriterion = Static<typeof ApplicationCriterion>;

export const DesignationApplication = Type.Object({
  id: Type.String(),
  institutionId: Type.String(),
  stationIds: Type.Array(Type.String()),
  submittedOn: Type.String(),
  criteria: Type.Array(ApplicationCriterion),
  greenChannel: Type.Boolean({ description: '绿色通道' }),
  state: Type.String({ description: 'submitted | approved | rejected | returned' }),
  decidedOn: Nullable(Type.String()),
  decisionReason: Nullable(Type.String()),
  reviewer: Nullable(Type.String()),
});
export type DesignationApplication = Static<typeof DesignationApplication>;

const closed = { additionalProperties: false } as const;

/** An institution (or station) applying: region absent means this pooling region. */
export const Applicant = Type.Object(
  {
    id: Id,
    name: Text,
    type: Type.Enum(INSTITUTION_TYPES, { type: 'string' }),
    level: Type.Optional(Type.Unsafe<Level | null>({ type: ['string', 'null'], enum: [...LEVELS, null] })),
    county: Id,
    founderId: Type.Optional(
      Type.Unsafe<string | null>({ type: ['string', 'null'], description: '互联网医院的设立机构 (R-A11)' }),
    ),
    parentId: Type.Optional(NullableString),
    region: Type.Optional(
      Type.Unsafe<string | null>({
        type: ['string', 'null'],
        description: '所在统筹区（异地定点机构）；缺省为本统筹区',
      }),
    ),
  },
  closed,
);

/** 定点申请: the institution, its stations applied for together (R-A4), and the checklist. */
export const ApplicationBody = Type.Object(
  {
    id: Type.Optional(Id),
    institution: Applicant,
    stations: Type.Optional(
      Type.Array(Applicant, { maxItems: 50, description: '一并申请的服务站/村卫生室 (R-A4)' }),
    ),
    submittedOn: DateString,
    criteria: Type.Array(
      Type.Object(
        {
          item: Type.Enum(CRITERIA, { type: 'string' }),
          met: Type.Boolean(),
          evidence: Type.String({ maxLength: 2000 }),
        },
        closed,
      ),
      { description: '定点条件清单 (R-A2)，每项一次' },
    ),
    greenChannel: Type.Optional(
      Type.Boolean({ description: '绿色通道：资源薄弱、基金结余充裕地区适当放宽 (R-A2)' }),
    ),
  },
  closed,
);
export type ApplicationBody = Static<typeof ApplicationBody>;

export const ApplicationQuery = Type.Object(
  { state: Type.Optional(Type.Enum(APPLICATION_STATES, { type: 'string' })) },
  closed,
);

/** 评审: approve (centre and stations together), reject, or return for correction. */
export const ReviewBody = Type.Object(
  {
    decision: Type.Enum(REVIEW_DECISIONS, { type: 'string' }),
    reason: Text,
    reviewer: Text,
    decidedOn: DateString,
  },
  closed,
);
export type ReviewBody = Static<typeof ReviewBody>;

/**
 * 补正后重新提交: a returned application, amended (the whole checklist again, the green channel
 * when it changes) and submitted anew; it is then reviewed like a new one. The returned round stays
 * in the application's history.
 */
export const ResubmissionBody = Type.Object(
  {
    resubmittedOn: DateString,
    criteria: ApplicationBody.properties.criteria,
    greenChannel: Type.Optional(Type.Boolean()),
    reason: Type.String({ minLength: 1, maxLength: 500, description: '补正说明' }),
  },
  closed,
);
export type ResubmissionBody = Static<typeof ResubmissionBody>;

/** 取消定点资格 (its agreement ends with it). */
export const CancellationBody = Type.Object({ effectiveOn: DateString, reason: Text }, closed);

const CatalogueEntry = Type.Object(
  {
    code: Id,
    name: Text,
    genericName: Type.Optional(NullableString),
    dosageForm: Type.Optional(NullableString),
    price: Type.Optional(Type.Unsafe<number | null>({ type: ['number', 'null'], minimum: 0 })),
  },
  closed,
);

/** 药品库存目录与服务项目价格 (R-A14). */
export const CatalogueBody = Type.Object(
  {
    drugs: Type.Array(CatalogueEntry, { maxItems: 20000 }),
    services: Type.Array(CatalogueEntry, { maxItems: 20000 }),
  },
  closed,
);
export type CatalogueBody = Static<typeof CatalogueBody>;

/** 定点医药机构名单 (public, R-A3): designated on the date, by county, type, level, name. */
export const DesignatedQuery = Type.Object(
  {
    county: Type.Optional(Type.String()),
    type: Type.Optional(Type.Enum(INSTITUTION_TYPES, { type: 'string' })),
    level: Type.Optional(Type.Enum(LEVELS, { type: 'string' })),
    q: Type.Optional(Type.String({ description: '名称或编码的一部分' })),
    date: Type.Optional(DateString),
    ...PageQuery,
  },
  closed,
);
