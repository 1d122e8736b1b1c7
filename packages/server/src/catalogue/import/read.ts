// Readers: a file's bytes → rows of canonical fields as text, with their line numbers (the header
// is line 1, as a spreadsheet shows it). An unreadable file, or one without the required columns,
// is Invalid on `file` and nothing is imported.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { Invalid } from '../../domain/errors.js';
import type { Cells } from './fields.js';
import { COLUMNS, REQUIRED, type Canonical, type Layout } from './layouts.js';

export type FileFormat = 'csv' | 'xlsx' | 'national_tsv';

export interface FileRow {
  line: number;
  cells: Cells;
}

export interface ReadFile {
  format: FileFormat;
  columns: { header: string; field: Canonical | null }[];
  rows: FileRow[];
}

export function formatOf(fileName: string): FileFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.tsv') || lower.endsWith('.txt')) return 'national_tsv';
  if (lower.endsWith('.csv')) return 'csv';
  throw new Invalid(
    'file',
    'unknown_format',
    `不认识的文件类型 ${fileName}：支持 .csv、.xlsx 和国家平台下载的 .tsv/.txt`,
  );
}

function mapHeader(header: readonly string[], layout: Layout): ReadFile['columns'] {
  const map = COLUMNS[layout];
  const columns = header.map((h) => {
    const key = h.replace(/^\uFEFF/, '').trim();
    return { header: key, field: map[key] ?? map[key.toLowerCase()] ?? null };
  });
  const seen = new Map<Canonical, string>();
  for (const c of columns) {
    if (c.field === null) continue;
    const other = seen.get(c.field);
    if (other !== undefined)
      throw new Invalid('file', 'duplicate_column', `列 ${other} 与 ${c.header} 都是 ${c.field}，只能有一列`);
    seen.set(c.field, c.header);
  }
  const missing = REQUIRED.filter((f) => !seen.has(f));
  if (missing.length > 0)
    throw new Invalid(
      'file',
      'missing_columns',
      `缺少必需的列: ${missing.join(', ')}（对照表见 docs/catalogue.md）`,
    );
  return columns;
}

function toRows(
  records: readonly (readonly string[])[],
  columns: ReadFile['columns'],
  firstLine: number,
): FileRow[] {
  const rows: FileRow[] = [];
  for (let i = 0; i < records.length; i++) {
    const rec = records[i] as readonly string[];
    if (rec.every((c) => c.trim() === '')) continue; // blank lines
    const cells: Cells = {};
    for (let j = 0; j < columns.length; j++) {
      const f = (columns[j] as ReadFile['columns'][number]).field;
      if (f !== null) cells[f] = rec[j] ?? '';
    }
    rows.push({ line: firstLine + i, cells });
  }
  return rows;
}

function delimited(text: string, delimiter: string, format: FileFormat, layout: Layout): ReadFile {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      // National downloads are plain tab-separated text: a quote is a character, not a quote.
      quote: format === 'national_tsv' ? false : '"',
    });
  } catch (err) {
    throw new Invalid('file', 'unreadable', `文件无法读取: ${(err as Error).message}`);
  }
  const header = records[0];
  if (header === undefined) throw new Invalid('file', 'empty', '文件是空的');
  const columns = mapHeader(header, layout);
  return { format, columns, rows: toRows(records.slice(1), columns, 2) };
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return cellText(v.result);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return v.text;
    return '';
  }
  return String(v);
}

async function xlsx(bytes: Buffer): Promise<ReadFile> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new Invalid('file', 'unreadable', `Excel 文件无法读取: ${(err as Error).message}`);
  }
  const sheet = book.worksheets[0];
  if (sheet === undefined) throw new Invalid('file', 'empty', 'Excel 文件没有工作表');
  const records: string[][] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const rec: string[] = [];
    for (let c = 1; c <= width; c++) rec.push(cellText(row.getCell(c).value));
    records.push(rec);
  }
  const header = records[0];
  if (header === undefined) throw new Invalid('file', 'empty', '工作表是空的');
  const columns = mapHeader(header, 'yibao');
  return { format: 'xlsx', columns, rows: toRows(records.slice(1), columns, 2) };
}

/** Reads a catalogue file of the given format (see formatOf). */
export async function readCatalogueFile(bytes: Buffer, format: FileFormat): Promise<ReadFile> {
  switch (format) {
    case 'csv':
      return delimited(bytes.toString('utf8'), ',', 'csv', 'yibao');
    case 'national_tsv':
      return delimited(bytes.toString('utf8'), '\t', 'national_tsv', 'national');
    case 'xlsx':
      return xlsx(bytes);
  }
}
