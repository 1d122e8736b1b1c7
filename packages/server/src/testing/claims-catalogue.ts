// Test support for the tests written before issue 12, when the service believed each line's class,
// ratio, price standard and limit. The service now takes those from the agency's catalogue; so that
// those tests keep their meaning (an in-catalogue line settles exactly as before), the test app
// records each line's claims as its code's catalogue entry before the request is sent. The tests of
// the catalogue rules themselves turn this off (createTestApp's `claimsAsCatalogue: false`).
import type { FastifyInstance, InjectOptions } from 'fastify';
import { sharedCatalogueCache } from '../catalogue/cache.js';
import type { Database } from '../db/types.js';

const SETTLE_URL = /^\/api\/v1\/settlements(\/preview)?$/;
const CLASSES = new Set(['A', 'B', 'self']);
const KINDS = new Set(['drug', 'service', 'material']);

const fen = (v: unknown): number | null => (typeof v === 'number' ? Math.round(v * 100) : null);

function rowOf(item: Record<string, unknown>): unknown[] | undefined {
  const { code, kind } = item;
  const cls = item['class'];
  if (typeof code !== 'string' || !CLASSES.has(cls as string) || !KINDS.has(kind as string)) return undefined;
  const ratio =
    cls === 'B' && typeof item['selfPayRatio'] === 'number'
      ? Math.round(item['selfPayRatio'] * 10_000)
      : null;
  const price = fen(item['priceStandard']);
  return [
    code,
    typeof item['name'] === 'string' && item['name'] !== '' ? item['name'] : code,
    kind,
    cls,
    ratio,
    fen(item['paymentLimit']),
    price,
    item['publicHealth'] === true,
    item['fixedSelfPay'] === true,
  ];
}

/** Records the items' claims as catalogue entries in force from 2000 (the latest claim of a code wins). */
export async function recordClaims(db: Database, held: Map<string, string>, items: unknown): Promise<void> {
  if (!Array.isArray(items)) return;
  let changed = false;
  for (const raw of items) {
    if (raw === null || typeof raw !== 'object') continue;
    const row = rowOf(raw as Record<string, unknown>);
    if (row === undefined) continue;
    const key = JSON.stringify(row);
    if (held.get(row[0] as string) === key) continue;
    await db.query(
      `INSERT INTO catalogue_entries (code, valid_from, name, kind, class, self_pay_ratio, payment_limit_fen,
         price_primary_fen, price_secondary_fen, price_tertiary_fen, public_health, fixed_self_pay, catalogue_version)
       VALUES ($1, '2000-01-01', $2, $3, $4, $5, $6, $7, $7, $7, $8, $9, 'TEST-CLAIMS')
       ON CONFLICT (code, valid_from) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, class = EXCLUDED.class,
         self_pay_ratio = EXCLUDED.self_pay_ratio, payment_limit_fen = EXCLUDED.payment_limit_fen,
         price_primary_fen = EXCLUDED.price_primary_fen, price_secondary_fen = EXCLUDED.price_secondary_fen,
         price_tertiary_fen = EXCLUDED.price_tertiary_fen, public_health = EXCLUDED.public_health,
         fixed_self_pay = EXCLUDED.fixed_self_pay`,
      row,
    );
    held.set(row[0] as string, key);
    changed = true;
  }
  if (changed) sharedCatalogueCache(db).invalidate();
}

/** The app, with every settlement or preview it is sent first recording its lines' claims. */
export function withClaimsAsCatalogue(app: FastifyInstance, db: Database): void {
  const held = new Map<string, string>();
  const inject = app.inject.bind(app) as (opts: InjectOptions | string) => Promise<unknown>;
  const patched = async (opts: InjectOptions | string): Promise<unknown> => {
    if (
      typeof opts === 'object' &&
      opts.method === 'POST' &&
      typeof opts.url === 'string' &&
      SETTLE_URL.test(opts.url)
    ) {
      const payload = opts.payload as Record<string, unknown> | undefined;
      if (payload !== undefined && typeof payload === 'object')
        await recordClaims(db, held, payload['items']);
    }
    return inject(opts);
  };
  (app as unknown as { inject: unknown }).inject = patched;
}
