// Loads the demo catalogue (demo/catalogue-entries.ts) as one catalogue version, DEMO-2026 —
// called by seed.ts before the registry (docs/catalogue.md § Demo catalogue).
import { applyPlan, type PlanSummary } from '../catalogue/apply.js';
import { planEntry, type PlanAction } from '../catalogue/plan.js';
import type { CatalogueChange } from '../catalogue/types.js';
import { validateEntry } from '../catalogue/validate.js';
import type { Database } from '../db/types.js';
import { allEntries, insertCatalogueVersion, lockCatalogue } from '../store/catalogue/entries.js';
import { DEMO_CATALOGUE_VERSION, demoCatalogueEntries } from './catalogue-entries.js';

/** Idempotent: a second run finds every entry unchanged and writes nothing. */
export async function loadDemoCatalogue(db: Database, change: CatalogueChange): Promise<PlanSummary> {
  return db.transaction(async (tx) => {
    await lockCatalogue(tx);
    const held = new Map<string, ReturnType<typeof validateEntry>[]>();
    for (const e of await allEntries(tx)) held.set(e.code, [...(held.get(e.code) ?? []), e]);
    const actions: PlanAction[] = demoCatalogueEntries()
      .map((input) => planEntry(held.get(input.code) ?? [], validateEntry(input, DEMO_CATALOGUE_VERSION)))
      .filter((a) => a.action !== 'unchanged');
    for (const a of actions)
      if (a.action === 'rejected') throw new Error(`demo catalogue: ${a.code} ${a.reason}`);
    if (actions.length === 0) return { added: 0, changed: 0, ended: 0 };
    await insertCatalogueVersion(tx, {
      id: DEMO_CATALOGUE_VERSION,
      title: '示范市 2026 医保目录（演示）',
      source: 'demo',
      fileName: null,
      publishedOn: '2026-01-01',
      summary: null,
      actor: change.actor,
      reason: change.reason,
    });
    return applyPlan(tx, actions, DEMO_CATALOGUE_VERSION, change);
  });
}
