// The guidance's fixed numbers (policy/guidance.yaml) for the compliance check (合规校验, § H).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Guidance } from '@yibao/engine';
import { defaultPolicyDir } from './load.js';

export interface GuidanceFile {
  guidance: Guidance;
  texts: Record<string, { text: string; source: string }>;
}

const RULES = ['R-H1', 'R-H2', 'R-H3', 'R-H4', 'R-H5', 'R-H6', 'R-H7'] as const;

export function loadGuidance(policyDir: string = defaultPolicyDir()): GuidanceFile {
  const file = join(policyDir, 'guidance.yaml');
  const raw = parse(readFileSync(file, 'utf8')) as { constraints?: Record<string, Record<string, unknown>> };
  const constraints = raw.constraints ?? {};
  const texts: GuidanceFile['texts'] = {};
  for (const rule of RULES) {
    const c = constraints[rule];
    if (!c) throw new Error(`${file}: ${rule} is missing`);
    texts[rule] = { text: String(c['text']), source: String(c['source']) };
  }
  // The shapes are fixed by the engine's Guidance type; a missing number shows as NaN in a finding.
  return { guidance: constraints as unknown as Guidance, texts };
}
