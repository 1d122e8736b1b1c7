// 规则库 in force (SUPERVISION_RULES.md, issue 15 §1): the region whose `supervision` part the
// service judges with, and the rules as GET /supervision/rules shows them. The library is the
// release loaded at start (the same PolicyBook the calculator reads), never a copy.
import { rulesOn, type PolicyBook, type RegionPolicy, type SupervisionLibrary } from '@yibao/engine';
import type { SupervisionRules } from '@yibao/api';
import { Invalid } from '../domain/errors.js';

/**
 * The region named, or — when none is — the one region of the release that has supervision rules
 * (the agency supervises its own pooling region; a release with several must be told which).
 */
export function supervisedRegion(book: PolicyBook, region?: string): RegionPolicy {
  if (region !== undefined) {
    const named = book.regions.get(region);
    if (named === undefined) throw new Invalid('region', 'unknown_region', `统筹区不存在: ${region}`);
    return named;
  }
  const withRules = [...book.regions.values()].filter((r) => r.supervision.rules.length > 0);
  const only = withRules[0];
  if (withRules.length !== 1 || only === undefined)
    throw new Invalid(
      'region',
      'region_required',
      withRules.length === 0 ? '政策中没有基金监管规则库' : '有多个统筹区的规则库，请用 region 指明',
    );
  return only;
}

export function libraryOf(book: PolicyBook, region?: string): SupervisionLibrary {
  return supervisedRegion(book, region).supervision;
}

/** The rule of the library by id, or a 400 naming the field (an unknown rule is bad input). */
export function ruleOf(library: SupervisionLibrary, ruleId: string, field: string) {
  const rule = library.rules.find((r) => r.id === ruleId);
  if (rule === undefined) throw new Invalid(field, 'unknown_rule', `规则不存在: ${ruleId}`);
  return rule;
}

/** GET /supervision/rules: every rule with the version in force on the date, and the region's policy version then. */
export function rulesInForce(region: RegionPolicy, date: string): SupervisionRules {
  const version = [...region.versions].reverse().find((v) => v.effectiveFrom <= date);
  return {
    region: region.code,
    date,
    version: version?.id ?? null,
    items: rulesOn(region.supervision, date).map((r) => ({
      id: r.id,
      name: r.name,
      family: r.family,
      stage: r.stage,
      resultType: r.resultType,
      scenes: [...r.scenes],
      window: r.window,
      effectiveFrom: r.effectiveFrom,
      parameters: { ...r.parameters },
      requirement: r.requirement,
      source: [...r.source],
    })),
  };
}
