// `yibao audit verify` and the command line's own entries, as a user runs them: the real command in
// a child process on a PGlite data folder of its own (DATABASE_URL unset).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../db/pglite.js';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'yibao.mjs');
const dir = mkdtempSync(join(tmpdir(), 'yibao-audit-cli-'));
const data = join(dir, 'data');

function yibao(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, YIBAO_TODAY: '2026-03-01' };
  delete env['DATABASE_URL'];
  const r = spawnSync(process.execPath, [bin, ...args, '--data', data], {
    encoding: 'utf8',
    env,
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('yibao audit verify', () => {
  it('verifies an empty log, then a catalogue import written under cli:<os user>', () => {
    expect(yibao(['audit', 'verify'])).toMatchObject({
      status: 0,
      stdout: 'verified 0 entries in 0 chains\n',
    });
    const csv = join(dir, 'cat.csv');
    writeFileSync(
      csv,
      'code,name,kind,class,selfPayRatio,paymentLimit,validFrom\nXA10BAA042A,二甲双胍片,drug,A,,0.35,2026-01-01\n',
    );
    expect(yibao(['catalogue', 'import', csv, '--apply', '--actor', '目录科']).status).toBe(0);
    const verified = yibao(['audit', 'verify', '--json']);
    expect(verified.status).toBe(0);
    expect(JSON.parse(verified.stdout)).toEqual({ ok: true, entries: 2, chains: 1 });
  }, 120_000);

  it('reports the first broken link with exit 1', async () => {
    const db = await openPglite(data);
    try {
      const rows = await db.query<{ actor: string; action: string; outcome: string }>(
        'SELECT actor, action, outcome FROM audit_log ORDER BY seq',
      );
      expect(rows).toContainEqual({
        actor: `cli:${userInfo().username}`,
        action: 'cli catalogue import --apply',
        outcome: 'ok',
      });
      const history = await db.query<{ actor: string; reason: string }>(
        'SELECT actor, reason FROM record_versions',
      );
      expect(history.every((h) => h.actor === `cli:${userInfo().username}`)).toBe(true);
      await db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
      await db.exec("UPDATE audit_log SET outcome = 'rejected' WHERE seq = 2");
      await db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    } finally {
      await db.close();
    }
    const broken = yibao(['audit', 'verify']);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toMatch(/^broken link: chain \S+ seq 2 \(hash\)/);
  }, 120_000);

  it('answers a usage error with 2', () => {
    expect(yibao(['audit']).status).toBe(2);
  });
});
