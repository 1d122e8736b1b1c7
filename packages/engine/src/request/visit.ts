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
  };
  items: Line[];
  ytd: Accumulators; // fen
}
