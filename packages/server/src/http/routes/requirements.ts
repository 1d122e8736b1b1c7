// 需求目录: the text and source documents of every R- id, so the console can show the clause behind
// each amount of a settlement's explanation.
import type { FastifyInstance } from 'fastify';
import type { RequirementsCatalogue } from '../../policy/requirements.js';

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
        response: {
          200: {
            type: 'object',
            properties: {
              documents: {
                type: 'array',
                items: { type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' } } },
              },
              requirements: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    id: { type: 'string' },
                    area: { type: 'string' },
                    areaZh: { type: 'string', description: '领域（中文）' },
                    text: { type: 'string' },
                    textZh: { type: 'string', description: '条文（中文）' },
                    sources: { type: 'string', description: '出处文件与条款，如 "S0 (三), S2 二"' },
                    documents: { type: 'array', items: { type: 'string' } },
                  },
                },
              },
            },
          },
        },
      },
    },
    () => Promise.resolve(body),
  );
}
