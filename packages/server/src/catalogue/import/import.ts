// 目录导入: preview a catalogue file (added, changed, ended, rejected lines with line numbers and
// reasons), then apply it in one transaction. A file with any rejected line, or one that cannot be
// read, changes nothing.
import type { Database, Queryable } from '../../db/types.js';
import { Invalid, isDomainError } from '../../domain/errors.js';
import { allEntries, insertCatalogueVersion, lockCatalogue } from '../../store/catalogue/entries.js';
import { applyPlan, type PlanSummary } from '../apply.js';
import { newVersionId, type Invalidates } from '../entries.js';
import { dayBefore, planEnd, planEntry, type FieldChange, type PlanAction } from '../plan.js';
import type { CatalogueChange, CatalogueEntry, CatalogueVersion, ItemKind } from '../types.js';
import { isCalendarDate, validateEntry } from '../validate.js';
import { rowToInput } from './fields.js';
import { formatOf, readCatalogueFile, type FileFormat, type ReadFile } from './read.js';

export interface ImportOptions {
  fileName: string;
  /** validFrom of rows without one, and the day after which `endMissing` ends absent codes. */
  effectiveFrom: string;
  /** A full catalogue: codes of the kinds in the file that it no longer lists end the day before effectiveFrom. */
  endMissing?: boolean;
  title?: string;
  format?: FileFormat;
}

export interface ImportPreview {
  fileName: string;
  format: FileFormat;
  rows: number;
  added: { line: number; code: string; name: string }[];
  changed: { line: number; code: string; validFrom: string; fields: FieldChange[] }[];
  ended: { line: number | null; code: string; validTo: string | null }[];
  unchanged: number;
  skipped: { line: number; code: string; reason: string }[];
  rejected: { line: number; code: string; field: string; reason: string }[];
}

interface Planned {
  preview: ImportPreview;
  actions: PlanAction[];
}

function group(entries: readonly CatalogueEntry[]): Map<string, CatalogueEntry[]> {
  const map = new Map<string, CatalogueEntry[]>();
  for (const e of entries) {
    const list = map.get(e.code);
    if (list === undefined) map.set(e.code, [e]);
    else list.push(e);
  }
  return map;
}

/** Pure: the file against the catalogue held (every version, ordered by code then validFrom). */
export function planImport(
  file: ReadFile,
  held: readonly CatalogueEntry[],
  options: ImportOptions,
  versionId: string,
): Planned {
  const existing = group(held);
  const preview: ImportPreview = {
    fileName: options.fileName,
    format: file.format,
    rows: file.rows.length,
    added: [],
    changed: [],
    ended: [],
    unchanged: 0,
    skipped: [],
    rejected: [],
  };
  const actions: PlanAction[] = [];
  const firstLine = new Map<string, number>();
  const kinds = new Set<ItemKind>();
  for (const { line, cells } of file.rows) {
    const code = (cells.code ?? '').trim();
    try {
      const input = rowToInput(cells, { validFrom: options.effectiveFrom });
      if (input === undefined) {
        preview.skipped.push({ line, code, reason: 'vali_flag = 0（无效记录）' });
        continue;
      }
      const entry = validateEntry(input, versionId);
      const earlier = firstLine.get(entry.code);
      if (earlier !== undefined) {
        preview.rejected.push({ line, code, field: 'code', reason: `编码重复，第 ${earlier} 行已有` });
        continue;
      }
      firstLine.set(entry.code, line);
      kinds.add(entry.kind);
      const action = planEntry(existing.get(entry.code) ?? [], entry);
      switch (action.action) {
        case 'added':
          preview.added.push({ line, code, name: entry.name });
          break;
        case 'changed':
          preview.changed.push({ line, code, validFrom: entry.validFrom, fields: action.fields });
          break;
        case 'ended':
          preview.ended.push({ line, code, validTo: action.entry.validTo });
          break;
        case 'unchanged':
          preview.unchanged++;
          break;
        case 'rejected':
          preview.rejected.push({ line, code, field: action.field, reason: action.reason });
          break;
      }
      if (action.action !== 'rejected') actions.push(action);
    } catch (err) {
      if (!isDomainError(err) || err.field === null) throw err;
      preview.rejected.push({ line, code, field: err.field, reason: err.message });
    }
  }
  if (options.endMissing === true) {
    const validTo = dayBefore(options.effectiveFrom);
    for (const [code, versions] of existing) {
      if (firstLine.has(code)) continue;
      const latest = versions[versions.length - 1] as CatalogueEntry;
      if (!kinds.has(latest.kind)) continue;
      const action = planEnd(versions, validTo);
      if (action === undefined) continue;
      if (action.action === 'rejected') {
        preview.rejected.push({ line: 0, code, field: action.field, reason: action.reason });
        continue;
      }
      preview.ended.push({ line: null, code, validTo });
      actions.push(action);
    }
  }
  return { preview, actions };
}

async function read(bytes: Buffer, options: ImportOptions): Promise<ReadFile> {
  if (!isCalendarDate(options.effectiveFrom))
    throw new Invalid('effectiveFrom', 'invalid_date', 'effectiveFrom 须为存在的日期 YYYY-MM-DD');
  return readCatalogueFile(bytes, options.format ?? formatOf(options.fileName));
}

/** What applying the file would do; writes nothing. */
export async function previewImport(
  db: Queryable,
  bytes: Buffer,
  options: ImportOptions,
): Promise<ImportPreview> {
  const file = await read(bytes, options);
  return planImport(file, await allEntries(db), options, 'preview').preview;
}

export interface ImportResult {
  preview: ImportPreview;
  version: Omit<CatalogueVersion, 'recordedAt'>;
  summary: PlanSummary;
}

/**
 * Applies the file in one transaction as a new catalogue version. Any rejected line refuses the
 * whole file (Invalid on `file`, the preview in the message's count); nothing is written.
 */
export async function applyImport(
  db: Database,
  bytes: Buffer,
  options: ImportOptions,
  change: CatalogueChange,
  cache?: Invalidates,
): Promise<ImportResult> {
  const file = await read(bytes, options);
  const versionId = newVersionId('I');
  const result = await db.transaction(async (tx) => {
    await lockCatalogue(tx);
    const { preview, actions } = planImport(file, await allEntries(tx), options, versionId);
    if (preview.rejected.length > 0) {
      const first = preview.rejected[0] as ImportPreview['rejected'][number];
      throw new ImportRejected(
        preview,
        `${preview.rejected.length} 行被拒绝，未导入任何内容；第 ${first.line} 行 ${first.field}: ${first.reason}`,
      );
    }
    const version: Omit<CatalogueVersion, 'recordedAt'> = {
      id: versionId,
      title: options.title ?? options.fileName,
      source: file.format,
      fileName: options.fileName,
      publishedOn: options.effectiveFrom,
      summary: null,
      actor: change.actor,
      reason: change.reason,
    };
    await insertCatalogueVersion(tx, version);
    const summary = await applyPlan(tx, actions, versionId, change);
    return { preview, version: { ...version, summary }, summary };
  });
  cache?.invalidate();
  return result;
}

/** A file with rejected lines: Invalid on `file`, carrying the preview that says which and why. */
export class ImportRejected extends Invalid {
  constructor(
    readonly preview: ImportPreview,
    message: string,
  ) {
    super('file', 'rejected_lines', message);
  }
}
