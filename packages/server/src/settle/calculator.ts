// The engine bound to the policy release this process loaded at start.
import { calculate, type PolicyBook } from '@yibao/engine';
import { loadPolicyBook } from '../policy/load.js';
import type { Calculator } from './types.js';

export interface LoadedPolicy {
  book: PolicyBook;
  calculate: Calculator;
  regions: ReadonlySet<string>;
}

export function loadPolicy(dir?: string): LoadedPolicy {
  const book = dir === undefined ? loadPolicyBook() : loadPolicyBook(dir);
  return { book, calculate: (raw) => calculate(book, raw), regions: new Set(book.regions.keys()) };
}
