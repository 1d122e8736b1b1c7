// A compiled, frozen policy: what the engine reads at settlement time. Built once at start by
// compilePolicy() from the YAML files of policy/<region>/ (REFERENCE_POLICY.md is the demo's).
import type { Citation, Level, Scheme } from '../contract.js';
import type { PaymentPolicy } from '../payment/types.js';
import type { SupervisionLibrary } from '../supervision/types.js';

export interface PolicyFile {
  path: string; // relative to the policy root, e.g. "demo/resident.yaml"
  text: string;
}

// Where a value comes from: declared with the contract, since every trace event that used a
// parameter carries its citation.
export type { Citation } from '../contract.js';

export type ByLevel = Readonly<Record<Level, number>>;
export type PartialByLevel = Readonly<Partial<Record<Level, number>>>;

/** The benefits of one person group (a scheme and one of its categories). Amounts in fen. */
export interface GroupBenefits {
  generalOutpatient: {
    deductible: ByLevel; // 普通门诊年度起付线 (one accumulator across levels)
    rate: ByLevel; // 支付比例, whole points
    tierThreshold: number | null; // 累计政策范围内费用分段线
    tierRate: PartialByLevel; // rate above the threshold, where a level has one
    cap: number; // 年度最高支付限额
    capRaised: number | null; // raised cap: certified chronic disease + family-doctor contract (R-D4)
    referralGate: boolean; // 转诊限制 (R-D3)
  };
  chronicOutpatient: { rate: ByLevel; tuberculosisRate: PartialByLevel; cap: number };
  specialOutpatient: { deductible: number };
  inpatient: { deductible: ByLevel; rate: ByLevel; cap: number };
  familyBed: { deductible: number };
  personalAccount: boolean; // 个人账户 (R-D9)
}

export interface RegionWide {
  classBDefaultSelfPayRatio: number; // ten-thousandths
  inpatientAdjustment: {
    downwardReferral: number;
    crossCountyWithoutReferral: number;
    outOfCityWithReferral: number;
    outOfCityWithoutReferral: number;
    outOfCityRelocated: number;
  };
  tuberculosisCodes: readonly string[]; // diagnosis categories, e.g. A15…A19
  chronicDiseaseCodes: readonly string[];
  specialDiseaseCodes: readonly string[];
}

/** Every parameter's value with its citation, as in force on a date (for display and audit). */
export interface ParameterValue {
  name: string;
  group: string | null; // "resident/adult", or null for a region-wide parameter
  description: string;
  unit: string;
  value: unknown;
  effectiveFrom: string;
  source: Citation;
  file: string;
}

/** The policy in force over a date range [from, until). */
export interface PolicySegment {
  from: string;
  until: string | null;
  version: string;
  groups: ReadonlyMap<string, GroupBenefits>; // key "scheme/category"
  region: RegionWide;
  citations: ReadonlyMap<string, Citation>; // parameter name (group-qualified) -> citation in force
}

export interface PolicyVersion {
  id: string;
  effectiveFrom: string;
  note: string;
}

export interface RegionPolicy {
  code: string;
  name: string;
  hash: string; // content hash of the region's files: stored with every settlement
  versions: readonly PolicyVersion[];
  schemes: ReadonlyMap<Scheme, readonly string[]>; // categories by scheme
  segments: readonly PolicySegment[];
  parameters: readonly ParameterValue[]; // every dated value, for the console and audits
  payment: PaymentPolicy | null; // the `payment` part (docs/payments.md); the benefit engine never reads it
  readonly supervision: SupervisionLibrary; // the `supervision` part (docs/supervision.md); empty when the region has none
}

export interface PolicyBook {
  hash: string;
  regions: ReadonlyMap<string, RegionPolicy>;
}
