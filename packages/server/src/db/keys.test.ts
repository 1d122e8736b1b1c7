// The keys a distributed PostgreSQL needs (migration 009, docs/server.md § Keys): every primary key
// and unique index of a settlement-side table includes person_id, and the request id, unique over
// the agency, is the key of a table of its own. A new settlement-side table (payment, supervision,
// simulation) is added to SETTLEMENT_SIDE and held to the same rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';
import { openPglite } from './pglite.js';
import { testDrivers, type TestDatabase } from './testing.js';
import type { Database } from './types.js';

/** Tables distributed by person_id (Citus): their rows grow with visits. */
const SETTLEMENT_SIDE = [
  'settlements',
  'person_accounts',
  'person_year_accumulators',
  'e_prescription_dispensings',
  'settlement_payment_facts',
  // 基金监管 (issue 15): alerts point at settlements; their history, exemptions and deductions go with them.
  'supervision_alerts',
  'supervision_alert_history',
  'supervision_exemptions',
  'supervision_deductions',
];

interface UniqueIndex {
  table: string;
  index: string;
  columns: string[];
  primary: boolean;
}

async function uniqueIndexes(db: Database): Promise<UniqueIndex[]> {
  const rows = await db.query<{ tbl: string; idx: string; cols: string; is_primary: boolean }>(
    `SELECT t.relname AS tbl, i.relname AS idx, x.indisprimary AS is_primary,
       (SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(x.indkey) WITH ORDINALITY AS k(attnum, n)
          JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum) AS cols
     FROM pg_index x
     JOIN pg_class t ON t.oid = x.indrelid
     JOIN pg_class i ON i.oid = x.indexrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE x.indisunique AND n.nspname = current_schema()
     ORDER BY 1, 2`,
  );
  return rows.map((r) => ({ table: r.tbl, index: r.idx, columns: r.cols.split(','), primary: r.is_primary }));
}

describe.each(testDrivers())('keys for a distributed database on $kind', (driver) => {
  let t: TestDatabase;
  let indexes: UniqueIndex[];
  beforeAll(async () => {
    t = await driver.create();
    indexes = await uniqueIndexes(t.db);
  });
  afterAll(async () => t.dispose());

  it('every primary key and unique index of a settlement-side table includes person_id', () => {
    for (const table of SETTLEMENT_SIDE) {
      const own = indexes.filter((i) => i.table === table);
      expect(
        own.some((i) => i.primary),
        `${table} has a primary key`,
      ).toBe(true);
      for (const i of own) expect(i.columns, `${table}.${i.index}`).toContain('person_id');
    }
    expect(indexes.find((i) => i.index === 'settlements_pkey')?.columns).toEqual(['person_id', 'id']);
    expect(indexes.find((i) => i.index === 'settlements_reversed_once')?.columns).toEqual([
      'person_id',
      'reverses',
    ]);
  });

  it('request ids are unique through a table of their own, and nowhere else', () => {
    // payment_deductions (migration 018) keys supervision's hand-overs by their own request id: a
    // table of the agency's, not of the settlement side, so not distributed by person.
    const onRequestId = indexes.filter(
      (i) => i.columns.includes('request_id') && i.table !== 'payment_deductions',
    );
    expect(onRequestId).toEqual([
      {
        table: 'settlement_requests',
        index: 'settlement_requests_pkey',
        columns: ['request_id'],
        primary: true,
      },
    ]);
  });
});

describe('migration 009 on a database that already holds settlements', () => {
  it('moves every request id into settlement_requests and keeps the rows', async () => {
    const db = await openPglite();
    try {
      await migrate(
        db,
        MIGRATIONS.filter((m) => m.id < 9),
      );
      // One settlement and its reversal, written as migration 008 left the table.
      const columns = await db.query<{ column_name: string; data_type: string }>(
        `SELECT column_name, data_type FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = 'settlements'
           AND is_nullable = 'NO' AND column_default IS NULL ORDER BY ordinal_position`,
      );
      const valueOf = (name: string, type: string, row: Record<string, string>): unknown =>
        row[name] ??
        (type === 'text' ? 'x' : type === 'date' ? '2026-03-01' : type.startsWith('json') ? '[]' : 0);
      for (const row of [
        { id: 's-1', person_id: 'p-1', request_id: 'r-1', request_hash: 'h-1' },
        { id: 's-2', person_id: 'p-1', request_id: 'r-2', request_hash: 'h-2', reverses: 's-1' },
      ] as Record<string, string>[]) {
        const names = [...columns.map((c) => c.column_name), ...('reverses' in row ? ['reverses'] : [])];
        const values = names.map((n) =>
          valueOf(n, columns.find((c) => c.column_name === n)?.data_type ?? 'text', row),
        );
        await db.query(
          `INSERT INTO settlements (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})`,
          values,
        );
      }
      expect((await migrate(db))[0]).toBe(9); // 009 first, then any later migrations
      expect(
        await db.query(
          'SELECT request_id, request_hash, person_id, settlement_id FROM settlement_requests ORDER BY 1',
        ),
      ).toEqual([
        { request_id: 'r-1', request_hash: 'h-1', person_id: 'p-1', settlement_id: 's-1' },
        { request_id: 'r-2', request_hash: 'h-2', person_id: 'p-1', settlement_id: 's-2' },
      ]);
      // A second reversal of s-1 is still refused by the database.
      await expect(db.query(`UPDATE settlements SET reverses = 's-1' WHERE id = 's-1'`)).rejects.toThrow(
        /settlements_reversed_once/,
      );
    } finally {
      await db.close();
    }
  });
});
