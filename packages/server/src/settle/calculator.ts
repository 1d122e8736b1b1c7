// The engine bound to the policy release this process loaded at start.
import { calculate } from '@yibao/engine';
import { loadPolicyRelease, type PolicyRelease } from '../policy-release/load.js';
import type { Calculator } from './types.js';

export interface LoadedPolicy extends PolicyRelease {
  calculate: Calculator;
  regions: ReadonlySet<string>;
}

/** Loads the policy folder `dir` (the CLI decides which: cli/policy-dir.ts). */
export function loadPolicy(dir: string): LoadedPolicy {
  const release = loadPolicyRelease(dir);
  const { book } = release;
  return { ...release, calculate: (raw) => calculate(book, raw), regions: new Set(book.regions.keys()) };
}
