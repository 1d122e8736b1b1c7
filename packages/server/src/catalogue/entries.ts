// The catalogue's domain operations (POST /catalogue, GET /catalogue/{code}?date=, history, the
// institution's approved items): validation, the plan, one transaction, one catalogue version per
// change. Routes (not written yet) only pass the body and who is acting.
import { randomBytes } from 'node:crypto';
import type { Database, Queryable } from '../db/types.js';
import { Conflict, Invalid, NotFound } from '../domain/errors.js';
import {
  entryOn,
  historyOf,
  insertCatalogueVersion,
  lockCatalogue,
  versionsOf,
} from '../store/catalogue/entries.js';
import { listsOf, replaceApprovedItems } from '../store/catalogue/institution-lists.js';
import { applyPlan } from './apply.js';
import { planEnd, planEntry, type PlanAction } from './plan.js';
import type { CatalogueChange, CatalogueEntry, CatalogueEntryInput, CatalogueHistoryEvent } from './types.js';
import { isCalendarDate, validateEntry } from './validate.js';

/** A new catalogue version id: M (manual) or I (import), the UTC time, and a random tail. */
export function newVersionId(prefix: 'M' | 'I', now = new Date()): string {
  const t = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `${prefix}${t}-${randomBytes(3).toString('hex')}`;
}

export interface PutResult {
  action: 'added' | 'changed' | 'ended' | 'unchanged';
  entry: CatalogueEntry;
  catalogueVersion: string | null; // null when nothing changed
}

/** Something that holds looked-up catalogue facts and must forget them after a change. */
export interface Invalidates {
  invalidate(): void;
}

async function commit(
  db: Database,
  code: string,
  plan: (existing: CatalogueEntry[], versionId: string) => PlanAction | undefined,
  change: CatalogueChange,
  cache?: Invalidates,
): Promise<PutResult> {
  const versionId = newVersionId('M');
  const result = await db.transaction(async (tx) => {
    await lockCatalogue(tx);
    const action = plan(await versionsOf(tx, code), versionId);
    if (action === undefined) return undefined;
    if (action.action === 'rejected')
      throw new Conflict('catalogue_version_conflict', action.reason, action.field);
    if (action.action === 'unchanged')
      return { action: 'unchanged' as const, entry: action.entry, catalogueVersion: null };
    await insertCatalogueVersion(tx, {
      id: versionId,
      title: `${code} ${change.reason}`.slice(0, 200),
      source: 'manual',
      fileName: null,
      publishedOn: null,
      summary: null,
      actor: change.actor,
      reason: change.reason,
    });
    await applyPlan(tx, [action], versionId, change);
    return { action: action.action, entry: action.entry, catalogueVersion: versionId };
  });
  cache?.invalidate();
  if (result === undefined) {
    const versions = await versionsOf(db, code);
    const last = versions[versions.length - 1];
    if (last === undefined) throw new NotFound('医保目录条目', code, 'code');
    return { action: 'unchanged', entry: last, catalogueVersion: null };
  }
  return result;
}

/**
 * Adds an entry, or a new version of it from `validFrom`; the same body again changes nothing.
 * `today` is the business date (the default validFrom).
 */
export async function putEntry(
  db: Database,
  input: Omit<CatalogueEntryInput, 'validFrom'> & { validFrom?: string },
  today: string,
  change: CatalogueChange,
  cache?: Invalidates,
): Promise<PutResult> {
  // Validate before the transaction: a bad body names its field with no database work.
  const probe = validateEntry({ ...input, validFrom: input.validFrom ?? today }, 'pending');
  return commit(
    db,
    probe.code,
    (existing, versionId) => planEntry(existing, { ...probe, catalogueVersion: versionId }),
    change,
    cache,
  );
}

/** Ends a code's entry on `validTo` (the last day it is in force). */
export async function endEntry(
  db: Database,
  code: string,
  validTo: string,
  change: CatalogueChange,
  cache?: Invalidates,
): Promise<PutResult> {
  if (!isCalendarDate(validTo))
    throw new Invalid('validTo', 'invalid_date', 'validTo 须为存在的日期 YYYY-MM-DD');
  return commit(
    db,
    code,
    (existing) => {
      if (existing.length === 0) throw new NotFound('医保目录条目', code, 'code');
      return planEnd(existing, validTo);
    },
    change,
    cache,
  );
}

/** The entry in force on a date; NotFound (404) when there is none. */
export async function readEntryOn(db: Queryable, code: string, date: string): Promise<CatalogueEntry> {
  if (!isCalendarDate(date)) throw new Invalid('date', 'invalid_date', 'date 须为存在的日期 YYYY-MM-DD');
  const entry = await entryOn(db, code, date);
  if (entry === undefined)
    throw new NotFound('医保目录条目', code, 'code', `医保目录在 ${date} 没有 ${code}`);
  return entry;
}

export async function entryVersions(
  db: Queryable,
  code: string,
): Promise<{ versions: CatalogueEntry[]; history: CatalogueHistoryEvent[] }> {
  const versions = await versionsOf(db, code);
  if (versions.length === 0) throw new NotFound('医保目录条目', code, 'code');
  return { versions, history: await historyOf(db, code) };
}

/**
 * Replaces an institution's approved service items (R-C3). Every code must be a service item of
 * the catalogue in force on `date` (an unknown code is Invalid naming its index).
 */
export async function putApprovedItems(
  db: Database,
  institutionId: string,
  codes: readonly string[],
  date: string,
  change: CatalogueChange,
  cache?: Invalidates,
): Promise<string[]> {
  const seen = new Set<string>();
  codes.forEach((c, i) => {
    if (seen.has(c)) throw new Invalid(`codes[${i}]`, 'duplicate', `编码 ${c} 重复`);
    seen.add(c);
  });
  await db.transaction(async (tx) => {
    const inst = await tx.query('SELECT 1 FROM institutions WHERE id = $1', [institutionId]);
    if (inst.length === 0) throw new NotFound('定点医药机构', institutionId, 'id');
    for (const [i, code] of codes.entries()) {
      const e = await entryOn(tx, code, date);
      if (e === undefined || e.kind !== 'service')
        throw new Invalid(`codes[${i}]`, 'not_in_catalogue', `${code} 不是 ${date} 医保目录中的医疗服务项目`);
    }
    await replaceApprovedItems(tx, institutionId, [...seen], change);
  });
  cache?.invalidate();
  return [...seen].sort();
}

export { listsOf };
