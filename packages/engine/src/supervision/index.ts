// Fund supervision (基金监管, docs/supervision.md): the rule library as policy data and its pure evaluators.
export { compileSupervision, versionOn, appealWindowOn } from './compile.js';
export { judgeVisit } from './judge.js';
export { batchContext, raiseAlerts } from './run.js';
export type { RunRange } from './run.js';
export { fundShares, sceneOf, fundOf, ageOn, daysBetween, addDays, categoryOf } from './facts.js';
export { FAMILIES } from './families/index.js';
export { SCENES, STAGES, RESULT_TYPES } from './types.js';
export type * from './types.js';
export { rulesOn } from './view.js';
export type { RuleView } from './view.js';
export { openAlert, appealAlert, reviewAlert, deductionOf, sumDeductions } from './workflow.js';
export type {
  AlertRecord,
  AlertStatus,
  AlertHistoryEntry,
  DeductionDraft,
  Transition,
  WorkflowRefusal,
} from './workflow.js';
export { monthIndicators, percentShare } from './indicators.js';
export type { IndicatorFact, IndicatorQuery, MonthIndicators } from './indicators.js';
export { indicatorSettingsOn } from './compile.js';
