// `yibao admin create --username U [--display-name N] [--password-stdin] [--data DIR]`: an admin
// account (管理员) on the database of `serve` (DATABASE_URL or --data) — the way to make the first
// one, since the service has no default account and no default password. The password is
// generated and printed once (or read from stdin with --password-stdin, and then not printed).
// The account's created_by is `cli:<OS user>`: who ran the command, as the history writes it.
//
// Exit codes: 0 created; 1 refused (the username is taken, the password breaks the rules); 2 usage.
import { cliIdentity } from '../access/audit-cli.js';
import { USERNAME_PATTERN } from '@yibao/api';
import { createAdmin } from '../access/accounts.js';
import { isDomainError } from '../domain/errors.js';
import { parseArgs, stringFlag } from './args.js';
import { resolve } from 'node:path';
import { migrate } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import { databaseUrl, DEFAULT_DATA_DIR } from './runtime.js';

const USAGE = `usage:
  yibao admin create --username U [--display-name N] [--password-stdin] [--data DIR]
      create an admin account; its password is generated and printed once
      (--password-stdin: read it from stdin instead, at least 12 characters)
`;

class Usage extends Error {}

/** The OS user running the command: the operator the account's created_by names (audit-cli.ts). */
export function osOperator(): string {
  const identity = cliIdentity();
  return identity.kind === 'cli' ? identity.operator : 'unknown';
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One trailing line break is the terminal's or `echo`'s, not the password's.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export async function runAdmin(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  try {
    if (sub === undefined || sub === 'help' || sub === '--help') {
      process.stdout.write(USAGE);
      return sub === undefined ? 2 : 0;
    }
    if (sub !== 'create') throw new Usage(`unknown admin command '${sub}'`);
    return await create(rest);
  } catch (err) {
    if (err instanceof Usage) {
      process.stderr.write(`yibao admin: ${err.message}\n${USAGE}`);
      return 2;
    }
    throw err;
  }
}

async function create(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['password-stdin']);
  const username = stringFlag(args, 'username');
  if (username === undefined) throw new Usage('--username is required');
  if (!new RegExp(USERNAME_PATTERN).test(username))
    throw new Usage(`--username '${username}': 小写字母开头，小写字母、数字与 . _ -，3–64 位`);
  const displayName = stringFlag(args, 'display-name');
  const password = args.flags.has('password-stdin') ? await readStdin() : undefined;

  // The database of `serve` (not its policy: an account needs none), migrated if it is new.
  const db = await openDatabase({
    databaseUrl: databaseUrl(),
    dataDir: resolve(stringFlag(args, 'data') ?? DEFAULT_DATA_DIR),
  });
  try {
    await migrate(db);
    const { account, password: shown } = await createAdmin(db, {
      username,
      ...(displayName !== undefined ? { displayName } : {}),
      ...(password !== undefined ? { password } : {}),
      operator: osOperator(),
    });
    process.stdout.write(
      `已创建管理员账户 ${account.username} (${account.id})，开户人 ${account.createdBy}\n`,
    );
    if (password === undefined) process.stdout.write(`初始密码（仅此一次显示，请登录后修改）: ${shown}\n`);
    return 0;
  } catch (err) {
    if (isDomainError(err)) {
      process.stderr.write(`yibao admin: ${err.message}${err.field !== null ? ` (${err.field})` : ''}\n`);
      return 1;
    }
    throw err;
  } finally {
    await db.close();
  }
}
