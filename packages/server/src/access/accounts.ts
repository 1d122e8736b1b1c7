// 经办人员账户 (issue 13): opening an account, its roles, disabling, unlocking, resetting its
// password. The rules a schema cannot say live here: a 机构用户 is bound to one existing
// institution and holds no other role; the last active admin keeps the role; nobody disables
// themself. Who made a change is the identity's actor (identity.ts actorOf), never a header.
import { randomUUID } from 'node:crypto';
import type { Account, AccountBody, AccountRolesBody, SessionAccount } from '@yibao/api';
import type { Role } from '@yibao/api/constants';
import type { Database, Queryable } from '../db/types.js';
import { Conflict, Invalid, NotFound } from '../domain/errors.js';
import { findInstitution } from '../store/institution-records.js';
import {
  findAccount,
  insertAccount,
  listAccounts as listAccountRows,
  lockActiveAdmins,
  updateAccount,
  type AccountRecord,
} from '../store/access/accounts.js';
import { endSessionsOf } from '../store/access/sessions.js';
import { revokeTokensOf } from '../store/access/tokens.js';
import { checkPasswordRules, generatePassword, hashPassword } from './passwords.js';

/** Who changes an account: the actor as the history writes it, and their own account when they have one. */
export interface AccountActor {
  actor: string;
  accountId: string | null;
  reason?: string;
}

export function sessionAccountOf(a: AccountRecord): SessionAccount {
  return {
    id: a.id,
    username: a.username,
    displayName: a.displayName,
    roles: a.roles,
    institutionId: a.institutionId,
  };
}

/** The account as an admin sees it: never its password hash. */
export function accountOf(a: AccountRecord, now = new Date()): Account {
  return {
    ...sessionAccountOf(a),
    status: a.status,
    lockedUntil: a.lockedUntil !== null && a.lockedUntil > now ? a.lockedUntil.toISOString() : null,
    failedSignIns: a.failedSignIns,
    lastSignInAt: a.lastSignInAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
    createdBy: a.createdBy,
    updatedAt: a.updatedAt.toISOString(),
  };
}

/**
 * 机构用户 is bound to one institution and is nothing else; every other account is bound to none.
 * The institution must be registered.
 */
async function checkRoles(
  db: Queryable,
  roles: readonly Role[],
  institutionId: string | null,
): Promise<void> {
  if (roles.includes('institution_user')) {
    if (roles.length > 1)
      throw new Invalid('roles', 'institution_user_alone', '机构用户 (institution_user) 不得兼任其他角色');
    if (institutionId === null)
      throw new Invalid('institutionId', 'institution_required', '机构用户须指明所属定点医药机构');
    if ((await findInstitution(db, institutionId)) === undefined)
      throw new NotFound('定点医药机构', institutionId, 'institutionId');
  } else if (institutionId !== null)
    throw new Invalid('institutionId', 'institution_not_allowed', '只有机构用户 (institution_user) 绑定机构');
}

export interface NewAccount {
  username: string;
  displayName: string;
  roles: Role[];
  institutionId?: string | null;
  /** A chosen password (`yibao admin create --password-stdin`); otherwise one is generated. */
  password?: string;
}

/** 开户: the account and its password, in the clear this once (generated unless given). */
export async function createAccount(
  db: Database,
  input: NewAccount,
  by: AccountActor,
  now = new Date(),
): Promise<{ account: Account; password: string }> {
  const institutionId = input.institutionId ?? null;
  await checkRoles(db, input.roles, institutionId);
  const password = input.password ?? generatePassword();
  checkPasswordRules(password, input.username, 'password');
  const record: AccountRecord = {
    id: `ACC-${randomUUID().replace(/-/g, '').slice(0, 12)}`,
    username: input.username,
    displayName: input.displayName,
    passwordHash: await hashPassword(password),
    roles: input.roles,
    institutionId,
    status: 'active',
    failedSignIns: 0,
    lockedUntil: null,
    lastSignInAt: null,
    createdAt: now,
    createdBy: by.actor,
    updatedAt: now,
    updatedBy: by.actor,
  };
  if (!(await insertAccount(db, record)))
    throw new Conflict('username_taken', `登录名已被使用: ${input.username}`, 'username');
  return { account: accountOf(record, now), password };
}

/** POST /accounts: an admin opens an account; its initial password is generated. */
export function openAccount(
  db: Database,
  body: AccountBody,
  by: AccountActor,
): Promise<{ account: Account; password: string }> {
  return createAccount(
    db,
    {
      username: body.username,
      displayName: body.displayName,
      roles: body.roles,
      institutionId: body.institutionId ?? null,
    },
    by,
  );
}

