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
export {
  judgeVisit,
  batchContext,
  raiseAlerts,
  rulesOn,
  appealWindowOn,
  versionOn as supervisionVersionOn,
  fundShares,
  sceneOf,
  fundOf,
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
