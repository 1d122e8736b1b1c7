// 合规校验: a region's policy, version by version, against the guidance's fixed numbers (§ H).
import { checkCompliance, type PolicyBook } from '@yibao/engine';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ErrorResponses, RegionParams, type ComplianceReport } from '@yibao/api';
import type { FastifyInstance } from 'fastify';
import { notFound } from '../../errors.js';
import type { GuidanceFile } from '../../policy-release/guidance.js';

export function policyComplianceRoutes(
  server: FastifyInstance,
  book: PolicyBook,
  guidance: GuidanceFile,
): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/policy/regions/:code/compliance',
    {
      schema: {
        tags: ['policy'],
        summary: '政策合规校验：各版本参数对照国家与省级指导意见的固定标准（R-H1…R-H7）',
        params: RegionParams,
        // The findings carry the engine's own fields too: typed by ComplianceReport, not filtered.
        response: { 404: ErrorResponses[404] },
      },
    },
    async (request): Promise<ComplianceReport> => {
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
