// The engine's internal, validated view of a request: every amount in integer fen, quantities and
// ratios in integer ten-thousandths, every default filled in.
import type {
  Accumulators,
  Direction,
  InstitutionType,
  ItemClass,
  ItemKind,
  Level,
  Scheme,
  Scope,
  Sex,
  VisitKind,
} from '../contract.js';

export interface Line {
  index: number;
  code: string;
  name: string;
  kind: ItemKind;
  class: ItemClass;
  selfPayRatio: number | null; // ten-thousandths; null = the policy default
  quantity: number; // ten-thousandths
  unitPrice: number; // fen
  priceStandard: number | null; // fen
  paymentLimit: number | null; // fen
  consent: boolean;
  publicHealth: boolean;
  fixedSelfPay: boolean;
  /** A rule that refused the whole line before the benefit ("R-D10", "F-05"): institution-borne. */
  refusedBy: string | null;
  /** 用药天数 (integer 1–365) on a drug line; null when not given (F-06 / F-08 do not judge it). */
  days: number | null;
  /**
   * Set by the 事中 rules (steps/supervision.ts), never by the caller: F-07's quantity still priced
   * as the line (ten-thousandths), the rest refused; null when the whole line is refused or none is.
   */
  allowedQuantity: number | null;
  /** True when a 事中 rule refused (part of) the line: its trace event is already written. */
  refusedInSettlement: boolean;
}

export interface VisitInput {
  region: string;
  date: string;
  person: {
    scheme: Scheme;
    category: string;
    chronicDiseases: readonly string[];
    familyDoctorContract: boolean;
    relocated: boolean;
    accountBalance: number; // fen
    sex: Sex | null; // 性别, from the registry (F-02)
    birthDate: string | null; // 出生日期, from the registry (F-03)
  };
  institution: { level: Level | null; type: InstitutionType };
  visit: {
    kind: VisitKind;
    department: 'general' | 'tcm';
    diagnosis: string | null;
    scope: Scope;
    referral: { fromLevel: Level; direction: Direction; filed: boolean; linkedDeductiblePaid: number } | null;
    ePrescription: { fromLevel: Level; fromType: InstitutionType | null } | null;
    useAccount: boolean;
    admissionDate: string | null; // 入院日期 (stays; F-07)
    proxy: boolean; // 代配药 (F-10)
  };
  items: Line[];
  ytd: Accumulators; // fen
}
