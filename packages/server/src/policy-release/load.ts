// Reads the policy folder (policy/<region>/*.yaml, guidance.yaml, requirements.yaml) and compiles it.
// The engine does no I/O; this is where the files come from. Nothing here reads the environment or
// keeps a cache: the caller says which folder (the CLI: --policy or YIBAO_POLICY_DIR, cli/policy-dir.ts)
// and keeps the release it loaded (build() receives it).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compilePolicy } from '@yibao/engine';
import type { GuidanceFile, PolicyBook, PolicyFile, RequirementsCatalogue } from '@yibao/engine';
import { loadGuidance } from './guidance.js';
import { loadRequirements } from './requirements.js';

/** The repository's policy/ folder (tests, benchmarks, and the CLI when told nothing else). */
export function repositoryPolicyDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'policy');
}

export function readPolicyFiles(dir: string): PolicyFile[] {
  const files: PolicyFile[] = [];
  // Regions are the folders; files at the top (guidance.yaml, requirements.yaml) are not region policy.
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (d === dir) continue;
      else if (/\.ya?ml$/.test(name))
        files.push({ path: relative(dir, full).split('\\').join('/'), text: readFileSync(full, 'utf8') });
    }
  };
  walk(dir);
  return files;
}

/** Loads and compiles the regions' policy; throws PolicyError naming the file, line and parameter. */
export function loadPolicyBook(dir: string): PolicyBook {
  return compilePolicy(readPolicyFiles(resolve(dir)));
}

/** Everything the service reads from the policy folder, loaded and validated once at start. */
export interface PolicyRelease {
  book: PolicyBook;
  guidance: GuidanceFile;
  requirements: RequirementsCatalogue;
}

export function loadPolicyRelease(dir: string): PolicyRelease {
  return { book: loadPolicyBook(dir), guidance: loadGuidance(dir), requirements: loadRequirements(dir) };
}
