// 审计日志 (issue 13, R-F4): GET /api/v1/audit, for the 稽核 (auditor) role. An entry says who
// (the authenticated identity), when, from where, what (the route and the record ids) and how it
// ended. It never holds a request body, a secret, or a name in clear.
import { Type, type Static } from 'typebox';
import { Nullable, PageQuery } from '../common.js';

export const AuditEntry = Type.Object(
  {
    chainId: Type.String({ description: '写入进程的哈希链编号' }),
    seq: Type.Integer({ description: '链内序号，从 1 起' }),
    at: Type.String({ description: '时间 (ISO 8601, UTC)' }),
    actor: Type.String({
      description: '经办人：officer:<用户名> | institution:<机构>/<密钥> | cli:<操作员> | open',
    }),
    ip: Nullable(Type.String({ description: '来源地址' })),
    action: Type.String({ description: '操作：方法与路由，如 POST /api/v1/persons/:id/consents' }),
    target: Nullable(Type.String({ description: '记录编号，如 id=R001' })),
    status: Nullable(Type.Integer({ description: 'HTTP 状态码' })),
    outcome: Type.String({ description: 'ok，或错误代码 (forbidden, not_found …)' }),
    detail: Type.Record(Type.String(), Type.Unknown(), {
      description: '摘要：记录编号、查看完整信息的理由；从不含请求体、口令或明文姓名',
    }),
    hash: Type.String({ description: '本条哈希 (SHA-256)' }),
  },
  { description: '审计日志条目', additionalProperties: false },
);
export type AuditEntry = Static<typeof AuditEntry>;

/** A day (from its start, China Standard Time) or an ISO 8601 instant with its zone. */
const INSTANT = '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,6})?)?(Z|[+-]\\d{2}:\\d{2}))?$';

export const AuditQuery = Type.Object(
  {
    actor: Type.Optional(Type.String({ maxLength: 200, description: '经办人（完全一致）' })),
    action: Type.Optional(Type.String({ maxLength: 200, description: '操作的一部分，如 persons 或 POST' })),
    target: Type.Optional(Type.String({ maxLength: 200, description: '记录编号的一部分' })),
    from: Type.Optional(
      Type.String({ pattern: INSTANT, description: '自（含）：YYYY-MM-DD 或 ISO 8601 时间' }),
    ),
    to: Type.Optional(
      Type.String({ pattern: INSTANT, description: '至（不含）：YYYY-MM-DD 或 ISO 8601 时间' }),
    ),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditPage = Type.Object({
  items: Type.Array(AuditEntry),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type AuditPage = Static<typeof AuditPage>;
