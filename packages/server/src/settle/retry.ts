// The compare-and-swap loop: when another settlement of the same person wrote first, recompute
// from the fresh accumulators. Contention on one person is rare (one patient, one visit at a time),
// so a short randomised pause after a few misses is enough to let a burst drain.
import { ApiError } from '../errors.js';

const MAX_ATTEMPTS = 200;

export async function withCasRetry<T>(attempt: () => Promise<T | undefined>): Promise<T> {
  for (let n = 0; n < MAX_ATTEMPTS; n++) {
    const done = await attempt();
    if (done !== undefined) return done;
    if (n >= 2) await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(20, n)));
  }
  throw new ApiError(503, 'busy', '该参保人结算并发过多，请稍后重试');
}
