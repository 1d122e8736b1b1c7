// Reads the policy folder (policy/<region>/*.yaml) and compiles it once. The engine does no I/O;
// this is where the files come from.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compilePolicy } from '@yibao/engine';
import type { PolicyBook, PolicyFile } from '@yibao/engine';

/** The repository's policy/ folder, or YIBAO_POLICY_DIR. */
export function defaultPolicyDir(): string {
  const fromEnv = process.env.YIBAO_POLICY_DIR;
  if (fromEnv) return resolve(fromEnv);
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'policy');
}

export function readPolicyFiles(dir: string): PolicyFile[] {
  const files: PolicyFile[] = [];
  // Regions are the folders; files at the top (requirements.yaml) are not region policy.
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

const cache = new Map<string, PolicyBook>();

/** Loads and compiles the policy folder; throws PolicyError naming the file, line and parameter. */
export function loadPolicyBook(dir: string = defaultPolicyDir()): PolicyBook {
  const key = resolve(dir);
  let book = cache.get(key);
  if (!book) {
    book = compilePolicy(readPolicyFiles(key));
    cache.set(key, book);
  }
  return book;
}
