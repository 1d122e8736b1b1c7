// 账户管理 (issue 13, permission accounts.manage): open an account (its initial password shown
// once), list and read them, change roles, disable, enable, unlock, reset a password (shown once).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  Account,
  AccountBody,
  AccountList,
  AccountOptionalReasonBody,
  AccountReasonBody,
  AccountRolesBody,
  AccountWithPassword,
  ErrorResponses,
  RecordParams,
} from '@yibao/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../../../db/types.js';
import {
  changeRoles,
  disableAccount,
  enableAccount,
  getAccount,
  listAccounts,
  openAccount,
  resetPassword,
  unlockAccount,
  type AccountActor,
} from '../../../access/accounts.js';
import { actorOf } from '../../../access/identity.js';

/**
 * Who is changing the account, and why. Until the audit log keeps it, the change is written to the
 * service's log (never a password: none is in these bodies, and the generated ones are not logged).
 */
function actorFor(request: FastifyRequest, change: string, reason?: string): AccountActor {
  const identity = request.identity;
  const actor = actorOf(identity);
  const params = request.params as { id?: string } | undefined;
  request.log.info({ actor, change, account: params?.id, reason }, 'account change');
  return {
    actor,
    accountId: identity.kind === 'officer' ? identity.accountId : null,
    ...(reason !== undefined ? { reason } : {}),
  };
}

/** Enable, unlock, reset: a POST with no body at all is a body of `{}` (no reason given). */
const leftOutIsEmpty = (request: FastifyRequest, _reply: unknown, done: () => void): void => {
  request.body ??= {};
  done();
};

export function accountRoutes(server: FastifyInstance, db: Database): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['accounts'];
  const withPassword = { 200: AccountWithPassword, 201: AccountWithPassword, ...ErrorResponses };
  const oneAccount = { 200: Account, ...ErrorResponses };

  app.post(
    '/accounts',
    {
      schema: {
        tags,
        summary: '开户：生成初始密码，仅此一次显示；机构用户须指明所属机构',
        body: AccountBody,
        response: withPassword,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await openAccount(db, request.body, actorFor(request, 'open'))),
  );

  app.get(
    '/accounts',
    { schema: { tags, summary: '账户列表', response: { 200: AccountList, ...ErrorResponses } } },
    async (): Promise<AccountList> => ({ items: await listAccounts(db) }),
  );

  app.get(
    '/accounts/:id',
    { schema: { tags, summary: '账户', params: RecordParams, response: oneAccount } },
    async (request): Promise<Account> => getAccount(db, request.params.id),
  );

  app.put(
    '/accounts/:id/roles',
    {
      schema: {
        tags,
        summary: '调整角色（下一次请求起生效）；不能移除最后一个启用的管理员',
        params: RecordParams,
        body: AccountRolesBody,
        response: oneAccount,
      },
    },
    async (request): Promise<Account> =>
      changeRoles(db, request.params.id, request.body, actorFor(request, 'roles', request.body.reason)),
  );

  app.post(
    '/accounts/:id/disable',
    {
      schema: {
        tags,
        summary: '停用：会话立即结束、接口令牌全部吊销；不能停用自己或最后一个管理员',
        params: RecordParams,
        body: AccountReasonBody,
        response: oneAccount,
      },
    },
    async (request): Promise<Account> =>
      disableAccount(db, request.params.id, actorFor(request, 'disable', request.body.reason)),
  );

  app.post(
    '/accounts/:id/enable',
    {
      preValidation: leftOutIsEmpty,
      schema: {
        tags,
        summary: '启用',
        params: RecordParams,
        body: AccountOptionalReasonBody,
        response: oneAccount,
      },
    },
    async (request): Promise<Account> =>
      enableAccount(db, request.params.id, actorFor(request, 'enable', request.body.reason)),
  );

  app.post(
    '/accounts/:id/unlock',
    {
      preValidation: leftOutIsEmpty,
      schema: {
        tags,
        summary: '解锁（连续登录失败的锁定）',
        params: RecordParams,
        body: AccountOptionalReasonBody,
        response: oneAccount,
      },
    },
    async (request): Promise<Account> =>
      unlockAccount(db, request.params.id, actorFor(request, 'unlock', request.body.reason)),
  );

  app.post(
    '/accounts/:id/password-reset',
    {
      preValidation: leftOutIsEmpty,
      schema: {
        tags,
        summary: '重置密码：生成新密码，仅此一次显示；该账户的会话随即结束',
        params: RecordParams,
        body: AccountOptionalReasonBody,
        response: withPassword,
      },
    },
    async (request): Promise<AccountWithPassword> =>
      resetPassword(db, request.params.id, actorFor(request, 'password-reset', request.body.reason)),
  );
}
