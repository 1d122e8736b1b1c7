// `yibao audit verify [--data DIR] [--json]`: checks the audit log's hash chains and anchors
// (access/audit-verify.ts) against the database of `serve` (DATABASE_URL or --data).
//
// Exit codes: 0 every chain verified; 1 a broken link (the first is reported: chain, seq, what
// differs); 2 a usage error.
import { verifyAuditLog } from '../access/audit-verify.js';
import { parseArgs, stringFlag } from './args.js';
import { openRuntime } from './runtime.js';

const USAGE = `usage:
  yibao audit verify [--json] [--data DIR]
      recompute every entry's hash, follow each chain, check the anchors; exit 1 at the first broken link
`;

export async function runAudit(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'verify') {
    process.stdout.write(USAGE);
    return sub === 'help' || sub === '--help' ? 0 : 2;
  }
  const args = parseArgs(rest, ['json']);
  const runtime = await openRuntime(stringFlag(args, 'data'));
  try {
    const result = await verifyAuditLog(runtime.db);
    if (args.flags.get('json') === true) process.stdout.write(`${JSON.stringify(result)}\n`);
    else if (result.ok)
      process.stdout.write(`verified ${result.entries} entries in ${result.chains} chains\n`);
    else
      process.stdout.write(
        `broken link: chain ${result.broken.chainId} seq ${result.broken.seq} (${result.broken.problem}): ` +
          `${result.broken.message}\n(${result.entries} entries verified before it)\n`,
      );
    return result.ok ? 0 : 1;
  } finally {
    await runtime.db.close();
  }
}
