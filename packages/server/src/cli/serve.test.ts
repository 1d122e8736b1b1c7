// `yibao serve` as a user starts it: the compiled command (the root `pretest` builds it), on the
// embedded database in a fresh folder, on a free port.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/yibao.mjs', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => {
        resolve(port);
      });
    });
  });
}

interface Running {
  child: ChildProcess;
  stdout: () => string;
  base: string;
}

// Every child started here, so a failed or timed-out test still leaves no server running.
const children: ChildProcess[] = [];

async function start(dataDir: string, open = true): Promise<Running> {
  const port = await freePort();
  const args = [bin, 'serve', '--data', dataDir, '--port', String(port), ...(open ? ['--open'] : [])];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  children.push(child);
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error(`yibao serve exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/healthz`)).status === 200) return { child, stdout: () => out, base };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('yibao serve did not become ready');
}

async function stop(running: Running): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => {
    running.child.once('exit', (code) => {
      resolve(code);
    });
  });
  running.child.kill('SIGTERM');
  return exited;
}

async function total(base: string, path: string, cookie?: string): Promise<number> {
  const res = await fetch(`${base}/api/v1${path}`, cookie !== undefined ? { headers: { cookie } } : {});
  const page = (await res.json()) as { total: number };
  return page.total;
}

/** The password the first start printed for a demo account (its row of the table). */
function printedPassword(stdout: string, username: string): string | undefined {
  const row = stdout.split('\n').find((line) => line.trim().startsWith(`${username} `));
  return row?.trim().split(/\s+/).at(-1);
}

/** Signs in; the session cookie (`yibao_session=…`) and the answer's status. */
async function signIn(
  base: string,
  username: string,
  password: string,
): Promise<{ status: number; cookie: string }> {
  const res = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { status: res.status, cookie };
}

describe('yibao serve', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'yibao-serve-'));
  afterAll(() => {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates and seeds a new database, says where it listens, and keeps the data across a restart', async () => {
    const first = await start(dataDir);
    expect(first.stdout()).toContain(first.base);
    expect(await total(first.base, '/institutions?pageSize=1')).toBeGreaterThanOrEqual(84);
    const settled = await total(first.base, '/settlements?pageSize=1');
    expect(settled).toBeGreaterThan(2000);
    // One account per role, each with a password printed once; a seeded account signs in.
    const officerPassword = printedPassword(first.stdout(), 'demo.officer');
    for (const username of ['demo.officer', 'demo.admin', 'demo.auditor', 'demo.institution'])
      expect(printedPassword(first.stdout(), username), username).toMatch(/^[A-Za-z0-9-]{20,}$/);
    expect((await signIn(first.base, 'demo.officer', officerPassword ?? '')).status).toBe(200);
    expect(await stop(first)).toBe(0);

    // A database that is not new is not seeded again, and no password is printed again. Without
    // --open the service asks for a credential, and the demo account's session is one.
    const second = await start(dataDir, false);
    expect(second.stdout()).not.toContain(officerPassword);
    const anonymous = await fetch(`${second.base}/api/v1/settlements?pageSize=1`);
    expect(anonymous.status).toBe(401);
    const session = await signIn(second.base, 'demo.officer', officerPassword ?? '');
    expect(session.status).toBe(200);
    expect(await total(second.base, '/settlements?pageSize=1', session.cookie)).toBe(settled);
    expect((await signIn(second.base, 'demo.officer', 'not-the-password')).status).toBe(401);
    expect(await stop(second)).toBe(0);
  }, 180_000);
});
