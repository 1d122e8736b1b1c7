// 合规校验: a region's policy, version by version, against the guidance's fixed numbers (§ H).
import { checkCompliance, type PolicyBook } from '@yibao/engine';
import type { FastifyInstance } from 'fastify';
import { notFound } from '../../errors.js';
import type { GuidanceFile } from '../../policy/guidance.js';

export function policyComplianceRoutes(app: FastifyInstance, book: PolicyBook, guidance: GuidanceFile): void {
  app.get<{ Params: { code: string } }>(
    '/policy/regions/:code/compliance',
    {
      schema: {
        tags: ['policy'],
        summary: '政策合规校验：各版本参数对照国家与省级指导意见的固定标准（R-H1…R-H7）',
        params: { type: 'object', properties: { code: { type: 'string' } }, required: ['code'] },
        response: { 404: { $ref: 'Error#' } },
      },
    },
    async (request) => {
      const region = book.regions.get(request.params.code);
      if (!region) throw notFound('统筹区', 'code', request.params.code);
      const findings = checkCompliance(region, guidance.guidance).map((f) => ({
        ...f,
        constraint: guidance.texts[f.rule],
      }));
      return Promise.resolve({
        region: region.code,
        checks: findings.length,
        breaches: findings.filter((f) => !f.ok),
        findings,
      });
    },
  );
}
