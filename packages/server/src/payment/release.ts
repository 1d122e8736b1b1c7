// 拨付放行 (issue 13 §2): a monthly run's payment list is released for transfer once, by a finance
// officer other than the one who made it (access/two-person.ts). The run itself never changes
// (PAYMENT_CONTRACT.md); the release is a row of its own beside it.
import type { RunRelease } from '@yibao/api';
import type { Database } from '../db/types.js';
import { Conflict, NotFound } from '../domain/errors.js';
import { actorOf, type Identity } from '../access/identity.js';
import { assertSecondPerson } from '../access/two-person.js';

type Row = Record<string, unknown>;

function toRelease(r: Row): RunRelease {
  const at = r['released_at'];
  return {
    runId: r['run_id'] as string,
    madeBy: r['made_by'] as string,
    releasedBy: r['released_by'] as string,
    releasedAt: at instanceof Date ? at.toISOString() : new Date(String(at)).toISOString(),
    reason: r['reason'] as string,
  };
}

export async function releaseMonthlyRun(
  db: Database,
  runId: string,
  releasing: Identity,
  reason: string,
): Promise<RunRelease> {
  return db.transaction(async (tx) => {
    const runs = await tx.query<Row>('SELECT made_by FROM payment_monthly_runs WHERE id = $1 FOR UPDATE', [
      runId,
    ]);
    const run = runs[0];
    if (run === undefined) throw new NotFound('月度结算', runId, 'id');
    const madeBy = run['made_by'] as string;
    assertSecondPerson(madeBy, releasing);
    const rows = await tx.query<Row>(
      `INSERT INTO payment_run_releases (run_id, made_by, released_by, reason) VALUES ($1, $2, $3, $4)
       ON CONFLICT (run_id) DO NOTHING
       RETURNING run_id, made_by, released_by, released_at, reason`,
      [runId, madeBy, actorOf(releasing), reason],
    );
    if (rows[0] === undefined)
      throw new Conflict('already_released', `月度结算 ${runId} 已经放行，不能再次放行`, 'id');
    return toRelease(rows[0]);
  });
}
