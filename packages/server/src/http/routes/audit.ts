// 审计日志: GET /audit — the auditor's reading of the log (permission audit.read), filtered by actor,
// action, target and time, newest first; this read is itself written to the log.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AuditPage, AuditQuery, ErrorResponses } from '@yibao/api';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/types.js';
import { Invalid } from '../../domain/errors.js';
import { listAudit } from '../../store/audit.js';
import { paging } from '../paging.js';

/** A day alone is that day from 00:00 China Standard Time; an instant is taken as written. */
function instant(value: string | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+08:00` : value;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new Invalid(field, 'invalid_date', `${field} 不是有效的日期或时间`);
  return new Date(ms).toISOString();
}

export function auditRoutes(server: FastifyInstance, db: Database): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志（稽核）：谁、何时、从何处、做了什么、结果如何',
        querystring: AuditQuery,
        response: { 200: AuditPage, ...ErrorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      const { page, pageSize } = paging(q);
      const found = await listAudit(
        db,
        {
          actor: q.actor,
          action: q.action,
          target: q.target,
          from: instant(q.from, 'from'),
          to: instant(q.to, 'to'),
        },
        page,
        pageSize,
      );
      return {
        ...found,
        items: found.items.map((e) => ({
          chainId: e.chainId,
          seq: e.seq,
          at: e.at,
          actor: e.actor,
          ip: e.ip,
          action: e.action,
          target: e.target,
          status: e.status,
          outcome: e.outcome,
          detail: e.detail,
          hash: e.hash,
        })),
      };
    },
  );
}
