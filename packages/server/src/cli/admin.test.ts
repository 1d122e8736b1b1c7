// `yibao admin create` as an operator runs it: the compiled command on a fresh embedded database.
// The password is generated and printed once (or read from stdin); an existing username is refused;
// the account records the OS user who ran it.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../access/passwords.js';
import { openDatabase } from '../db/open.js';
import { osOperator } from './admin.js';

const bin = fileURLToPath(new URL('../../bin/yibao.mjs', import.meta.url));

function run(args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'admin', ...args], {
      env: { ...process.env, DATABASE_URL: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(stdin);
  });
}

describe('yibao admin create', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'yibao-admin-'));
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates an admin with a generated password printed once, refuses the username again, takes a password from stdin', async () => {
    const first = await run([
      'create',
      '--username',
      'chief',
      '--display-name',
      '局管理员',
      '--data',
      dataDir,
    ]);
    expect(first.code, first.stderr).toBe(0);
    const password = /初始密码[^:]*: (\S+)/.exec(first.stdout)?.[1] ?? '';
    expect(password).toMatch(/^[A-Za-z0-9-]{20,}$/);
    expect(first.stdout).toContain(`cli:${osOperator()}`);

    const again = await run(['create', '--username', 'chief', '--data', dataDir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('chief');
    expect(again.stdout).toBe('');

    const weak = await run(
      ['create', '--username', 'second', '--password-stdin', '--data', dataDir],
      'short\n',
    );
    expect(weak.code).toBe(1);
    const chosen = await run(
      ['create', '--username', 'second', '--password-stdin', '--data', dataDir],
      'a chosen long passphrase\n',
    );
    expect(chosen.code, chosen.stderr).toBe(0);
    expect(chosen.stdout).not.toContain('a chosen long passphrase');

    expect((await run(['create', '--data', dataDir])).code).toBe(2);
    expect((await run(['create', '--username', 'Bad Name', '--data', dataDir])).code).toBe(2);

    const db = await openDatabase({ dataDir });
    try {
      const rows = await db.query<{
        username: string;
        roles: string[];
        password_hash: string;
        created_by: string;
      }>('SELECT username, roles, password_hash, created_by FROM accounts ORDER BY username');
      expect(rows.map((r) => [r.username, r.roles, r.created_by])).toEqual([
        ['chief', ['admin'], `cli:${osOperator()}`],
        ['second', ['admin'], `cli:${osOperator()}`],
      ]);
      expect(await verifyPassword(password, rows[0]?.password_hash ?? '')).toBe(true);
      expect(await verifyPassword('a chosen long passphrase', rows[1]?.password_hash ?? '')).toBe(true);
    } finally {
      await db.close();
    }
  }, 180_000);
});
