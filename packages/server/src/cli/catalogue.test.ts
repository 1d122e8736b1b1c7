// `yibao catalogue import|export` as a user runs it: the real command in a child process, on a
// PGlite data folder of its own (DATABASE_URL unset, so the test does not touch a shared database).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'yibao.mjs');
const dir = mkdtempSync(join(tmpdir(), 'yibao-catalogue-cli-'));
const data = join(dir, 'data');

function yibao(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, YIBAO_TODAY: '2026-03-01' };
  delete env['DATABASE_URL'];
  const r = spawnSync(process.execPath, [bin, 'catalogue', ...args, '--data', data], {
    encoding: 'utf8',
    env,
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const HEADER = 'code,name,kind,class,selfPayRatio,paymentLimit,validFrom';
const good = file(
  'good.csv',
  [
    HEADER,
    'XA10BAA042A,二甲双胍片,drug,A,,0.35,2026-01-01',
    'XC10AAA158B,阿托伐他汀钙片,drug,B,0.1,1.20,2026-01-01',
  ].join('\n'),
);
const bad = file(
  'bad.csv',
  [HEADER, 'XJ01CAA040A,阿莫西林胶囊,drug,A,,0.50,2026-01-01', 'X9,某药,drug,Z,,,2026-01-01'].join('\n'),
);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('yibao catalogue', () => {
  it('previews by default and writes nothing', () => {
    const r = yibao(['import', good, '--json']);
    expect(r.status).toBe(0);
    const p = JSON.parse(r.stdout) as { applied: boolean; added: { line: number; code: string }[] };
    expect(p.applied).toBe(false);
    expect(p.added.map((a) => [a.line, a.code])).toEqual([
      [2, 'XA10BAA042A'],
      [3, 'XC10AAA158B'],
    ]);
    expect(yibao(['export']).stdout.trim().split('\n')).toHaveLength(1); // the header alone
  }, 60_000);

  it('refuses a file with a rejected line (exit 1), naming the line, and changes nothing', () => {
    const r = yibao(['import', bad, '--apply']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('第 3 行 X9 class');
    expect(yibao(['export']).stdout.trim().split('\n')).toHaveLength(1);
  }, 60_000);

  it('applies with --apply in one catalogue version, and exports what is in force', () => {
    const r = yibao(['import', good, '--apply', '--actor', '目录科']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('已导入');
    const csv = yibao(['export']).stdout.trim().split('\n');
    expect(csv).toHaveLength(3);
    expect(csv[1]).toMatch(/^XA10BAA042A,二甲双胍片,drug,A,,0.35,/);
    // The same file again changes nothing.
    expect(JSON.parse(yibao(['import', good, '--json']).stdout)).toMatchObject({ added: [], unchanged: 2 });
  }, 60_000);

  it('answers a usage error with 2', () => {
    expect(yibao(['import']).status).toBe(2);
    expect(yibao(['import', good, '--format', 'pdf']).status).toBe(2);
    expect(yibao(['import', join(dir, 'missing.csv')]).status).toBe(1);
  }, 60_000);
});
