// GET /supervision/rules (SUPERVISION_CONTRACT.md): the rule library in force on a date (today by default).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ErrorResponses, SupervisionRules, SupervisionRulesQuery } from '@yibao/api';
import type { PolicyBook } from '@yibao/engine';
import type { FastifyInstance } from 'fastify';
import { today } from '../../../domain/today.js';
import { rulesInForce, supervisedRegion } from '../../../supervision/library.js';

export function supervisionRuleRoutes(server: FastifyInstance, book: PolicyBook): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/supervision/rules',
    {
      schema: {
        tags: ['supervision'],
        summary: '基金监管规则库：某日在用的规则（事中、事后），参数与目录按政策文件原样',
        querystring: SupervisionRulesQuery,
        response: { 200: SupervisionRules, ...ErrorResponses },
      },
    },
    (request): SupervisionRules =>
      rulesInForce(supervisedRegion(book, request.query.region), request.query.date ?? today()),
  );
}
