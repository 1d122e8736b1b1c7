// `yibao credentials issue|list|revoke|rotate`: institutions' credentials (机构接口凭证) from the
// command line, against the database of `serve` (DATABASE_URL or --data). The secret is printed
// once, by `issue` and `rotate`; nothing prints it again (the database keeps only its hash).
//
// Exit codes: 0 done; 1 refused (unknown institution or key, already revoked); 2 a usage error.
import { cliIdentity } from '../access/audit-cli.js';
import type { Credential, IssuedCredential } from '@yibao/api';
import {
  issueCredential,
  listCredentials,
  revokeCredential,
  rotateCredential,
} from '../access/credentials.js';
import { actorOf } from '../access/identity.js';
import { isDomainError } from '../domain/errors.js';
import { parseArgs, stringFlag, type ParsedArgs } from './args.js';
import { openRuntime } from './runtime.js';

const USAGE = `usage:
  yibao credentials issue --institution ID [--label TEXT] [--json] [--operator NAME] [--data DIR]
      issue a credential; prints its key id and its secret — once
  yibao credentials list --institution ID [--json] [--data DIR]
      the institution's credentials and their status (never a secret)
  yibao credentials revoke --institution ID --key KEY_ID --reason TEXT [--operator NAME] [--data DIR]
      revoke a credential (every service process refuses it within seconds)
  yibao credentials rotate --institution ID --key KEY_ID [--json] [--operator NAME] [--data DIR]
      issue a new credential; the old one keeps working for 24 hours
`;

class Usage extends Error {}

function required(args: ParsedArgs, name: string): string {
  const v = stringFlag(args, name);
  if (v === undefined || v === '') throw new Usage(`--${name} is required`);
  return v;
}

/** cli:<operator>: --operator, else the OS user (audit-cli.ts, the one reading of it). */
function actor(args: ParsedArgs): string {
  const named = stringFlag(args, 'operator');
  return actorOf(named !== undefined ? { kind: 'cli', operator: named } : cliIdentity());
}

export async function runCredentials(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  try {
    const args = parseArgs(rest, ['json']);
    switch (sub) {
      case 'issue':
      case 'list':
      case 'revoke':
      case 'rotate':
        return await run(sub, args);
      case undefined:
      case 'help':
      case '--help':
        process.stdout.write(USAGE);
        return sub === undefined ? 2 : 0;
      default:
        throw new Usage(`unknown credentials command '${sub}'`);
    }
  } catch (err) {
    if (err instanceof Usage) {
      process.stderr.write(`yibao credentials: ${err.message}\n${USAGE}`);
      return 2;
    }
    throw err;
  }
}

async function run(sub: 'issue' | 'list' | 'revoke' | 'rotate', args: ParsedArgs): Promise<number> {
  const institution = required(args, 'institution');
  const label = stringFlag(args, 'label');
  const keyId = sub === 'revoke' || sub === 'rotate' ? required(args, 'key') : '';
  const reason = sub === 'revoke' ? required(args, 'reason') : '';
  const json = args.flags.get('json') === true;
  const runtime = await openRuntime(stringFlag(args, 'data'));
  try {
    switch (sub) {
      case 'issue':
        printIssued(await issueCredential(runtime.db, institution, { label }, actor(args)), json);
        return 0;
      case 'rotate':
        printIssued(await rotateCredential(runtime.db, institution, keyId, { label }, actor(args)), json);
        return 0;
      case 'list': {
        const items = await listCredentials(runtime.db, institution);
        if (json) process.stdout.write(`${JSON.stringify({ items })}\n`);
        else process.stdout.write(items.length === 0 ? '（无凭证）\n' : `${items.map(line).join('\n')}\n`);
        return 0;
      }
      case 'revoke': {
        const revoked = await revokeCredential(runtime.db, institution, keyId, reason, actor(args));
        process.stdout.write(json ? `${JSON.stringify(revoked)}\n` : `已吊销 ${line(revoked)}\n`);
        return 0;
      }
    }
  } catch (err) {
    if (isDomainError(err)) {
      process.stderr.write(`yibao credentials: ${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    await runtime.db.close();
  }
}

function line(c: Credential): string {
  const until = c.expiresAt === null ? '' : ` 至 ${c.expiresAt}`;
  return `${c.keyId}  ${c.status}${until}  ${c.label ?? ''}  签发 ${c.createdAt} ${c.createdBy}${
    c.revokeReason === null ? '' : `  吊销原因: ${c.revokeReason}`
  }`;
}

function printIssued(c: IssuedCredential, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(c)}\n`);
    return;
  }
  process.stdout.write(
    `机构 ${c.institutionId} 的新凭证${c.label === null ? '' : `（${c.label}）`}\n` +
      `  key id: ${c.keyId}\n  secret: ${c.secret}\n` +
      '密钥只显示这一次，请立即交给机构妥善保存；服务只保存其 SHA-256。签名方法见 docs/access.md。\n',
  );
}
