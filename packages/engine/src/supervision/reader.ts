// Reading one rule version's `parameters` and `lists` for its family: every value typed, every name
// known, a failure naming the file, the line, the rule and the reason (PolicyError via SourceFile).
import { VISIT_KINDS, LEVELS } from '../contract.js';
import type { Level, VisitKind } from '../contract.js';
import { toFen, isYuanAmount } from '../money.js';
import { asRecord } from '../policy-compiler/source.js';
import type { SourceFile } from '../policy-compiler/source.js';

type Path = readonly (string | number)[];

/** One row of a code list: `code` and `name` are always there; the family reads the rest. */
export class RowReader {
  constructor(
    private readonly file: SourceFile,
    readonly path: Path,
    private readonly row: Record<string, unknown>,
    private readonly rule: string,
  ) {}

  fail(key: string | null, reason: string): never {
    return this.file.fail(key === null ? this.path : [...this.path, key], this.rule, reason);
  }

  code(key = 'code'): string {
    const v = this.row[key];
    if (typeof v !== 'string' || v.trim() === '')
      this.fail(key, `${key} must be a code written as text (quote a numeric code: '110200001')`);
    return v;
  }

  /** The row's name (checked when the list is read). */
  name(): string {
    const v = this.row.name;
    return typeof v === 'string' ? v : '';
  }

  int(key: string, min: number, max: number, optional = false): number | null {
    const v = this.row[key];
    if (v === undefined && optional) return null;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
      this.fail(key, `${key} must be a whole number from ${min} to ${max}`);
    return v;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[]): T {
    const v = this.row[key];
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v))
      this.fail(key, `${key} must be one of ${allowed.join(', ')}`);
    return v as T;
  }

  rows<T>(key: string, read: (row: RowReader) => T, known: readonly string[]): T[] {
    return readRows(this.file, [...this.path, key], this.row[key], this.rule, read, known);
  }

  only(known: readonly string[]): void {
    this.file.onlyKeys(this.path, this.row, known, this.rule);
  }
}

function readRows<T>(
  file: SourceFile,
  path: Path,
  raw: unknown,
  rule: string,
  read: (row: RowReader) => T,
  known: readonly string[],
): T[] {
  if (!Array.isArray(raw) || raw.length === 0) file.fail(path, rule, 'must list at least one entry');
  const seen = new Set<string>();
  return raw.map((item: unknown, i: number) => {
    const r = asRecord(item);
    if (!r) file.fail([...path, i], rule, `entry ${i} must be a mapping with code and name`);
    const row = new RowReader(file, [...path, i], r, rule);
    row.only(known);
    const code = row.code();
    if (typeof r.name !== 'string' || r.name.trim() === '') row.fail('name', 'name is required');
    if (seen.has(code)) row.fail('code', `code ${code} is listed twice`);
    seen.add(code);
    return read(row);
  });
}

/** A rule version's `parameters` and `lists`; `done()` refuses any name the family did not read. */
export class VersionReader {
  private readonly readParams = new Set<string>();
  private readonly readLists = new Set<string>();
  private readonly params: Record<string, unknown>;
  private readonly lists: Record<string, unknown>;

  constructor(
    private readonly file: SourceFile,
    private readonly path: Path,
    raw: Record<string, unknown>,
    readonly rule: string,
  ) {
    const p = raw.parameters === undefined ? {} : asRecord(raw.parameters);
    if (!p) file.fail([...path, 'parameters'], rule, 'parameters must be a mapping');
    const l = raw.lists === undefined ? {} : asRecord(raw.lists);
    if (!l) file.fail([...path, 'lists'], rule, 'lists must be a mapping of named code lists');
    this.params = p;
    this.lists = l;
  }

  private param(name: string): unknown {
    this.readParams.add(name);
    const v = this.params[name];
    if (v === undefined)
      this.file.fail([...this.path, 'parameters'], this.rule, `parameters.${name} is required`);
    return v;
  }

  private at(name: string): Path {
    return [...this.path, 'parameters', name];
  }

  int(name: string, min: number, max: number): number {
    const v = this.param(name);
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
      this.file.fail(
        this.at(name),
        this.rule,
        `parameters.${name} must be a whole number from ${min} to ${max}`,
      );
    return v;
  }

  /** An amount in yuan (two decimals at most), returned in fen. */
  yuan(name: string): number {
    const v = this.param(name);
    if (typeof v !== 'number' || v < 0 || !isYuanAmount(v))
      this.file.fail(this.at(name), this.rule, `parameters.${name} must be an amount in yuan, like 2000.00`);
    return toFen(v);
  }

  visitKinds(name: string): readonly VisitKind[] {
    const v = this.param(name);
    if (
      !Array.isArray(v) ||
      v.length === 0 ||
      !v.every((k) => typeof k === 'string' && (VISIT_KINDS as readonly string[]).includes(k))
    )
      this.file.fail(
        this.at(name),
        this.rule,
        `parameters.${name} must list visit kinds (${VISIT_KINDS.join(', ')})`,
      );
    return Object.freeze([...(v as VisitKind[])]);
  }

  /** A mapping from visit kinds to whole numbers (kinds not written are absent). */
  intByVisitKind(name: string, min: number, max: number): Readonly<Partial<Record<VisitKind, number>>> {
    const r = asRecord(this.param(name));
    if (!r) this.file.fail(this.at(name), this.rule, `parameters.${name} must map visit kinds to numbers`);
    const out: Partial<Record<VisitKind, number>> = {};
    for (const [k, v] of Object.entries(r)) {
      if (!(VISIT_KINDS as readonly string[]).includes(k))
        this.file.fail(
          [...this.at(name), k],
          this.rule,
          `unknown visit kind '${k}' (${VISIT_KINDS.join(', ')})`,
        );
      if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
        this.file.fail(
          [...this.at(name), k],
          this.rule,
          `parameters.${name}.${k} must be a whole number from ${min} to ${max}`,
        );
      out[k as VisitKind] = v;
    }
    return Object.freeze(out);
  }

  /** A named code list: every row has `code` and `name`, `known` lists the fields allowed. */
  list<T>(
    name: string,
    read: (row: RowReader) => T,
    known: readonly string[] = ['code', 'name'],
  ): readonly T[] {
    this.readLists.add(name);
    const raw = this.lists[name];
    if (raw === undefined) this.file.fail([...this.path, 'lists'], this.rule, `lists.${name} is required`);
    return Object.freeze(readRows(this.file, [...this.path, 'lists', name], raw, this.rule, read, known));
  }

  /** Codes of a list whose rows are only `code` and `name`. */
  codes(name: string): ReadonlySet<string> {
    return new Set(this.list(name, (row) => row.code()));
  }

  done(): void {
    for (const k of Object.keys(this.params))
      if (!this.readParams.has(k))
        this.file.fail(
          [...this.path, 'parameters', k],
          this.rule,
          `unknown parameter '${k}' for this family`,
        );
    for (const k of Object.keys(this.lists))
      if (!this.readLists.has(k))
        this.file.fail([...this.path, 'lists', k], this.rule, `unknown list '${k}' for this family`);
  }
}

export const LEVEL_VALUES: readonly Level[] = LEVELS;
