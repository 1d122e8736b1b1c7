// One way to read a policy file, for every kind of policy data (the region's parts, the guidance,
// the requirements catalogue): parse the YAML keeping its lines, and fail with the file, the line,
// the parameter and the reason (PolicyError), never with a value that prints as "undefined".
import { LineCounter, parseDocument, isMap, isScalar, isSeq } from 'yaml';
import type { Document } from 'yaml';
import { PolicyError } from './error.js';
import type { PolicyFile } from './types.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isRealDate(s: unknown): s is string {
  if (typeof s !== 'string' || !DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function asRecord(v: unknown): Record<string, unknown> | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/** A parsed YAML file with a way to name the line of any path inside it. */
export class SourceFile {
  readonly path: string;
  readonly data: unknown;
  private readonly doc: Document;
  private readonly lines: LineCounter;

  constructor(file: PolicyFile) {
    this.path = `policy/${file.path}`;
    this.lines = new LineCounter();
    this.doc = parseDocument(file.text, { lineCounter: this.lines, uniqueKeys: true });
    const first = this.doc.errors[0];
    if (first)
      throw new PolicyError(
        this.path,
        this.lines.linePos(first.pos[0]).line,
        null,
        first.message.split('\n')[0] ?? 'YAML error',
      );
    this.data = this.doc.toJS() as unknown;
  }

  /** The line of the deepest node on `path` that exists: a mapping's key line, a sequence item's line. */
  lineOf(path: readonly (string | number)[]): number | null {
    let node: unknown = this.doc.contents;
    let offset: number | null = isMap(node) || isSeq(node) ? (node.range?.[0] ?? null) : null;
    for (const step of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === step);
        if (!pair) break;
        offset = isScalar(pair.key) ? (pair.key.range?.[0] ?? offset) : offset;
        node = pair.value;
      } else if (isSeq(node) && typeof step === 'number') {
        const item: unknown = node.items[step];
        if (!item) break;
        offset = isMap(item) || isSeq(item) || isScalar(item) ? (item.range?.[0] ?? offset) : offset;
        node = item;
      } else break;
    }
    return offset === null ? null : this.lines.linePos(offset).line;
  }

  fail(path: readonly (string | number)[], parameter: string | null, reason: string): never {
    throw new PolicyError(this.path, this.lineOf(path), parameter, reason);
  }

  /** The mapping at `path` (the file itself when empty), or a failure naming what it should be. */
  record(
    path: readonly (string | number)[],
    parameter: string | null,
    what: string,
  ): Record<string, unknown> {
    let v: unknown = this.data;
    for (const step of path) v = (asRecord(v) ?? {})[String(step)];
    const r = asRecord(v);
    if (!r) this.fail(path, parameter, `${what} must be a mapping`);
    return r;
  }

  /** A non-empty string at `path`. */
  text(path: readonly (string | number)[], parameter: string | null): string {
    const parent = this.record(path.slice(0, -1), parameter, 'its parent');
    const key = String(path[path.length - 1]);
    const v = parent[key];
    if (typeof v !== 'string' || v.trim() === '')
      this.fail(path, parameter, `${key} must be a non-empty text`);
    return v;
  }

  /** Fails on a key of `r` (at `path`) that is not one of `known`, e.g. a misspelt field. */
  onlyKeys(
    path: readonly (string | number)[],
    r: Record<string, unknown>,
    known: readonly string[],
    parameter: string | null,
  ): void {
    for (const key of Object.keys(r)) {
      if (!known.includes(key))
        this.fail([...path, key], parameter, `unknown field '${key}' (known: ${known.join(', ')})`);
    }
  }
}
