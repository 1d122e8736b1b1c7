// Seeds the demo region and settles a year of visits through the settlement service — the same
// code path institutions' calls take — with a few reversals along the way.
import type { Database } from '../db/types.js';
import { isDomainError } from '../domain/errors.js';
import { ApiError, isCalcInputError } from '../errors.js';
import { insertInstitutionsBulk, insertPersonsBulk } from '../store/bulk.js';
import type { SettlementService } from '../settle/service.js';
import { loadDemoCatalogue } from './catalogue-seed.js';
import { demoPersons, type DemoPerson } from './persons.js';
import { Rng } from './prng.js';
import { demoInstitutions } from './region.js';
import { assessDemoYear, seedDemoRegistry, settleWithRecords } from './registry.js';
import { demoDate, demoNetwork, demoVisit, prepareDemoVisit } from './visits.js';

/** The refusals a realistic year has (a person who left the scheme, an agreement ended); any other fails the seed. */
const EXPECTED_REFUSALS = new Set(['not_insured', 'no_active_agreement']);

export interface SeedOptions {
  persons: number;
  visits: number;
  /** Settlements in flight at once (1 on the embedded database, more on a server). */
  concurrency: number;
  /** Distinguishes runs: request ids are `demo-<run>-<n>`, so the same run again replays. */
  run: string;
  seed?: number;
  /** Share of settled visits reversed afterwards (结算撤销). */
  reversalShare?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedReport {
  institutions: number;
  persons: number;
  settled: number;
  replayed: number;
  reversed: number;
  refused: Record<string, number>; // error code → count (input errors of a generated visit)
  withRecords: number; // visits that named a referral or e-prescription record by id
  assessed: number; // 2025 agreements assessed and published (R-A7)
}

/** True when the database has no institutions yet: a new database to seed. */
export async function isEmpty(db: Database): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM institutions LIMIT 1');
  return rows.length === 0;
}

export async function registerDemoRegion(db: Database, persons: number): Promise<DemoPerson[]> {
  // The agency's catalogue first: the registry's approved items are checked against it, and the
  // visits send codes that it decides the rest of (docs/catalogue.md). Idempotent, one catalogue
  // version DEMO-2026.
  await loadDemoCatalogue(db, { actor: 'demo', reason: '示范市 2026 医保目录' });
  await insertInstitutionsBulk(db, demoInstitutions());
  const list = demoPersons(persons);
  await insertPersonsBulk(db, list);
  await seedDemoRegistry(db, demoInstitutions(), list);
  return list;
}

export async function seedDemo(
  db: Database,
  service: SettlementService,
  options: SeedOptions,
): Promise<SeedReport> {
  const institutions = demoInstitutions();
  const persons = await registerDemoRegion(db, options.persons);
  const net = demoNetwork(institutions);
  const rng = new Rng(options.seed ?? 2026);
  // A year of visits in date order, so caps and deductibles fill up as they would.
  const plan = Array.from({ length: options.visits }, (_, n) => ({
    n,
    date: demoDate(rng),
    person: rng.pick(persons),
  }));
  plan.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.n - b.n));
  const report: SeedReport = {
    institutions: institutions.length,
    persons: persons.length,
    settled: 0,
    replayed: 0,
    reversed: 0,
    refused: {},
    withRecords: 0,
    assessed: 0,
  };
  const reversalShare = options.reversalShare ?? 0.01;
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const step = plan[next++];
      if (step === undefined) return;
      // Each visit draws from its own stream, so the plan does not depend on the concurrency.
      const visitRng = new Rng((options.seed ?? 2026) * 31 + step.n);
      const requestId = `demo-${options.run}-${step.n}`;
      try {
        const body = await prepareDemoVisit(db, demoVisit(visitRng, net, step.person, step.date, requestId));
        const answer = await service.settle(body);
        if (answer.status === 201) report.settled++;
        else report.replayed++;
        if (answer.status === 201 && visitRng.chance(reversalShare)) {
          await service.reverse(answer.body.settlementId, { requestId: `${requestId}-reversal` });
          report.reversed++;
        }
      } catch (err) {
        const code =
          isCalcInputError(err) || err instanceof ApiError || isDomainError(err) ? err.code : undefined;
        // A generated visit the service refuses for anything but a realistic rule is a bug of the
        // demo (issue 12 §6): fail loudly rather than seed a year with holes in it.
        if (code === undefined || !EXPECTED_REFUSALS.has(code)) {
          const message = err instanceof Error ? err.message : String(err);
          throw new Error(`demo visit ${requestId} refused (${code ?? 'error'}): ${message}`, { cause: err });
        }
        report.refused[code] = (report.refused[code] ?? 0) + 1;
      }
      options.onProgress?.(++done, plan.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  // Referrals and e-prescriptions as records, and visits that name them (issue 4).
  report.withRecords = await settleWithRecords(
    db,
    service,
    institutions,
    persons,
    Math.min(200, Math.ceil(options.visits / 50)),
    options.run,
  );
  // The 2025 assessment year: surveys, complaints, every 2025 agreement assessed and published.
  report.assessed = await assessDemoYear(db, institutions);
  return report;
}
