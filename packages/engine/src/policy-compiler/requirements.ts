// The requirements catalogue (policy/requirements.yaml): the text and sources of every R- id, read
// like the policy files (file and line on any error), so the console can show the clause behind an
// amount.
import { SourceFile } from './source.js';
import type { PolicyFile } from './types.js';

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

const REQUIREMENT_ID = /^R-[A-H]\d+$/;
const DOCUMENT_ID = /^S\d+$/;

/** Reads and validates requirements.yaml (`file.path` relative to the policy root). */
export function compileRequirements(file: PolicyFile): RequirementsCatalogue {
  const source = new SourceFile(file);
  const top = source.record([], null, 'requirements.yaml');
  source.onlyKeys([], top, ['documents', 'requirements'], null);
  const documents = new Map<string, string>();
  for (const id of Object.keys(source.record(['documents'], null, 'documents'))) {
    if (!DOCUMENT_ID.test(id)) source.fail(['documents', id], id, `'${id}' is not a document id like S1`);
    documents.set(id, source.text(['documents', id], id));
  }
  const requirements = new Map<string, Requirement>();
  const all = source.record(['requirements'], null, 'requirements');
  for (const id of Object.keys(all)) {
    const at = ['requirements', id];
    if (!REQUIREMENT_ID.test(id)) source.fail(at, id, `'${id}' is not an R- id like R-D2`);
    const r = source.record(at, id, id);
    source.onlyKeys(at, r, ['area', 'areaZh', 'text', 'textZh', 'sources'], id);
    const optional = (key: 'areaZh' | 'textZh'): { [k: string]: string } =>
      r[key] === undefined ? {} : { [key]: source.text([...at, key], id) };
    requirements.set(id, {
      id,
      area: source.text([...at, 'area'], id),
      ...optional('areaZh'),
      text: source.text([...at, 'text'], id),
      ...optional('textZh'),
      sources: source.text([...at, 'sources'], id),
    });
  }
  return { documents, requirements };
}
