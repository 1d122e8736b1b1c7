import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, splitStatements } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';
import { testDrivers, type TestDatabase } from './testing.js';

describe.each(testDrivers())('migrations on $kind', (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await driver.create();
  });
  afterAll(async () => t.dispose());

  it('records every migration once and applies nothing the second time', async () => {
    const rows = await t.db.query<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual(MIGRATIONS.map((m) => m.id));
    expect(await migrate(t.db)).toEqual([]);
  });

  it('rolls a failing migration back whole, bookkeeping included', async () => {
    const broken = { id: 999, name: 'broken', sql: 'CREATE TABLE half_done (x int); SELECT 1/0' };
    await expect(migrate(t.db, [...MIGRATIONS, broken])).rejects.toThrow();
    const tables = await t.db.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'");
    expect(tables).toEqual([]);
    expect(await t.db.query('SELECT 1 FROM schema_migrations WHERE id = 999')).toEqual([]);
  });
});

describe('splitStatements', () => {
  it('drops comments, including ones holding a semicolon', () => {
    expect(splitStatements('CREATE TABLE a (x int); -- one; two\nCREATE TABLE b (y int);')).toEqual([
      'CREATE TABLE a (x int)',
      'CREATE TABLE b (y int)',
    ]);
  });

  it('keeps a dollar-quoted body whole, semicolons included', () => {
    expect(
      splitStatements('DO $$ BEGIN PERFORM 1; EXCEPTION WHEN others THEN NULL; END $$; SELECT 2;'),
    ).toEqual(['DO $$ BEGIN PERFORM 1; EXCEPTION WHEN others THEN NULL; END $$', 'SELECT 2']);
  });
});
