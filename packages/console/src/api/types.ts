// The service's JSON as the console reads it (SERVICE_CONTRACT.md, CALC_CONTRACT.md and the
// console's read endpoints). Amounts are yuan.

export const LEVELS = ['primary', 'secondary', 'tertiary'] as const;
export type Level = (typeof LEVELS)[number];

export const INSTITUTION_TYPES = [
  'community_centre',
  'community_station',
  'township_centre',
  'village_clinic',
  'clinic',
  'general_hospital',
  'tcm_hospital',
  'internet_hospital',
  'pharmacy',
] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

export const VISIT_KINDS = [
  'outpatient',
  'emergency',
  'chronic_outpatient',
  'special_outpatient',
  'inpatient',
  'family_bed',
  'pharmacy',
] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

export const SCHEMES = ['resident', 'employee'] as const;
export type Scheme = (typeof SCHEMES)[number];
export const CATEGORIES: Record<Scheme, readonly string[]> = {
  resident: ['adult', 'minor', 'elderly'],
  employee: ['in_service', 'retired'],
};

export const SCOPES = ['in_county', 'cross_county', 'out_of_city'] as const;
export const DIRECTIONS = ['up', 'down', 'lateral'] as const;
export const ITEM_KINDS = ['drug', 'service', 'material'] as const;
export const ITEM_CLASSES = ['A', 'B', 'self'] as const;

