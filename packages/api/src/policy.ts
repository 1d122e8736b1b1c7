// 政策参数: the regions' policy as the console shows it (versions, each dated value with its
// citation), the difference between two versions, the requirement catalogue and the guidance check.
import { Type, type Static } from 'typebox';
import { Nullable } from './common.js';

/** 出处: the document, its clause and the requirement id (R-…) a value comes from. */
export const Citation = Type.Object(
  { document: Type.String(), clause: Type.String(), requirement: Type.String() },
  { description: '出处：文件、条款、需求编号' },
);
export type Citation = Static<typeof Citation>;

export const PolicyVersion = Type.Object({
  id: Type.String(),
  effectiveFrom: Type.String(),
  until: Type.Union([Type.String(), Type.Null()], { description: '下一版本生效日（不含）；现行版本为空' }),
  note: Type.String(),
});
export type PolicyVersion = Static<typeof PolicyVersion>;

export const PolicyRegion = Type.Object({
  code: Type.String(),
  name: Type.String(),
  hash: Type.String({ description: '政策发布版本哈希' }),
  versions: Type.Array(PolicyVersion),
  schemes: Type.Record(Type.String(), Type.Array(Type.String())),
});
export type PolicyRegion = Static<typeof PolicyRegion>;

/** One dated value of a parameter, for the person groups it applies to. */
export const PolicyParameter = Type.Object({
  name: Type.String(),
  groups: Type.Array(Type.String(), { description: '适用人群 scheme/category；空为全市统一' }),
  description: Type.String(),
  unit: Type.String(),
  value: Type.Unknown({ description: '参数值（金额为元，比例为百分点）' }),
  effectiveFrom: Type.String(),
  until: Nullable(Type.String()),
  versions: Type.Array(Type.String()),
  source: Citation,
  file: Type.String(),
});
export type PolicyParameter = Static<typeof PolicyParameter>;

export const PolicyRegionDetail = Type.Object({
  ...PolicyRegion.properties,
  parameters: Type.Array(PolicyParameter),
});
export type PolicyRegionDetail = Static<typeof PolicyRegionDetail>;

export const RegionParams = Type.Object({ code: Type.String() });
const VersionId = Type.String({ minLength: 1, maxLength: 32 });
export const RegionQuery = Type.Object(
  {
    version: Type.Optional(Type.String({ minLength: 1, maxLength: 32, description: '只列该版本施行的取值' })),
  },
  { additionalProperties: false },
);
export const DiffQuery = Type.Object({ from: VersionId, to: VersionId }, { additionalProperties: false });

const Side = Nullable(Type.Object({ value: Type.Unknown(), effectiveFrom: Type.String(), source: Citation }));

export const ParameterChange = Type.Object({
  name: Type.String(),
  groups: Type.Array(Type.String()),
  description: Type.String(),
  unit: Type.String(),
  change: Type.Enum(['value', 'citation', 'added', 'removed'], { type: 'string' }),
  before: Side,
  after: Side,
});
export type ParameterChange = Static<typeof ParameterChange>;

export const PolicyDiff = Type.Object({
  region: Type.String(),
  from: PolicyVersion,
  to: PolicyVersion,
  changes: Type.Array(ParameterChange),
});
export type PolicyDiff = Static<typeof PolicyDiff>;

/** 需求目录: every R- id with its text and the documents it comes from. */
export const Requirement = Type.Object({
  id: Type.String(),
  area: Type.String(),
  areaZh: Type.Optional(Type.String({ description: '领域（中文）' })),
  text: Type.String(),
  textZh: Type.Optional(Type.String({ description: '条文（中文）' })),
  sources: Type.String({ description: '出处文件与条款，如 "S0 (三), S2 二"' }),
  documents: Type.Array(Type.String()),
});
export type Requirement = Static<typeof Requirement>;

export const RequirementsCatalogue = Type.Object({
  documents: Type.Array(Type.Object({ id: Type.String(), title: Type.String() })),
  requirements: Type.Array(Requirement),
});
export type RequirementsCatalogue = Static<typeof RequirementsCatalogue>;

/** 合规校验: one constraint of the guidance checked on one version (and resident category). */
export const ComplianceFinding = Type.Object({
  rule: Type.String({ description: 'R-H1 … R-H7' }),
  version: Type.String(),
  from: Type.String(),
  group: Nullable(Type.String()),
  ok: Type.Boolean(),
  text: Type.String({ description: '对照内容（中文）' }),
  constraint: Type.Optional(Type.Object({ text: Type.String(), source: Type.String() })),
});
export type ComplianceFinding = Static<typeof ComplianceFinding>;

export const ComplianceReport = Type.Object({
  region: Type.String(),
  checks: Type.Integer(),
  breaches: Type.Array(ComplianceFinding),
  findings: Type.Array(ComplianceFinding),
});
export type ComplianceReport = Static<typeof ComplianceReport>;
