// `yibao payments month|year` as a user runs it (PAYMENT_CONTRACT.md "CLI"): the real command in a
// child process on a new data folder — the run as JSON on standard output, the same run again, and a
// refusal as the error object on standard error with exit code 1.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'yibao.mjs');

describe('yibao payments', () => {
  const data = mkdtempSync(join(tmpdir(), 'yibao-payments-'));
  afterAll(() => {
    rmSync(data, { recursive: true, force: true });
  });
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [bin, 'payments', ...args, '--data', data], {
      env: { ...process.env, DATABASE_URL: '', YIBAO_TODAY: '2026-12-07' },
      encoding: 'utf8',
    });

  it('makes a month once, answers it again, refuses in the contract order with exit 1', () => {
    const first = run('month', '2025-01');
    expect(first.status).toBe(0);
    const made = JSON.parse(first.stdout) as { id: string; year: number; month: number; rows: unknown[] };
    expect(made).toMatchObject({ year: 2025, month: 1, rows: [] });
    expect(first.stderr).toContain('2025-01');
    const again = run('month', '2025-01');
    expect((JSON.parse(again.stdout) as { id: string }).id).toBe(made.id);

    const skipped = run('month', '2025-03');
    expect(skipped.status).toBe(1);
    expect(JSON.parse(skipped.stderr.trim().split('\n').pop() ?? '')).toEqual({
      error: { code: 'previous_month_not_run', message: expect.any(String) as string, field: 'month' },
    });
    const notEnded = run('month', '2026-12');
    expect(notEnded.status).toBe(1);
    expect(notEnded.stderr).toContain('month_not_ended');
    const year = run('year', '2025');
    expect(year.status).toBe(1);
    expect(year.stderr).toContain('months_not_run');
    expect(run('month', '2025-13').status).toBe(2);
  }, 120_000);
});
