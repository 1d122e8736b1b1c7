// `yibao catalogue import FILE [--format csv|xlsx|national] [--apply]` and `yibao catalogue export`:
// the agency's catalogue (医保目录) from and to files, against the database of `serve` (DATABASE_URL
// or --data). An import previews by default and writes only with --apply, in one transaction; a file
// with any rejected line, or one that cannot be read, changes nothing.
//
// Exit codes: 0 done (a preview with no rejected line, an import applied, an export written);
// 1 the file is refused (rejected lines or unreadable: nothing changed); 2 a usage error.
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  applyImport,
  ImportRejected,
  previewImport,
  type ImportPreview,
} from '../catalogue/import/import.js';
import { catalogueToCsv } from '../catalogue/import/export.js';
import type { FileFormat } from '../catalogue/import/read.js';
import { today as businessToday } from '../domain/today.js';
import { isCalendarDate } from '../catalogue/validate.js';
import { previewToWire } from '../catalogue/wire.js';
import { isDomainError } from '../domain/errors.js';
import { allEntries } from '../store/catalogue/entries.js';
import { parseArgs, stringFlag, type ParsedArgs } from './args.js';
import { openRuntime } from './runtime.js';
import { auditCli, cliIdentity } from '../access/audit-cli.js';
import { actorOf } from '../access/identity.js';

const USAGE = `usage:
  yibao catalogue import FILE [--format csv|xlsx|national] [--apply] [--effective-from YYYY-MM-DD]
                              [--end-missing] [--title T] [--actor LABEL] [--reason TEXT] [--json] [--data DIR]
      preview what FILE would change (added, changed, ended, rejected lines); --apply writes it
  yibao catalogue export [--date YYYY-MM-DD | --all] [--out FILE] [--data DIR]
      the catalogue in force on the date (today by default) as a Yibao CSV; --all every version
`;

const FORMATS: Partial<Record<string, FileFormat>> = {
  csv: 'csv',
  xlsx: 'xlsx',
  national: 'national_tsv',
  tsv: 'national_tsv',
};
const BOOLEANS = ['apply', 'end-missing', 'json', 'all'];

class Usage extends Error {}

function formatOf(name: string | undefined): FileFormat | undefined {
  if (name === undefined) return undefined;
  const format = FORMATS[name];
  if (format === undefined) throw new Usage(`--format must be csv, xlsx or national, got '${name}'`);
  return format;
}

export async function runCatalogue(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  try {
    const args = parseArgs(rest, BOOLEANS);
    switch (sub) {
      case 'import':
        return await runImport(args);
      case 'export':
        return await runExport(args);
      case undefined:
      case 'help':
      case '--help':
        process.stdout.write(USAGE);
        return sub === undefined ? 2 : 0;
      default:
        throw new Usage(`unknown catalogue command '${sub}'`);
    }
  } catch (err) {
    if (err instanceof Usage) {
      process.stderr.write(`yibao catalogue: ${err.message}\n${USAGE}`);
      return 2;
    }
    throw err;
  }
}

function dateFlag(args: ParsedArgs, name: string): string | undefined {
  const v = stringFlag(args, name);
  const exists: boolean = isCalendarDate(v);
  if (v !== undefined && !exists) throw new Usage(`--${name} must be a date YYYY-MM-DD, got '${v}'`);
  return v;
}

