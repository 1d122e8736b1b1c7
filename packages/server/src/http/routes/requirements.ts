// 需求目录: the text and source documents of every R- id, so the console can show the clause behind
// each amount of a settlement's explanation.
import { RequirementsCatalogue as CatalogueSchema } from '@yibao/api';
import type { FastifyInstance } from 'fastify';
import type { RequirementsCatalogue } from '../../policy-release/requirements.js';

/** "S0 (三), S2 二" → ["S0", "S2"]: the documents a requirement comes from. */
export function documentIdsOf(sources: string): string[] {
  return [...new Set(sources.match(/\bS\d+\b/g) ?? [])];
}

export function requirementRoutes(app: FastifyInstance, catalogue: RequirementsCatalogue): void {
  const body = {
    documents: [...catalogue.documents.entries()].map(([id, title]) => ({ id, title })),
    requirements: [...catalogue.requirements.values()].map((r) => ({
      ...r,
      documents: documentIdsOf(r.sources),
    })),
  };
  app.get(
    '/requirements',
    {
      schema: {
        tags: ['policy'],
        summary: '需求目录：每个 R- 编号的条文与出处文件',
        response: { 200: CatalogueSchema },
      },
    },
    () => Promise.resolve(body),
  );
}
