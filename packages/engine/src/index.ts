// @yibao/engine — the benefit engine (政策计算引擎). Pure: no I/O, no clock, no environment.
export * from './contract.js';
export { compilePolicy, PolicyError, POLICY_PARTS } from './policy-compiler/compile.js';
export type { PolicyPart } from './policy-compiler/compile.js';
export { compileRequirements } from './policy-compiler/requirements.js';
export type { Requirement, RequirementsCatalogue } from './policy-compiler/requirements.js';
export type { PolicyBook, PolicyFile, RegionPolicy, PolicyVersion } from './policy-compiler/types.js';
export { calculate, calculateParsed } from './calculate.js';
export { parseRequest } from './request/parse.js';
export { toFen, fenToYuan, isYuanAmount, groupedYuan } from './money.js';
export { levelMismatch, expectedDirection } from './request/levels.js';
export { checkCompliance } from './compliance/check.js';
export type { ComplianceFinding, Guidance } from './compliance/check.js';
export { compileGuidance } from './compliance/guidance.js';
export type { GuidanceFile } from './compliance/guidance.js';
// Paying institutions (docs/payments.md): the `payment` part and its pure computations.
export { compilePayment, paymentVersionOn } from './payment/compile.js';
export { CASE_METHODS } from './payment/methods.js';
export type { CaseMethod, CaseStay, CaseUnits, CaseRatio, Procedure } from './payment/method.js';
export { groupStay, DIP_METHOD } from './payment/dip.js';
export type { DipSettings } from './payment/dip.js';
export { bedDayUnits } from './payment/bedDay.js';
export {
  fundOf,
  paymentMonthOf,
  deductionMonthOf,
  settlementPaymentFacts,
  reversalPaymentFacts,
  paymentFactsToWire,
} from './payment/facts.js';
export type { PaymentFacts, SettlementPaymentInput } from './payment/facts.js';
export {
  monthlyRun,
  finishMonthlyRow,
  capitationHead,
  contractFee,
  pointsToFen,
  CELL_ORDER,
} from './payment/monthly.js';
export type {
  MonthlyRun,
  MonthlyRow,
  MonthlyRunInput,
  MonthDeduction,
  MonthContractDays,
} from './payment/monthly.js';
export {
  yearEndRun,
  share,
  splitOverCells,
  settlementPointValue,
  depositReleasePercent,
} from './payment/yearEnd.js';
export type {
  YearEndRun,
  YearEndRow,
  YearEndInput,
  YearEndInstitution,
  YearEndInstitutionLine,
  PoolPrice,
  InstitutionKind,
} from './payment/yearEnd.js';
export { lastDayOf, monthKey, daysInYear } from './payment/arith.js';
export { CARE_TYPES, PROCEDURE_KINDS, FUNDS } from './payment/types.js';
export type {
  PaymentPolicy,
  PaymentVersion,
  PaymentEvent,
  PaymentParam,
  CareType,
  Fund,
  Pool,
  ProcedureKind,
} from './payment/types.js';
export { parsePaymentVisit } from './payment/visit.js';
export type { PaymentVisitFields } from './payment/visit.js';
// Supervision (docs/supervision.md): the `supervision` part, its at-settlement and batch evaluators.
export {
  judgeVisit,
  batchContext,
  raiseAlerts,
  rulesOn,
  appealWindowOn,
  versionOn as supervisionVersionOn,
  fundShares,
  sceneOf,
  fundOf as supervisionFundOf,
  openAlert,
  appealAlert,
  reviewAlert,
  deductionOf,
  sumDeductions,
  monthIndicators,
  indicatorSettingsOn,
} from './supervision/index.js';
export type {
  AlertDraft,
  AlertRecord,
  IndicatorFact,
  MonthIndicators,
  AlertStatus,
  DeductionDraft,
  Transition,
  ContractFact,
  Exemption,
  LineRefusal,
  RuleView,
  RunRange,
  SettlementFact,
  SettlementLineFact,
  SupervisionLibrary,
  SupervisionRule,
  SupervisionTraceEvent,
  VisitCase,
  VisitLine,
  VisitOutcome,
} from './supervision/index.js';
// Supervision's stored side (issue 15): the calendar arithmetic and the history entry the server keeps.
export { addDays as supervisionAddDays } from './supervision/index.js';
export type { AlertHistoryEntry } from './supervision/index.js';