export interface ApiErrorBody {
  error: { code: string; message: string; field: string | null };
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Institution {
  id: string; // 定点医药机构编码
  name: string;
  type: InstitutionType;
  level: Level | null; // null for a pharmacy
  county: string;
  parentId: string | null;
}

export interface Person {
  id: string; // 个人编号
  name: string;
  scheme: Scheme;
  category: string;
  region: string;
  chronicDiseases: string[];
  familyDoctorContract: boolean;
  relocated: boolean;
  accountBalance: number;
}

export const ACCUMULATOR_NAMES = [
  'outpatientDeductiblePaid',
  'outpatientFundPaid',
  'outpatientInScope',
  'chronicFundPaid',
  'specialDeductiblePaid',
  'inpatientFundPaid',
] as const;
export type AccumulatorName = (typeof ACCUMULATOR_NAMES)[number];
export type Accumulators = Record<AccumulatorName, number>;

export interface PersonAccumulators {
  personId: string;
  year: number;
  ytd: Accumulators;
}

export interface TraceEvent {
  rule: string; // R- id
  text: string; // Chinese, for an officer
  amount: number;
  applied?: boolean; // false: considered and not applied (an exception that did not hold)
  item?: number; // 0-based line index
}

export interface ResultItem {
  code: string;
  total: number;
  fullSelfPay: number;
  overLimitSelfPay: number;
  firstSelfPay: number;
  inScope: number;
  institutionBorne: number;
}

export const AMOUNT_NAMES = [
  'totalCost',
  'fullSelfPay',
  'overLimitSelfPay',
  'firstSelfPay',
  'inScope',
  'deductible',
  'fundPay',
  'pooledSelfPay',
  'overCap',
  'institutionBorne',
  'personalPart',
  'accountPay',
  'cashPay',
] as const;
export type AmountName = (typeof AMOUNT_NAMES)[number];

export type CalcResult = Record<AmountName, number> & {
  region: string;
  policyVersion: string;
  policyHash?: string;
  benefitGroup?: string;
  rate: number;
  items: ResultItem[];
  ytd: Accumulators;
  trace: TraceEvent[];
};

export type Settlement = CalcResult & {
  settlementId: string;
  requestId: string;
  reverses: string | null;
  reversedBy?: string | null;
  personId: string;
  institutionId: string;
  date: string;
};

export interface SettlementSummary {
  settlementId: string;
  requestId: string;
  personId: string;
  institutionId: string;
  date: string;
  visitKind: string;
  benefitGroup: string;
  reverses: string | null;
  reversedBy: string | null;
  policyVersion: string;
  totalCost: number;
  fundPay: number;
  accountPay: number;
  cashPay: number;
  personalPart: number;
  institutionBorne: number;
  createdAt: string;
}

export const SETTLEMENT_SORTS = ['-date', 'date', '-totalCost', 'totalCost', '-fundPay', 'fundPay'] as const;
export type SettlementSort = (typeof SETTLEMENT_SORTS)[number];

export interface SettlementLine {
  lineNo: number;
  code: string;
  name: string;
  kind: string;
  class: string;
  quantity: number;
  unitPrice: number;
  total: number;
  fullSelfPay: number;
  overLimitSelfPay: number;
  firstSelfPay: number;
  inScope: number;
  institutionBorne: number;
}

export interface VisitInput {
  kind?: string;
  department?: string;
  diagnosis?: string | null;
  scope?: string;
  referral?: { fromLevel: string; direction: string; filed: boolean; linkedDeductiblePaid?: number } | null;
  ePrescription?: { fromLevel: string; fromType: string } | null;
  useAccount?: boolean;
  reversalOf?: string;
}

export interface SettlementVisit {
  settlementId: string;
  visit: VisitInput;
  lines: SettlementLine[];
}

export interface ItemInput {
  code: string;
  name: string;
  kind: string;
  class: string;
  quantity: number;
  unitPrice: number;
  selfPayRatio?: number;
  consent?: boolean;
}

export interface PreviewRequest {
  personId: string;
  institutionId: string;
  date: string;
  visit: VisitInput;
  items: ItemInput[];
}

export interface Reconciliation {
  institutionId: string;
  date: string;
  settlements: { count: number; totals: Record<AmountName, number> };
  reversals: { count: number; totals: Record<AmountName, number> };
  net: { count: number; totals: Record<AmountName, number> };
  fundPayByBenefitGroup: Record<string, number>;
}

export interface Requirement {
  id: string;
  area: string;
  areaZh?: string;
  text: string;
  textZh?: string; // 条文（中文）: shown first in Chinese
  sources: string;
  documents: string[];
}

export interface RequirementsCatalogue {
  documents: Array<{ id: string; title: string }>;
  requirements: Requirement[];
}

export interface Citation {
  document: string;
  clause: string;
  requirement: string;
}

export interface PolicyVersion {
  id: string;
  effectiveFrom: string;
  until: string | null;
  note: string;
}

export interface PolicyRegion {
  code: string;
  name: string;
  hash: string;
  versions: PolicyVersion[];
  schemes: Record<string, string[]>;
}

export interface PolicyParameter {
  name: string;
  groups: string[]; // empty: region-wide
  description: string;
  unit: string;
  value: unknown;
  effectiveFrom: string;
  until: string | null;
  versions: string[];
  source: Citation;
  file: string;
}

export type PolicyRegionDetail = PolicyRegion & { parameters: PolicyParameter[] };

export interface ParameterChange {
  name: string;
  groups: string[];
  description: string;
  unit: string;
  change: 'value' | 'citation' | 'added' | 'removed';
  before: { value: unknown; effectiveFrom: string; source: Citation } | null;
  after: { value: unknown; effectiveFrom: string; source: Citation } | null;
}

export interface PolicyDiff {
  region: string;
  from: PolicyVersion;
  to: PolicyVersion;
  changes: ParameterChange[];
}

/** 合规校验: one constraint of the guidance checked on one version (and resident category). */
export interface ComplianceFinding {
  rule: string; // R-H1 … R-H7
  version: string;
  from: string;
  group: string | null;
  ok: boolean;
  text: string; // what was compared, in Chinese
  constraint?: { text: string; source: string };
}

export interface ComplianceReport {
  region: string;
  checks: number;
  breaches: ComplianceFinding[];
}

export interface Breakdown {
  key: string;
  fundPay: number;
  visits: number;
}

export interface DashboardMonth {
  month: string;
  visits: number;
  primaryVisits: number;
  primaryVisitShare: number | null;
  fundPay: number;
  primaryFundPay: number;
  primaryFundShare: number | null;
}

export interface Dashboard {
  from: string;
  to: string;
  county: string | null;
  counts: { settlements: number; reversals: number; net: number };
  totals: {
    totalCost: number;
    fundPay: number;
    institutionBorne: number;
    primaryVisitShare: number | null;
    primaryFundShare: number | null;
  };
  months: DashboardMonth[];
  fundByLevel: Breakdown[];
  fundByScheme: Breakdown[];
  fundByBenefitGroup: Breakdown[];
  institutionBorneByLevel: Breakdown[];
  counties: string[];
}
