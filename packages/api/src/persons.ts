// 参保人员: the record registered by POST /persons and read back, the list's filter, the year's
// accumulators, and the limits in force for the person (the policy's answer, never the console's).
import { Type, type Static } from 'typebox';
import { ACCUMULATOR_NAMES, PERSON_CATEGORIES, SCHEMES, SEXES } from './constants.js';
import { DateString, Icd10, Nullable, PageQuery, Yuan } from './common.js';
import { Citation } from './policy.js';
import { Accumulators } from './settlements.js';

const personFields = {
  id: Type.String({ minLength: 1, maxLength: 64, description: '个人编号 / 社会保障卡号' }),
  name: Type.String({ minLength: 1, maxLength: 100 }),
  scheme: Type.Enum(SCHEMES, {
    type: 'string',
    description: '险种: resident 城乡居民 | employee 城镇职工',
  }),
  category: Type.Enum(PERSON_CATEGORIES, {
    type: 'string',
    description: '人员类别: 居民 adult|minor|elderly; 职工 in_service|retired',
  }),
  region: Type.String({ minLength: 1, maxLength: 32, description: '统筹区（政策区域）' }),
  chronicDiseases: Type.Array(Icd10, {
    maxItems: 20,
    description: '已认定的门诊慢特病 ICD-10',
  }),
  familyDoctorContract: Type.Boolean({ description: '家庭医生签约' }),
  relocated: Type.Boolean({ description: '异地安置备案' }),
  accountBalance: Type.Number({ ...Yuan, description: '个人账户余额，元' }),
  sex: Nullable(Type.Enum(SEXES, { type: 'string', description: '性别 male | female（限性别规则 F-02）' })),
  birthDate: Nullable(Type.String({ ...DateString, description: '出生日期 YYYY-MM-DD（限年龄规则 F-03）' })),
};

/** 身份证号 (GB 11643): 17 digits and a check character; the server checks the digit and the birth date. */
const IdNumber = Type.String({
  pattern: '^[0-9]{17}[0-9Xx]$',
  description: '公民身份号码（18 位，末位校验码），服务端校验校验码与出生日期',
});

/**
 * 参保人员 as answered: every field present. Name and 身份证号 are masked (张*三, 3301**********1234)
 * unless the answer is the full view (R-B7): `revealed` says which.
 */
export const Person = Type.Object(
  {
    ...personFields,
    idNumber: Nullable(Type.String({ description: '身份证号；默认脱敏（前 4 位与后 4 位）' })),
    revealed: Type.Boolean({ description: '姓名与身份证号为完整信息（查看完整信息，已记入审计日志）' }),
  },
  { description: '参保人员', additionalProperties: false },
);
export type Person = Static<typeof Person>;

/** 登记参保人员: the facts beyond identity default to none (no disease, no contract, zero balance). */
export const PersonBody = Type.Object(
  {
    ...personFields,
    chronicDiseases: Type.Optional(personFields.chronicDiseases),
    familyDoctorContract: Type.Optional(personFields.familyDoctorContract),
    relocated: Type.Optional(personFields.relocated),
    accountBalance: Type.Optional(personFields.accountBalance),
    sex: Type.Optional(personFields.sex),
    birthDate: Type.Optional(personFields.birthDate),
    idNumber: Type.Optional(IdNumber),
  },
  { description: '参保人员', additionalProperties: false },
);
export type PersonBody = Static<typeof PersonBody>;

export const PersonQuery = Type.Object(
  {
    region: Type.Optional(Type.String()),
    scheme: Type.Optional(Type.String()),
    category: Type.Optional(Type.String()),
    chronicDisease: Type.Optional(Type.String({ description: '某一慢特病 ICD-10' })),
    q: Type.Optional(Type.String({ description: '姓名或编号的一部分' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type PersonQuery = Static<typeof PersonQuery>;

/**
 * GET /persons/{id}: masked by default; `reveal=true` with a `reason` (at least 4 characters) is the
 * full view — permission person.reveal, written to the audit log with its reason (R-B7).
 */
export const PersonDetailQuery = Type.Object(
  {
    reveal: Type.Optional(Type.Enum(['true', 'false'], { type: 'string', description: '查看完整信息' })),
    reason: Type.Optional(Type.String({ maxLength: 200, description: '查看完整信息的理由（至少 4 个字）' })),
  },
  { additionalProperties: false },
);
export type PersonDetailQuery = Static<typeof PersonDetailQuery>;

export const YearQuery = Type.Object(
  { year: Type.Optional(Type.String({ pattern: '^\\d{4}$', description: '年度 YYYY，缺省为今年' })) },
  { additionalProperties: false },
);
export type YearQuery = Static<typeof YearQuery>;

export const PersonAccumulators = Type.Object({
  personId: Type.String(),
  year: Type.Integer(),
  ytd: Accumulators,
});
export type PersonAccumulators = Static<typeof PersonAccumulators>;

/** What a year's accumulator is held against: 封顶线 cap, 起付线 deductible, 分段线 tier threshold. */
export const LIMIT_KINDS = ['cap', 'deductible', 'tierThreshold'] as const;

/** One accumulator against the limit in force for the person's group on the policy date. */
export const PersonLimit = Type.Object({
  accumulator: Type.Enum(ACCUMULATOR_NAMES, { type: 'string' }),
  kind: Type.Enum(LIMIT_KINDS, { type: 'string', description: '封顶线 | 起付线 | 分段线' }),
  used: Type.Number({ description: '年度已累计，元' }),
  limit: Type.Union([Type.Number(), Type.Null()], {
    description: '限额，元；按机构等级的起付线取最高一级；政策无此限额为空',
  }),
  parameter: Nullable(Type.String({ description: '政策参数名，如 generalOutpatient.capRaised' })),
  raised: Type.Boolean({ description: '慢特病且家庭医生签约，适用提高后的封顶线 (R-D4)' }),
  citation: Nullable(Citation),
});
export type PersonLimit = Static<typeof PersonLimit>;

/** GET /persons/{id}/limits: the year's accumulators with the limits the policy sets for them. */
export const PersonLimits = Type.Object({
  personId: Type.String(),
  year: Type.Integer(),
  date: Type.String({ description: '所依政策日期：今年为今天，往年为 12 月 31 日，来年为 1 月 1 日' }),
  group: Type.String({ description: '适用人群 scheme/category' }),
  policyVersion: Nullable(Type.String({ description: '该日施行的政策版本' })),
  limits: Type.Array(PersonLimit),
});
export type PersonLimits = Static<typeof PersonLimits>;
