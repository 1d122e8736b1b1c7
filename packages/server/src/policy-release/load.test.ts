// The service loads the whole policy folder at start and every file of it is validated: a broken
// guidance or catalogue stops the start with the file and line, like a broken region file.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { policyDir } from '../cli/policy-dir.js';
import { loadPolicyRelease, repositoryPolicyDir } from './load.js';

const copies: string[] = [];
function brokenCopy(file: string, change: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'yibao-policy-'));
  copies.push(dir);
  cpSync(repositoryPolicyDir(), dir, { recursive: true });
  writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
  return dir;
}
afterEach(() => {
  for (const d of copies.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('loading the policy release', () => {
  it('loads the book, the guidance and the requirements of a folder', () => {
    const release = loadPolicyRelease(repositoryPolicyDir());
    expect([...release.book.regions.keys()]).toEqual(['demo']);
    expect(release.guidance.guidance['R-H1'].minimum).toBe(50);
    expect(release.requirements.requirements.size).toBe(68);
  });

  it('refuses a misspelt guidance number with the file and line', () => {
    const dir = brokenCopy('guidance.yaml', (t) => t.replace('    minimum: 50', '    minimun: 50'));
    expect(() => loadPolicyRelease(dir)).toThrow(
      /^policy\/guidance\.yaml:\d+: R-H1: unknown field 'minimun'/,
    );
  });

  it('refuses a requirement without its text, and a region file of an unknown part', () => {
    const noText = brokenCopy('requirements.yaml', (t) => t.replace(/^ {4}text: .*\n/m, ''));
    expect(() => loadPolicyRelease(noText)).toThrow(/^policy\/requirements\.yaml:\d+: R-A1: text must be/);
    const part = brokenCopy('demo/resident.yaml', (t) => t.replace(/^part: benefits.*$/m, 'part: paymnet'));
    expect(() => loadPolicyRelease(part)).toThrow(/^policy\/demo\/resident\.yaml:2: unknown part "paymnet"/);
  });

  it('reads YIBAO_POLICY_DIR only at the CLI edge, after --policy', () => {
    const before = process.env['YIBAO_POLICY_DIR'];
    try {
      process.env['YIBAO_POLICY_DIR'] = '/elsewhere/policy';
      expect(policyDir()).toBe('/elsewhere/policy');
      expect(policyDir('/given')).toBe('/given');
      delete process.env['YIBAO_POLICY_DIR'];
      expect(policyDir()).toBe(repositoryPolicyDir());
    } finally {
      if (before === undefined) delete process.env['YIBAO_POLICY_DIR'];
      else process.env['YIBAO_POLICY_DIR'] = before;
    }
  });
});
