// 事中 (SUPERVISION_RULES.md §4): the rules F-01…F-07 over one visit's resolved lines, before the benefit
// calculation. Rules in id order; the first rule that refuses a line decides, and a refused line takes
// no part in later rules. Reads the visit and the registered facts only — never the history.
import { fenToYuan } from '../money.js';
import { versionOn } from './compile.js';
import { sceneOf } from './facts.js';
import { FAMILIES } from './families/index.js';
import type {
  LineRefusal,
  SupervisionLibrary,
  SupervisionTraceEvent,
  VisitCase,
  VisitOutcome,
} from './types.js';

export function judgeVisit(library: SupervisionLibrary, visit: VisitCase): VisitOutcome {
  const scene = sceneOf(visit.visitKind, visit.institutionType);
  const alive = visit.lines.map(() => true);
  const refusals: LineRefusal[] = [];
  const events: SupervisionTraceEvent[] = [];
  for (const rule of library.rules) {
    if (rule.stage !== '事中' || !rule.scenes.includes(scene)) continue;
    const version = versionOn(rule, visit.date);
    if (!version) continue; // not in force: nothing dated earlier is refused
    const family = FAMILIES.get(rule.family);
    if (!family || family.stage !== '事中') continue;
    for (const verdict of family.judge({ rule, params: version.params, visit, scene, alive })) {
      if ('notJudged' in verdict) {
        const e: SupervisionTraceEvent = {
          rule: rule.requirement,
          supervisionRule: rule.id,
          text: `未适用：${rule.id} ${rule.name} — ${verdict.notJudged}`,
          amount: 0,
          applied: false,
          item: verdict.item,
        };
        if (verdict.params.length > 0) e.params = verdict.params;
        events.push(e);
        continue;
      }
      alive[verdict.item] = false;
      const event: SupervisionTraceEvent = {
        rule: rule.requirement,
        supervisionRule: rule.id,
        item: verdict.item,
        amount: fenToYuan(verdict.refused),
        text: verdict.text,
      };
      if (verdict.params.length > 0) event.params = verdict.params;
      events.push(event);
      refusals.push({
        item: verdict.item,
        ruleId: rule.id,
        ruleName: rule.name,
        refusedAmount: verdict.refused,
        allowedQuantity: verdict.allowedQuantity,
        event,
      });
    }
  }
  refusals.sort((a, b) => a.item - b.item);
  return { refusals, events };
}
