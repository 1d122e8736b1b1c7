// `yibao supervise --from YYYY-MM-DD --to YYYY-MM-DD [--run-on D] [--full] [--operator NAME] [--data DIR]`:
// the 事后 batch run (SUPERVISION_RULES.md §5, issue 15 §3) against the database of `serve`
// (DATABASE_URL or --data), progress on stderr, the run's answer as JSON on stdout — the same run and
// the same record as POST /api/v1/supervision/runs. Idempotent and incremental: run it every night, or
// every few minutes over today for R-F3's real-time monitoring.
//
// Exit codes: 0 done; 1 refused (bad range, no rule library); 2 a usage error.
import { userInfo } from 'node:os';
import { actorOf } from '../access/identity.js';
import { isCalendarDate } from '../catalogue/validate.js';
import { isDomainError } from '../domain/errors.js';
import { today } from '../domain/today.js';
import { readRun } from '../store/supervision/runs.js';
import { supervisedRegion } from '../supervision/library.js';
import { prepareRun, runAnswer } from '../supervision/run.js';
import { parseArgs, stringFlag } from './args.js';
import { progressBar } from './progress.js';
import { openRuntime } from './runtime.js';

const USAGE = `usage: yibao supervise --from YYYY-MM-DD --to YYYY-MM-DD [--run-on YYYY-MM-DD] [--full]
                       [--region CODE] [--operator NAME] [--data DIR]
  runs the batch rules (F-08…F-17) over the settlements dated in the range and stores new alerts;
  --full judges every person settled in the range again (default: only those settled since the
  range was last covered); --run-on is the alerts' raisedOn (default today, China Standard Time)
`;

class Usage extends Error {}

function dateFlag(args: ReturnType<typeof parseArgs>, name: string, required: boolean): string | undefined {
  const v = stringFlag(args, name);
  if (v === undefined) {
    if (required) throw new Usage(`--${name} is required`);
    return undefined;
  }
  const exists: boolean = isCalendarDate(v);
  if (!exists) throw new Usage(`--${name} must be a date YYYY-MM-DD, got '${v}'`);
  return v;
}

function operatorOf(args: ReturnType<typeof parseArgs>): string {
  const named = stringFlag(args, 'operator');
  if (named !== undefined && named.trim() !== '') return named.trim();
  try {
    return userInfo().username;
  } catch {
    return 'cli';
  }
}

export async function runSupervise(argv: string[]): Promise<number> {
  let from: string | undefined;
  let to: string | undefined;
  let runOn: string | undefined;
  const args = parseArgs(argv, ['full', 'help']);
  try {
    if (args.flags.get('help') === true) {
      process.stdout.write(USAGE);
      return 0;
    }
    from = dateFlag(args, 'from', true);
    to = dateFlag(args, 'to', true);
    runOn = dateFlag(args, 'run-on', false);
  } catch (err) {
    if (err instanceof Usage) {
      process.stderr.write(`yibao supervise: ${err.message}\n${USAGE}`);
      return 2;
    }
    throw err;
  }
  if (from === undefined || to === undefined) return 2;
  const runtime = await openRuntime(stringFlag(args, 'data'));
  const bar = progressBar('supervise');
  try {
    const region = supervisedRegion(runtime.policy.book, stringFlag(args, 'region'));
    const actor = actorOf({ kind: 'cli', operator: operatorOf(args) });
    const prepared = await prepareRun(
      runtime.db,
      region,
      { from, to, runOn: runOn ?? today(), full: args.flags.get('full') === true },
      actor,
    );
    process.stderr.write(
      `yibao supervise: run ${prepared.runId} over ${from}…${to} on ${runtime.where}` +
        `${prepared.incremental ? ' (incremental: persons settled since the range was last covered)' : ''}\n`,
    );
    const started = Date.now();
    const raised = await prepared.execute((done, total) => {
      bar.update(done, total);
    });
    bar.stop();
    const run = await readRun(runtime.db, prepared.runId);
    process.stderr.write(
      `yibao supervise: ${String(raised)} new alert(s), ${String(run?.total ?? 0)} person(s) judged in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    if (run !== undefined) process.stdout.write(`${JSON.stringify(runAnswer(run))}\n`);
    return 0;
  } catch (err) {
    bar.stop();
    if (isDomainError(err)) {
      process.stderr.write(`yibao supervise: ${err.field ?? ''} ${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    await runtime.db.close();
  }
}
