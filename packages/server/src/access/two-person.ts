// 双人复核 (two-person rule) for money: the one who made a payment run (拨付清单) may not also
// release it. The payment-run release calls this with the run's maker as the history recorded it
// (identity.ts actorOf) and the identity releasing it; the same person is refused (403 same_person)
// however they authenticated (a session today, a token tomorrow: both are `officer:<username>`).
import { Forbidden } from '../domain/errors.js';
import { actorOf, type Identity } from './identity.js';

/**
 * Refuses the release when `releasing` is the run's maker. `madeBy` is the actor string kept with
 * the run. Under `serve --open` (loopback development, tests not about access) nobody is
 * identified — every caller is `open` — so there is no second person to tell apart and the rule
 * cannot apply; everywhere else it does, whichever way the person authenticated.
 */
export function assertSecondPerson(madeBy: string, releasing: Identity, field: string | null = null): void {
  if (releasing.kind === 'open') return;
  if (actorOf(releasing) === madeBy)
    throw new Forbidden(
      'same_person',
      `拨付须由制单人以外的人员复核放行（双人复核）：${madeBy} 不能放行自己制作的清单`,
      field,
    );
}
