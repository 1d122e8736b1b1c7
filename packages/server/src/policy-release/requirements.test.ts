// Every R- id that the engine's traces and the policy files cite exists in the catalogue, so the
// console can always show the clause behind an amount.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicyBook, repositoryPolicyDir } from './load.js';
import { loadRequirements } from './requirements.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('requirements catalogue', () => {
  const catalogue = loadRequirements(repositoryPolicyDir());

  it('holds the 68 requirements of REQUIREMENTS.md and the five source documents', () => {
    expect(catalogue.requirements.size).toBe(68);
    expect([...catalogue.documents.keys()]).toEqual(['S0', 'S1', 'S2', 'S3', 'S4']);
    expect(catalogue.requirements.get('R-D3')?.text).toMatch(/referral from a primary institution/);
  });

  it('knows every R- id cited by the engine code', () => {
    const engineSrc = join(repositoryPolicyDir(), '..', 'packages', 'engine', 'src');
    const cited = new Set<string>();
    for (const f of sourceFiles(engineSrc))
      for (const m of readFileSync(f, 'utf8').matchAll(/'(R-[A-H]\d+)'/g)) cited.add(m[1] ?? '');
    expect(cited.size).toBeGreaterThan(15);
    for (const id of cited) expect(catalogue.requirements.has(id), id).toBe(true);
  });

  it('knows every R- id cited by the policy files', () => {
    for (const region of loadPolicyBook(repositoryPolicyDir()).regions.values()) {
      for (const p of region.parameters)
        expect(catalogue.requirements.has(p.source.requirement), p.source.requirement).toBe(true);
    }
  });
});