/**
 * 创建管理员: the documented way to make the first admin (and any other from the command line):
 * `yibao admin create` calls it, and the access tests make theirs with it. `operator` is the OS
 * user; the account's created_by is `cli:<operator>`.
 */
export function createAdmin(
  db: Database,
  input: { username: string; displayName?: string; password?: string; operator: string },
): Promise<{ account: Account; password: string }> {
  return createAccount(
    db,
    {
      username: input.username,
      displayName: input.displayName ?? input.username,
      roles: ['admin'],
      ...(input.password !== undefined ? { password: input.password } : {}),
    },
    { actor: `cli:${input.operator}`, accountId: null },
  );
}

export async function listAccounts(db: Queryable): Promise<Account[]> {
  const now = new Date();
  return (await listAccountRows(db)).map((a) => accountOf(a, now));
}

async function existing(db: Queryable, id: string, forUpdate = false): Promise<AccountRecord> {
  const account = await findAccount(db, id, forUpdate);
  if (account === undefined) throw new NotFound('账户', id, 'id');
  return account;
}

export async function getAccount(db: Queryable, id: string): Promise<Account> {
  return accountOf(await existing(db, id));
}

/** Refuses a change that would leave no active admin (the admins' rows are held meanwhile). */
async function keepAnAdmin(tx: Queryable, account: AccountRecord, field: string): Promise<void> {
  const admins = await lockActiveAdmins(tx);
  if (admins.length === 1 && admins[0] === account.id)
    throw new Conflict('last_admin', '不能移除最后一个启用的管理员 (admin)', field);
}

/** 调整角色: takes effect on the account's next request (sessions and tokens read the roles each time). */
export async function changeRoles(
  db: Database,
  id: string,
  body: AccountRolesBody,
  by: AccountActor,
  now = new Date(),
): Promise<Account> {
  const institutionId = body.institutionId ?? null;
  return db.transaction(async (tx) => {
    const account = await existing(tx, id, true);
    await checkRoles(tx, body.roles, institutionId);
    if (account.roles.includes('admin') && !body.roles.includes('admin') && account.status === 'active')
      await keepAnAdmin(tx, account, 'roles');
    await updateAccount(tx, id, { roles: body.roles, institutionId, at: now, by: by.actor });
    return accountOf(await existing(tx, id), now);
  });
}

/**
 * 停用: the account's sessions end and its tokens are revoked at once (and the authenticators
 * read the status on every request besides). Not oneself, not the last active admin.
 */
export async function disableAccount(
  db: Database,
  id: string,
  by: AccountActor,
  now = new Date(),
): Promise<Account> {
  if (by.accountId === id) throw new Conflict('own_account', '不能停用自己的账户', 'id');
  return db.transaction(async (tx) => {
    const account = await existing(tx, id, true);
    if (account.status === 'active' && account.roles.includes('admin')) await keepAnAdmin(tx, account, 'id');
    await updateAccount(tx, id, { status: 'disabled', at: now, by: by.actor });
    await endSessionsOf(tx, id, now);
    await revokeTokensOf(tx, id, now);
    return accountOf(await existing(tx, id), now);
  });
}

/** 启用: the account may sign in again (its old tokens stay revoked; it makes new ones). */
export async function enableAccount(
  db: Database,
  id: string,
  by: AccountActor,
  now = new Date(),
): Promise<Account> {
  return db.transaction(async (tx) => {
    await existing(tx, id, true);
    await updateAccount(tx, id, { status: 'active', at: now, by: by.actor });
    return accountOf(await existing(tx, id), now);
  });
}

/** 解锁: the failed sign-ins forgotten and the lock lifted before its 15 minutes. */
export async function unlockAccount(
  db: Database,
  id: string,
  by: AccountActor,
  now = new Date(),
): Promise<Account> {
  return db.transaction(async (tx) => {
    await existing(tx, id, true);
    await updateAccount(tx, id, { unlock: true, at: now, by: by.actor });
    return accountOf(await existing(tx, id), now);
  });
}

/**
 * 重置密码: a new generated password, shown once; the account's sessions end (whoever was signed
 * in with the old one is signed out) and its lock is lifted. Its tokens stand: they are not the
 * password.
 */
export async function resetPassword(
  db: Database,
  id: string,
  by: AccountActor,
  now = new Date(),
): Promise<{ account: Account; password: string }> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    await existing(tx, id, true);
    await updateAccount(tx, id, { passwordHash, unlock: true, at: now, by: by.actor });
    await endSessionsOf(tx, id, now);
    return { account: accountOf(await existing(tx, id), now), password };
  });
}
