// 事后 runs (SUPERVISION_RULES.md §5, issue 15 §3): F-08…F-17 over a date range, on every visible
// settlement stored when the run reads, alerts inserted by identity so a re-run, an overlapping
// range or two runs at once create nothing twice. Incremental: a run remembers the instant before
// which it judged every settlement (its watermark); a later run of a range already covered by this
// rule library judges again only the persons with a settlement stored since.
import {
  appealWindowOn,
  batchContext,
  raiseAlerts,
  supervisionAddDays,
  type RegionPolicy,
} from '@yibao/engine';
import type { Database } from '../db/types.js';
import { Invalid } from '../domain/errors.js';
import { newSettlementId } from '../settle/ids.js';
import { insertAlerts } from '../store/supervision/alerts.js';
import { exemptionsOfPersons } from '../store/supervision/exemptions.js';
import {
  contractsOfPersons,
  personsSettledIn,
  settlementFactsOfPersons,
} from '../store/supervision/facts.js';
import {
  coveredWatermark,
  finishRun,
  insertRun,
  recordProgress,
  type StoredRun,
} from '../store/supervision/runs.js';

/**
 * How far either side of the range a person's settlements can still be evidence (§10 "Evidence
 * decides the range"): back, a drug line's supply (days ≤ 365, F-08), F-17's 90 days, a month, a
 * stay admitted before the range; ahead, a stay settled at discharge after the range that a visit
 * or discharge in it overlaps or precedes (F-09–F-11). One year and a day each way covers them all.
 */
export const LOOK_BACK_DAYS = 366;
export const LOOK_AHEAD_DAYS = 366;
/** Persons judged per read: their settlements, contracts and exemptions in three statements. */
export const PERSONS_PER_CHUNK = 1000;
/** Chunks read, judged and stored at once: the database works on one while Node judges another. */
export const CHUNKS_IN_FLIGHT = 3;
/** A settlement still committing when a run starts began less than this before (statement timeouts). */
export const WATERMARK_MARGIN_SECONDS = 60;
/** The longest range one run takes (a year and a bit: the contract's "a date range", bounded). */
export const MAX_RANGE_DAYS = 400;

export interface RunRequest {
  from: string;
  to: string;
  runOn: string;
  full: boolean;
}

/** How the work is cut (tests use small chunks to run several in flight over a few persons). */
export interface RunTuning {
  personsPerChunk?: number;
  chunksInFlight?: number;
}

export interface PreparedRun {
  runId: string;
  incremental: boolean;
  /** Judges the persons and stores the alerts; answers how many alerts this run created. */
  execute(onProgress?: (done: number, total: number) => void): Promise<number>;
}

const dayCount = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Checks the request and records the run as started; the work is `execute`. */
export async function prepareRun(
  db: Database,
  region: RegionPolicy,
  req: RunRequest,
  actor: string,
  tuning: RunTuning = {},
): Promise<PreparedRun> {
  const perChunk = tuning.personsPerChunk ?? PERSONS_PER_CHUNK;
  const inFlight = tuning.chunksInFlight ?? CHUNKS_IN_FLIGHT;
  if (req.from > req.to)
    throw new Invalid('to', 'invalid_range', `结束日期 ${req.to} 早于开始日期 ${req.from}`);
  if (dayCount(req.from, req.to) > MAX_RANGE_DAYS)
    throw new Invalid('to', 'range_too_long', `一次运行至多 ${String(MAX_RANGE_DAYS)} 天，请分段运行`);
  const library = region.supervision;
  const workflow = appealWindowOn(library, req.runOn);
  if (workflow === null)
    throw new Invalid('runOn', 'no_workflow', `${req.runOn} 没有生效的申诉期设置（规则库 workflow）`);
  const appealDeadline = supervisionAddDays(req.runOn, workflow.appealWindowDays);
  const since = req.full ? null : await coveredWatermark(db, region.code, region.hash, req.from, req.to);
  const runId = newSettlementId();
  const { watermark } = await insertRun(
    db,
    {
      id: runId,
      region: region.code,
      from: req.from,
      to: req.to,
      runOn: req.runOn,
      policyHash: region.hash,
      full: since === null,
      by: actor,
    },
    WATERMARK_MARGIN_SECONDS,
  );

  const execute = async (onProgress?: (done: number, total: number) => void): Promise<number> => {
    try {
      const persons = await personsSettledIn(db, req.from, req.to, since);
      const readFrom = supervisionAddDays(req.from, -LOOK_BACK_DAYS);
      const readTo = supervisionAddDays(req.to, LOOK_AHEAD_DAYS);
      let raised = 0;
      let done = 0;
      onProgress?.(0, persons.length);
      await recordProgress(db, runId, 0, persons.length);
      // A few chunks in flight, so the database reads one while this process judges another.
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < persons.length) {
          const chunk = persons.slice(next, next + perChunk);
          next += chunk.length;
          const [facts, contracts, exemptions] = await Promise.all([
            settlementFactsOfPersons(db, chunk, readFrom, readTo),
            contractsOfPersons(db, chunk),
            exemptionsOfPersons(db, chunk),
          ]);
          const drafts = raiseAlerts(library, batchContext(facts, contracts), {
            from: req.from,
            to: req.to,
            exemptions,
          });
          // Not `raised += await …`: that reads `raised` before the other chunks' awaits add theirs.
          const created = await insertAlerts(
            db,
            drafts.map((draft) => ({ id: newSettlementId(), draft })),
            { runId, raisedOn: req.runOn, appealDeadline, actor },
          );
          raised += created;
          done += chunk.length;
          onProgress?.(done, persons.length);
          await recordProgress(db, runId, done, persons.length);
        }
      };
      await Promise.all(Array.from({ length: inFlight }, worker));
      await finishRun(db, runId, { raised, watermark });
      return raised;
    } catch (err) {
      await finishRun(db, runId, { error: err instanceof Error ? err.message : String(err) }).catch(() => {
        // the database is gone too: the run stays 'running' and the caller hears the first error
      });
      throw err;
    }
  };
  return { runId, incremental: since !== null, execute };
}

/** The run as the contract answers it (SUPERVISION_CONTRACT.md POST /runs, GET /runs/{runId}). */
export function runAnswer(run: StoredRun) {
  return {
    runId: run.id,
    from: run.from,
    to: run.to,
    runOn: run.runOn,
    status: run.status,
    raised: run.raised,
    progress: { done: run.done, total: run.total, unit: 'persons' },
    incremental: !run.full,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    error: run.error,
  };
}
