// The supervision rule library (基金监管规则库, SUPERVISION_RULES.md) as the engine holds it: rules read
// from the `supervision` part of a region's policy, and the facts the pure evaluators judge. Amounts
// in fen, quantities in ten-thousandths (money.ts), dates YYYY-MM-DD.
import type {
  Citation,
  InstitutionType,
  ItemKind,
  Level,
  Scheme,
  TraceEvent,
  VisitKind,
} from '../contract.js';

/** 场景 of a settlement (SUPERVISION_RULES.md §1). */
export const SCENES = ['outpatient', 'inpatient', 'internet', 'pharmacy'] as const;
export type Scene = (typeof SCENES)[number];

/** 事中: at settlement and preview, the line is refused; 事后: in batch, an alert for review. */
export const STAGES = ['事中', '事后'] as const;
export type Stage = (typeof STAGES)[number];

export const RESULT_TYPES = ['明确违规', '可疑'] as const;
export type ResultType = (typeof RESULT_TYPES)[number];

/** One dated version of a rule: the family's typed parameters and their text as written (for display). */
export interface RuleVersion<P = unknown> {
  effectiveFrom: string;
  params: P;
  /** `parameters` and `lists` as the policy file writes them: what GET /supervision/rules shows. */
  display: Readonly<Record<string, unknown>>;
}

export interface SupervisionRule<P = unknown> {
  id: string; // F-01
  name: string;
  family: string; // the national rule base's family (规则类别): the evaluator's key
  stage: Stage;
  resultType: ResultType;
  scenes: readonly Scene[];
  window: string; // 时间窗, as the document names it
  requirement: string; // the R- id the rule's trace events and alerts carry
  sources: readonly Citation[]; // every clause the rule rests on
  deducts: boolean; // 事后: an upheld alert with an amount becomes a deduction (R-E1); 事中: false
  versions: readonly RuleVersion<P>[]; // in date order
  file: string; // policy/demo/supervision-….yaml
  line: number | null;
}

export interface WorkflowSettings {
  effectiveFrom: string;
  appealWindowDays: number;
  source: Citation;
}

export interface IndicatorSettings {
  effectiveFrom: string;
  readmissionWithinDays: number; // 15日再入院率
  source: Citation;
}

/** The compiled `supervision` part of one region. */
export interface SupervisionLibrary {
  rules: readonly SupervisionRule[]; // in id order
  workflow: readonly WorkflowSettings[]; // in date order
  indicators: readonly IndicatorSettings[]; // in date order
}

// ---- 事中: one visit's lines, before the benefit calculation ------------------------------------

export type { Sex } from '../contract.js';
import type { Sex } from '../contract.js';

/** One resolved line of the visit (catalogue flags applied), as the benefit calculation will see it. */
export interface VisitLine {
  code: string;
  kind: ItemKind;
  quantity: number; // ten-thousandths (QUANTITY_SCALE)
  unitPrice: number; // fen
  publicHealth: boolean;
  days: number | null; // 用药天数
}

/** What the 事中 rules read: the request and the registered facts of person and institution, no history. */
export interface VisitCase {
  date: string;
  visitKind: VisitKind;
  benefitKind: VisitKind; // chronic/special without certification is outpatient
  institutionType: InstitutionType;
  institutionLevel: Level | null;
  sex: Sex | null;
  birthDate: string | null;
  admissionDate: string | null; // stays only; ignored elsewhere
  lines: readonly VisitLine[];
}

/** The trace event of a 事中 rule: CALC_CONTRACT.md's event with the supervision rule named. */
export interface SupervisionTraceEvent extends TraceEvent {
  supervisionRule: string;
}

/** A line refused by a 事中 rule: the settlement sets the item's `refusedBy` from it. */
export interface LineRefusal {
  item: number;
  ruleId: string; // refusedBy
  ruleName: string;
  refusedAmount: number; // fen, institution-borne (R-D10)
  /** F-07: the quantity still priced as the line (ten-thousandths); null when the whole line is refused. */
  allowedQuantity: number | null;
  event: SupervisionTraceEvent;
}

export interface VisitOutcome {
  refusals: readonly LineRefusal[]; // in line order, at most one per line
  /** Every event in rule order: refusals and rules that listed a line but lacked a fact (未适用). */
  events: readonly SupervisionTraceEvent[];
}

// ---- 事后: stored settlements --------------------------------------------------------------------

export interface SettlementLineFact {
  code: string;
  kind: ItemKind;
  inScope: number; // fen
  days: number | null;
  refusedBy: string | null; // refused at settlement: invisible to 事后 rules
}

export interface SettlementFact {
  id: string;
  order: number; // the order the service stored the settlements (ties on a date)
  personId: string;
  institutionId: string;
  institutionType: InstitutionType;
  date: string;
  visitKind: VisitKind;
  benefitKind: VisitKind;
  admissionDate: string | null;
  diagnosis: string | null;
  proxy: boolean;
  referralCounted: boolean; // a counted referral (filed, or a referralId that counts)
  pool: Scheme;
  fundPay: number; // fen
  totalCost: number; // fen
  reversed: boolean; // reversed, or itself a reversal: invisible to 事后 rules
  lines: readonly SettlementLineFact[];
}

/** A family-doctor contract (家庭医生签约) with its own institutions resolved by the registry. */
export interface ContractFact {
  id: string;
  personId: string;
  centreId: string;
  doctor: string;
  validFrom: string;
  validTo: string;
  endedOn: string | null;
  ownInstitutionIds: readonly string[]; // the centre, its children, the contract's district and city hospitals
}

export type Fund = 'outpatient' | 'inpatient';

/** An alert as a run raises it; the server adds id, raisedOn, deadline, status and history. */
export interface AlertDraft {
  identity: string; // (rule, subject settlement, line) or, for F-14–F-16, (rule, person, month)
  ruleId: string;
  ruleName: string;
  resultType: ResultType;
  requirement: string;
  institutionId: string;
  personId: string;
  settlementId: string;
  line: number | null;
  date: string;
  month: string | null; // YYYY-MM for the per-month rules
  pool: Scheme;
  fund: Fund;
  amount: number; // fen at stake
  evidence: readonly string[]; // settlement ids, the subject included, in settlement order
  evidenceDates: readonly string[]; // their dates, same order (a run's range is judged on them)
  contractId: string | null;
  doctor: string | null;
  text: string;
}

export interface Exemption {
  ruleId: string;
  personId: string;
  from: string;
  to: string;
}
