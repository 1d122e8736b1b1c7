// The public calculation contract (CALC_CONTRACT.md): request and result as the outside world sees
// them, in yuan (元). The engine converts to integer fen (分) at the edge and never computes in yuan.

export const SCHEMES = ['resident', 'employee'] as const;
export type Scheme = (typeof SCHEMES)[number]; // 参保类型: 城乡居民 | 城镇职工

export const LEVELS = ['primary', 'secondary', 'tertiary'] as const;
export type Level = (typeof LEVELS)[number]; // 机构等级: 基层 | 二级 | 三级

export const INSTITUTION_TYPES = [
  'community_centre', // 社区卫生服务中心
  'community_station', // 社区卫生服务站
  'township_centre', // 乡镇卫生院
  'village_clinic', // 村卫生室
  'clinic', // 诊所/门诊部
  'general_hospital', // 综合医院
  'tcm_hospital', // 中医医院
  'internet_hospital', // 互联网医院
  'pharmacy', // 定点零售药店
] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

/** 性别, as registered (from the ID card): what the 限性别 rule F-02 reads. */
export const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];

export const VISIT_KINDS = [
  'outpatient', // 普通门诊
  'emergency', // 急诊
  'chronic_outpatient', // 门诊慢性病
  'special_outpatient', // 门诊特殊病种
  'inpatient', // 住院
  'family_bed', // 家庭病床
  'pharmacy', // 药店购药
] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

export const SCOPES = ['in_county', 'cross_county', 'out_of_city'] as const;
export type Scope = (typeof SCOPES)[number]; // 就医地: 县域内 | 市内跨县 | 市外

export const DIRECTIONS = ['up', 'down', 'lateral'] as const;
export type Direction = (typeof DIRECTIONS)[number]; // 转诊方向: 上转 | 下转 | 平转

export const ITEM_KINDS = ['drug', 'service', 'material'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const ITEM_CLASSES = ['A', 'B', 'self'] as const;
export type ItemClass = (typeof ITEM_CLASSES)[number]; // 甲类 | 乙类 | 丙类/自费

export const ACCUMULATOR_NAMES = [
  'outpatientDeductiblePaid', // 普通门诊已付起付线
  'outpatientFundPaid', // 普通门诊统筹已支付
  'outpatientInScope', // 普通门诊累计政策范围内费用
  'chronicFundPaid', // 门诊慢性病统筹已支付
  'specialDeductiblePaid', // 门诊特殊病种已付起付线
  'inpatientFundPaid', // 住院(含特殊病种)统筹已支付
] as const;
export type AccumulatorName = (typeof ACCUMULATOR_NAMES)[number];
export type Accumulators = Record<AccumulatorName, number>;

export interface Referral {
  fromLevel: Level;
  direction: Direction;
  filed: boolean; // 已备案: an unfiled referral counts as none
  linkedDeductiblePaid: number; // yuan, the previous stay's deductible (R-D6)
}

export interface EPrescription {
  fromLevel: Level;
  fromType: InstitutionType;
}

export interface CalcItem {
  code: string;
  name: string;
  kind: ItemKind;
  class: ItemClass;
  selfPayRatio: number | null; // Class B only; null = the policy default
  quantity: number;
  unitPrice: number;
  priceStandard: number | null;
  paymentLimit: number | null;
  consent: boolean;
  publicHealth: boolean;
  fixedSelfPay: boolean;
  /** A rule that refused the line before the benefit ("R-D10", "F-05"): institution-borne. */
  refusedBy?: string | null;
}

export interface CalcRequest {
  region: string;
  date: string; // YYYY-MM-DD
  person: {
    scheme: Scheme;
    category: string;
    chronicDiseases: string[];
    familyDoctorContract: boolean;
    relocated: boolean;
    accountBalance: number;
  };
  institution: { level: Level | null; type: InstitutionType };
  visit: {
    kind: VisitKind;
    department: 'general' | 'tcm';
    diagnosis: string | null;
    scope: Scope;
    referral: Referral | null;
    ePrescription: EPrescription | null;
    useAccount: boolean;
  };
  items: CalcItem[];
  ytd: Accumulators;
}

/** Where a policy value comes from (出处): the document, its clause and the requirement id. */
export interface Citation {
  document: string;
  clause: string;
  requirement: string; // R- id of REQUIREMENTS.md
}

/** How a cited parameter's value is shown: yuan (元), whole percentage points, signed points, … */
export type ParamUnit = 'yuan' | 'percent' | 'points' | 'boolean' | 'codes';

/**
 * A policy parameter a trace event used (引用参数), with the value in force and its source clause, so
 * an officer (or an appeal) can check every number against the document. `name` is the key of the
 * compiled policy's citations: group-qualified ("resident/adult:generalOutpatient.rate") or, for a
 * region-wide parameter, plain ("classB.defaultSelfPayRatio").
 */
export interface TraceParam {
  name: string;
  value: number | boolean | readonly string[] | Readonly<Partial<Record<Level, number>>>;
  unit: ParamUnit;
  level?: Level; // the entry used of a table by level (按机构等级)
  source: Citation;
}

/** One line of the explanation (结算说明). `applied: false` marks an exception considered and not applied. */
export interface TraceEvent {
  rule: string; // R- id of REQUIREMENTS.md
  text: string; // 中文, for an agency officer
  amount: number; // yuan moved by this rule (0 for a rule that moved nothing)
  applied?: false;
  item?: number; // index of the line item, for line rules
  params?: TraceParam[]; // the policy parameters the event used, each with its value and clause
  supervisionRule?: string; // a 事中 rule's id (F-05) on its refusal event (SUPERVISION_CONTRACT.md)
}

export interface ItemResult {
  code: string;
  total: number;
  fullSelfPay: number;
  overLimitSelfPay: number;
  firstSelfPay: number;
  inScope: number;
  institutionBorne: number;
  /** A line refused by a rule before the benefit (SUPERVISION_CONTRACT.md): absent on other lines. */
  refusedBy?: string;
  /** The refused part in yuan, included in `institutionBorne` (F-07: the excess quantity only). */
  refusedAmount?: number;
}

export type BenefitGroup =
  | 'general_outpatient' // 普通门诊统筹
  | 'chronic_outpatient' // 门诊慢性病
  | 'special_outpatient' // 门诊特殊病种
  | 'inpatient' // 住院
  | 'family_bed' // 家庭病床
  | 'none'; // 无统筹支付 (gate refused, OTC purchase)

export interface CalcResult {
  region: string;
  policyVersion: string;
  policyHash: string;
  benefitGroup: BenefitGroup;
  totalCost: number;
  fullSelfPay: number;
  overLimitSelfPay: number;
  firstSelfPay: number;
  inScope: number;
  deductible: number;
  rate: number;
  fundPay: number;
  pooledSelfPay: number;
  overCap: number;
  institutionBorne: number;
  personalPart: number;
  accountPay: number;
  cashPay: number;
  items: ItemResult[];
  ytd: Accumulators;
  trace: TraceEvent[];
}

/** Bad input: names the field (a JSON path like `items[0].unitPrice`) and the rule it broke. */
export class CalcInputError extends Error {
  readonly code: string;
  readonly field: string;
  constructor(code: string, field: string, message: string) {
    super(message);
    this.name = 'CalcInputError';
    this.code = code;
    this.field = field;
  }
  toJSON(): { error: { code: string; message: string; field: string } } {
    return { error: { code: this.code, message: this.message, field: this.field } };
  }
}
