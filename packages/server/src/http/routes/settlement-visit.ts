// A settlement's visit and lines (明细) as uploaded: what the settlement page and the patient's
// statement list, beside the amounts the stored result gives per line.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ErrorResponses, SettlementParams, SettlementVisit } from '@yibao/api';
import { assertOwnInstitution } from '../../access/identity.js';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/types.js';
import { notFound } from '../../errors.js';
import { findSettlementVisit } from '../../store/settlement-lines.js';

export function settlementVisitRoutes(server: FastifyInstance, db: Database): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/settlements/:settlementId/visit',
    {
      schema: {
        tags: ['settlements'],
        summary: '结算的就诊信息与费用明细（名称、类别、数量、单价）；撤销记录给出原结算的就诊信息',
        params: SettlementParams,
        response: { 200: SettlementVisit, ...ErrorResponses },
      },
    },
    async (request) => {
      const found = await findSettlementVisit(db, request.params.settlementId);
      if (found === undefined) throw notFound('结算记录', 'settlementId', request.params.settlementId);
      assertOwnInstitution(request, found.institutionId, 'settlementId');
      return found;
    },
  );
}
