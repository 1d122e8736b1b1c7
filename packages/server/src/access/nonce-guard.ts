// 防重放: each (key, nonce) is accepted once while its timestamp passes. The database's primary key
// decides, so every process on a PostgreSQL database (cluster workers, several hosts) agrees; the
// inserts of concurrent requests leave as one statement (settle/batcher.ts), so a busy institution's
// settlements add one round trip per batch, not one per request.
import type { Database } from '../db/types.js';
import { Batcher } from '../settle/batcher.js';
import { nonceKey, pruneNonces, recordNonces } from '../store/access/credentials.js';
import { TIMESTAMP_WINDOW_SECONDS } from './signing.js';

/** How often a process deletes the nonces whose timestamps no longer pass. */
const PRUNE_EVERY_MS = 60_000;

interface Seen {
  keyId: string;
  nonce: string;
  expiresAtSeconds: number;
}

export class NonceGuard {
  private readonly batcher: Batcher<Seen, boolean>;
  private lastPrune = Date.now();

  constructor(private readonly db: Database) {
    this.batcher = new Batcher<Seen, boolean>(
      async (batch) => {
        const fresh = await recordNonces(db, batch);
        return batch.map((s) => fresh.has(nonceKey(s.keyId, s.nonce)));
      },
      // Two uses of one nonce never share a statement: the second waits for the next batch and
      // finds the first's row. Two statements in flight at most: the settlement's own stages hold
      // most of a worker's pool (YIBAO_POOL_SIZE, 10), and under load the batches grow instead.
      { maxInFlight: 2, maxBatch: 128, keyOf: (s) => nonceKey(s.keyId, s.nonce) },
    );
  }

  /** True the first time (key, nonce) is presented; false for a replay. */
  async firstUse(keyId: string, nonce: string, timestampSeconds: number): Promise<boolean> {
    this.pruneNowAndThen();
    // Kept until its timestamp leaves the window (plus a second for rounding): a replay after that
    // is refused as stale.
    return this.batcher.submit({
      keyId,
      nonce,
      expiresAtSeconds: timestampSeconds + TIMESTAMP_WINDOW_SECONDS + 1,
    });
  }

  private pruneNowAndThen(): void {
    const now = Date.now();
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    // Not awaited: a request does not wait for housekeeping, and a failed prune is retried next time.
    pruneNonces(this.db).catch(() => undefined);
  }
}

const guards = new WeakMap<Database, NonceGuard>();

/** One guard per database handle, shared by the schemes that take nonces (HMAC, x-tif). */
export function nonceGuardOf(db: Database): NonceGuard {
  let guard = guards.get(db);
  if (guard === undefined) {
    guard = new NonceGuard(db);
    guards.set(db, guard);
  }
  return guard;
}
