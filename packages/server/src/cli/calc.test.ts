// `yibao calc` as a user runs it (CALC_CONTRACT.md): the real command in a child process.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'yibao.mjs');

function yibao(args: string[], input: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const example1 = {
  region: 'demo',
  date: '2026-03-01',
  person: { scheme: 'resident', category: 'adult' },
  institution: { level: 'primary', type: 'community_centre' },
  visit: { kind: 'outpatient' },
  items: [
    { code: 'A10', name: '甲类项目', kind: 'service', class: 'A', quantity: 1, unitPrice: 10 },
    {
      code: 'B25',
      name: '乙类药品',
      kind: 'drug',
      class: 'B',
      selfPayRatio: 0.1,
      quantity: 2,
      unitPrice: 25,
    },
    { code: 'S20', name: '自费药品', kind: 'drug', class: 'self', quantity: 1, unitPrice: 20, consent: true },
  ],
};

describe('yibao calc', () => {
  it('answers one request with the contract result and its trace (worked example 1)', () => {
    const r = yibao(['calc'], JSON.stringify(example1));
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({
      totalCost: 80,
      fullSelfPay: 20,
      firstSelfPay: 0,
      inScope: 60,
      fundPay: 36,
      personalPart: 44,
      policyVersion: '2026',
    });
    expect(Array.isArray(out.trace) && out.trace.length > 0).toBe(true);
  });

  it('exits 2 with a JSON error naming the field for bad input, and prints no result', () => {
    const bad = { ...example1, items: [{ ...example1.items[0], unitPrice: 1.234 }] };
    const r = yibao(['calc'], JSON.stringify(bad));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(JSON.parse(r.stderr)).toMatchObject({
      error: { code: 'invalid_amount', field: 'items[0].unitPrice' },
    });
  });

  it('exits 2 for malformed JSON', () => {
    const r = yibao(['calc'], '{"region": "demo",');
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stderr)).toMatchObject({ error: { code: 'invalid_json', field: 'request' } });
  });

  it.each([
    ['--threads', '1'],
    ['--threads', '2'],
  ])('--ndjson %s %s answers line for line in order, errors on their own line, exit 0', (...threads) => {
    const lines: string[] = [];
    for (let i = 0; i < 3000; i++) {
      if (i % 7 === 3) lines.push('{not json');
      else if (i % 11 === 5) lines.push(JSON.stringify({ ...example1, date: '2026-02-30' }));
      else
        lines.push(
          JSON.stringify({ ...example1, items: [{ ...example1.items[0], unitPrice: (i % 500) + 1 }] }),
        );
    }
    const r = yibao(['calc', '--ndjson', ...threads], lines.join('\n') + '\n\n');
    expect(r.status).toBe(0);
    const out = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { totalCost?: number; error?: { code: string } });
    expect(out).toHaveLength(3000);
    out.forEach((o, i) => {
      if (i % 7 === 3) expect(o.error?.code).toBe('invalid_json');
      else if (i % 11 === 5) expect(o.error?.code).toBe('invalid_date');
      else expect(o.totalCost).toBe((i % 500) + 1);
    });
  });

  it('--ndjson answers a last line without a trailing newline', () => {
    const r = yibao(['calc', '--ndjson'], `${JSON.stringify(example1)}\n${JSON.stringify(example1)}`);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(2);
  });
});
