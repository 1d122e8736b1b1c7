// The requirements catalogue (policy/requirements.yaml): the text and sources of every R- id, so a
// settlement's explanation can show the clause behind each amount.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { defaultPolicyDir } from './load.js';

export interface Requirement {
  id: string;
  area: string;
  areaZh?: string; // 领域（中文）
  text: string;
  textZh?: string; // 条文（中文）, what the console shows first
  sources: string; // e.g. "S1 二, S2 三"
}

export interface RequirementsCatalogue {
  documents: ReadonlyMap<string, string>; // S0 … S4 -> title
  requirements: ReadonlyMap<string, Requirement>;
}

export function loadRequirements(policyDir: string = defaultPolicyDir()): RequirementsCatalogue {
  const raw = parse(readFileSync(join(policyDir, 'requirements.yaml'), 'utf8')) as {
    documents: Record<string, string>;
    requirements: Record<
      string,
      { area: string; areaZh?: string; text: string; textZh?: string; sources: string }
    >;
  };
  const requirements = new Map<string, Requirement>();
  for (const [id, r] of Object.entries(raw.requirements)) requirements.set(id, { id, ...r });
  return { documents: new Map(Object.entries(raw.documents)), requirements };
}
