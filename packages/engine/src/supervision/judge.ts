// 事中 (SUPERVISION_RULES.md §4): the rules F-01…F-07 over one visit's resolved lines, before the benefit
// calculation. Rules in id order; the first rule that refuses a line decides, and a refused line takes
// no part in later rules. Reads the visit and the registered facts only — never the history.
import { fenToYuan } from '../money.js';
import { versionOn } from './compile.js';
import { sceneOf } from './facts.js';
import { FAMILIES } from './families/index.js';
import type { InSettlementFamily } from './families/family.js';
import type {
  LineRefusal,
  RuleVersion,
  Scene,
  SupervisionLibrary,
  SupervisionRule,
  SupervisionTraceEvent,
  VisitCase,
  VisitOutcome,
} from './types.js';

/** A 事中 rule with its family, as judgeVisit runs it. */
interface Runnable {
  rule: SupervisionRule;
  family: InSettlementFamily<unknown>;
}

// Computed once per compiled library and per rule version (the library is frozen): the settlement
// path judges every visit, and most visits carry no listed code at all.
const rulesByScene = new WeakMap<SupervisionLibrary, Map<Scene, readonly Runnable[]>>();
const screens = new WeakMap<RuleVersion, ReadonlySet<string> | null>();

function inSettlementRules(library: SupervisionLibrary, scene: Scene): readonly Runnable[] {
  let byScene = rulesByScene.get(library);
  if (byScene === undefined) {
    byScene = new Map();
    rulesByScene.set(library, byScene);
  }
  let runnable = byScene.get(scene);
  if (runnable === undefined) {
    runnable = library.rules.flatMap((rule) => {
      const family = FAMILIES.get(rule.family);
      return rule.stage === '事中' && rule.scenes.includes(scene) && family?.stage === '事中'
        ? [{ rule, family: family }]
        : [];
    });
    byScene.set(scene, runnable);
  }
  return runnable;
}

/** Whether a line of the visit carries one of the codes the rule's version can judge. */
function mayJudge(
  family: InSettlementFamily<unknown>,
  version: RuleVersion,
  lines: VisitCase['lines'],
): boolean {
  let screen = screens.get(version);
  if (screen === undefined) {
    screen = family.screen ? family.screen(version.params) : null;
    screens.set(version, screen);
  }
  if (screen === null) return true;
  for (const line of lines) if (screen.has(line.code)) return true;
  return false;
}

export function judgeVisit(library: SupervisionLibrary, visit: VisitCase): VisitOutcome {
  const scene = sceneOf(visit.visitKind, visit.institutionType);
  let alive: boolean[] | null = null;
  const refusals: LineRefusal[] = [];
  const events: SupervisionTraceEvent[] = [];
  for (const { rule, family } of inSettlementRules(library, scene)) {
    const version = versionOn(rule, visit.date);
    if (!version) continue; // not in force: nothing dated earlier is refused
    if (!mayJudge(family, version, visit.lines)) continue;
    alive ??= visit.lines.map(() => true);
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
