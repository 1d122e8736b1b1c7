// `yibao credentials` as an operator runs it: the real command in a child process, on a PGlite data
// folder of its own (DATABASE_URL unset, so the test does not touch a shared database).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate.js';
import { openPglite } from '../db/pglite.js';
import { signingKeyOf } from '../access/signing.js';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'yibao.mjs');
const dir = mkdtempSync(join(tmpdir(), 'yibao-credentials-cli-'));
const data = join(dir, 'data');

function yibao(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['DATABASE_URL'];
  const r = spawnSync(process.execPath, [bin, 'credentials', ...args, '--data', data], {
    encoding: 'utf8',
    env,
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function withData<T>(work: (db: Awaited<ReturnType<typeof openPglite>>) => Promise<T>): Promise<T> {
  const db = await openPglite(data);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

beforeAll(async () => {
  await withData(async (db) => {
    await migrate(db);
    await db.query(
      `INSERT INTO institutions (id, name, type, level, county) VALUES ('C001', '东街社区卫生服务中心', 'community_centre', 'primary', '城关区')`,
    );
  });
}, 60_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('yibao credentials', () => {
  it('issues (the secret printed once, its hash stored), lists without secrets, revokes with a reason', async () => {
    const issued = yibao(['issue', '--institution', 'C001', '--label', '收费系统', '--operator', '信息科']);
    expect(issued.status).toBe(0);
    const keyId = /key id: (yk_[0-9a-f]{24})/.exec(issued.stdout)?.[1] ?? '';
    const secret = /secret: (\S+)/.exec(issued.stdout)?.[1] ?? '';
    expect(keyId).not.toBe('');
    expect(secret.length).toBeGreaterThanOrEqual(40);
    const stored = await withData((db) =>
      db.query<{ secret_sha256: string; created_by: string }>(
        'SELECT secret_sha256, created_by FROM institution_credentials WHERE key_id = $1',
        [keyId],
      ),
    );
    expect(stored[0]).toEqual({ secret_sha256: signingKeyOf(secret), created_by: 'cli:信息科' });

    const list = yibao(['list', '--institution', 'C001', '--json']);
    expect(list.status).toBe(0);
    expect(list.stdout).not.toContain(secret);
    expect(JSON.parse(list.stdout)).toMatchObject({
      items: [{ keyId, label: '收费系统', status: 'active' }],
    });

    const revoked = yibao(['revoke', '--institution', 'C001', '--key', keyId, '--reason', '人员离职']);
    expect(revoked.status).toBe(0);
    expect(revoked.stdout).toContain('revoked');
    expect(JSON.parse(yibao(['list', '--institution', 'C001', '--json']).stdout)).toMatchObject({
      items: [{ keyId, status: 'revoked', revokeReason: '人员离职' }],
    });
    // Twice is refused (1), as an unknown institution is.
    expect(yibao(['revoke', '--institution', 'C001', '--key', keyId, '--reason', 'x']).status).toBe(1);
  }, 120_000);

  it('refuses an unknown institution (1) and a missing flag (2)', () => {
    const unknown = yibao(['issue', '--institution', 'NOPE', '--json']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('NOPE');
    expect(yibao(['issue']).status).toBe(2);
    expect(yibao(['revoke', '--institution', 'C001']).status).toBe(2);
  }, 120_000);
});
