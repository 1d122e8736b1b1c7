// `yibao supervise` as an operator runs it: the real command in a child process, on a PGlite data
// folder holding the worked examples' settlements (supervision/examples.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate.js';
import { openPglite } from '../db/pglite.js';
import { EXAMPLES, EXPECTED } from '../supervision/examples.js';
import { seedRegistry, storeSettlement } from '../supervision/testing.js';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'yibao.mjs');

function yibao(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env };
  delete env['DATABASE_URL'];
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env, timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('yibao supervise', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yibao-supervise-'));
    const db = await openPglite(dir);
    try {
      await migrate(db);
      await seedRegistry(db);
      for (const s of EXAMPLES) await storeSettlement(db, s);
    } finally {
      await db.close();
    }
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the batch rules over the range, reports on stderr and answers the run on stdout', () => {
    const r = yibao([
      'supervise',
      '--from',
      '2026-01-01',
      '--to',
      '2026-12-31',
      '--run-on',
      '2026-07-01',
      '--operator',
      '稽核员甲',
      '--data',
      dir,
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      status: 'done',
      raised: EXPECTED.length,
      runOn: '2026-07-01',
    });
    expect(r.stderr).toMatch(/10 new alert\(s\)/);
    // Again: nothing new, and incremental (the range is covered, nothing stored since).
    const again = yibao(['supervise', '--from', '2026-03-01', '--to', '2026-03-31', '--data', dir]);
    expect(again.status, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ raised: 0, incremental: true });
  });

  it('is a usage error (2) without a range or with a date that does not exist', () => {
    expect(yibao(['supervise', '--from', '2026-01-01', '--data', dir]).status).toBe(2);
    const bad = yibao(['supervise', '--from', '2026-02-30', '--to', '2026-03-01', '--data', dir]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--from must be a date/);
  });

  it('refuses a range that ends before it starts (1), naming the field', () => {
    const r = yibao(['supervise', '--from', '2026-03-01', '--to', '2026-02-01', '--data', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/to .*早于/);
  });
});