async function runImport(args: ParsedArgs): Promise<number> {
  const file = args.positional[0];
  if (file === undefined) throw new Usage('import needs a FILE');
  const formatName = stringFlag(args, 'format');
  const format = formatOf(formatName);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    process.stderr.write(`yibao catalogue: cannot read ${file}: ${(err as Error).message}\n`);
    return 1;
  }
  const title = stringFlag(args, 'title');
  const options = {
    fileName: basename(file),
    effectiveFrom: dateFlag(args, 'effective-from') ?? businessToday(),
    endMissing: args.flags.get('end-missing') === true,
    ...(format === undefined ? {} : { format }),
    ...(title === undefined ? {} : { title }),
  };
  const json = args.flags.get('json') === true;
  const runtime = await openRuntime(stringFlag(args, 'data'));
  try {
    if (args.flags.get('apply') !== true) {
      const preview = await previewImport(runtime.db, bytes, options);
      report(preview, json, false);
      return preview.rejected.length > 0 ? 1 : 0;
    }
    // 经办人: the OS user who ran the command (cli:<user>); --actor is a label on the reason only.
    const identity = cliIdentity();
    const label = stringFlag(args, 'actor');
    const reason = stringFlag(args, 'reason') ?? `导入目录文件 ${options.fileName}`;
    const change = {
      actor: actorOf(identity),
      reason: label === undefined ? reason : `${reason}（${label}）`,
    };
    const audit = (outcome: string, versionId: string | null): Promise<void> =>
      auditCli(runtime.db, identity, {
        action: 'cli catalogue import --apply',
        target: `file=${options.fileName}`,
        outcome,
        detail: { version: versionId },
      });
    let result;
    try {
      result = await applyImport(runtime.db, bytes, options, change);
    } catch (err) {
      await audit(err instanceof ImportRejected ? 'rejected' : isDomainError(err) ? err.code : 'error', null);
      throw err;
    }
    await audit('ok', result.version.id);
    report(result.preview, json, true, result.version.id);
    return 0;
  } catch (err) {
    if (err instanceof ImportRejected) {
      report(err.preview, json, false);
      process.stderr.write(`yibao catalogue: ${err.message}\n`);
      return 1;
    }
    if (isDomainError(err)) {
      process.stderr.write(`yibao catalogue: ${err.field ?? ''} ${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    await runtime.db.close();
  }
}

function report(p: ImportPreview, json: boolean, applied: boolean, versionId?: string): void {
  if (json) {
    process.stdout.write(`${JSON.stringify({ applied, version: versionId ?? null, ...previewToWire(p) })}\n`);
    return;
  }
  const out: string[] = [
    `${p.fileName} (${p.format}): ${p.rows} 行 — 新增 ${p.added.length}，变更 ${p.changed.length}，` +
      `终止 ${p.ended.length}，不变 ${p.unchanged}，跳过 ${p.skipped.length}，拒绝 ${p.rejected.length}`,
  ];
  const shown = 20;
  const list = <T>(title: string, xs: readonly T[], line: (x: T) => string): void => {
    if (xs.length === 0) return;
    out.push(`${title}:`);
    for (const x of xs.slice(0, shown)) out.push(`  ${line(x)}`);
    if (xs.length > shown) out.push(`  … 另有 ${xs.length - shown} 行`);
  };
  list('拒绝 rejected', p.rejected, (x) => `第 ${x.line} 行 ${x.code} ${x.field}: ${x.reason}`);
  list('新增 added', p.added, (x) => `第 ${x.line} 行 ${x.code} ${x.name}`);
  list(
    '变更 changed',
    p.changed,
    (x) => `第 ${x.line} 行 ${x.code} 自 ${x.validFrom}: ${x.fields.map((f) => f.field).join(', ')}`,
  );
  list(
    '终止 ended',
    p.ended,
    (x) => `${x.line === null ? '文件未列' : `第 ${x.line} 行`} ${x.code} 至 ${x.validTo ?? ''}`,
  );
  list('跳过 skipped', p.skipped, (x) => `第 ${x.line} 行 ${x.code}: ${x.reason}`);
  out.push(
    applied
      ? `已导入，目录版本 ${versionId ?? ''}`
      : p.rejected.length > 0
        ? '有被拒绝的行：不能导入（未写入任何内容）'
        : '预览，未写入；加 --apply 导入',
  );
  process.stdout.write(`${out.join('\n')}\n`);
}

async function runExport(args: ParsedArgs): Promise<number> {
  const all = args.flags.get('all') === true;
  const date = dateFlag(args, 'date') ?? businessToday();
  const out = stringFlag(args, 'out');
  const runtime = await openRuntime(stringFlag(args, 'data'));
  try {
    const entries = (await allEntries(runtime.db)).filter(
      (e) => all || (e.validFrom <= date && (e.validTo === null || e.validTo >= date)),
    );
    const csv = catalogueToCsv(entries);
    if (out === undefined) process.stdout.write(csv.endsWith('\n') ? csv : `${csv}\n`);
    else await writeFile(out, csv);
    process.stderr.write(`${entries.length} 条目录条目${all ? '（全部版本）' : `（${date} 有效）`}\n`);
    return 0;
  } finally {
    await runtime.db.close();
  }
}
