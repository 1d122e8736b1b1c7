// 政策参数: the regions' policy as the console shows it — versions, every dated value with its
// citation and range, and the difference between two versions. Read-only; the policy is files.
import type { PolicyBook, RegionPolicy } from '@yibao/engine';
import type { FastifyInstance } from 'fastify';
import { ApiError, notFound } from '../../errors.js';
import { diffVersions, parametersOf, regionView, versionsOf } from '../../policy/console-view.js';
import { errorResponses } from '../schemas.js';

const citationSchema = {
  type: 'object',
  description: '出处：文件、条款、需求编号',
  properties: { document: { type: 'string' }, clause: { type: 'string' }, requirement: { type: 'string' } },
} as const;

const versionSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    effectiveFrom: { type: 'string' },
    until: { type: ['string', 'null'], description: '下一版本生效日（不含）；现行版本为空' },
    note: { type: 'string' },
  },
} as const;

const regionSchema = {
  type: 'object',
  properties: {
    code: { type: 'string' },
    name: { type: 'string' },
    hash: { type: 'string', description: '政策发布版本哈希' },
    versions: { type: 'array', items: versionSchema },
    schemes: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
  },
} as const;

const parameterSchema = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    groups: {
      type: 'array',
      items: { type: 'string' },
      description: '适用人群 scheme/category；空为全市统一',
    },
    description: { type: 'string' },
    unit: { type: 'string' },
    value: { description: '参数值（金额为元，比例为百分点）' },
    effectiveFrom: { type: 'string' },
    until: { type: ['string', 'null'] },
    versions: { type: 'array', items: { type: 'string' } },
    source: citationSchema,
    file: { type: 'string' },
  },
} as const;

const sideSchema = {
  type: ['object', 'null'],
  properties: { value: {}, effectiveFrom: { type: 'string' }, source: citationSchema },
} as const;

const codeParams = { type: 'object', properties: { code: { type: 'string' } }, required: ['code'] } as const;
const versionId = { type: 'string', minLength: 1, maxLength: 32 } as const;

function regionOf(book: PolicyBook, code: string): RegionPolicy {
  const region = book.regions.get(code);
  if (region === undefined) throw notFound('统筹区政策', 'code', code);
  return region;
}

function versionOf(region: RegionPolicy, id: string, field: string): ReturnType<typeof versionsOf>[number] {
  const found = versionsOf(region).find((v) => v.id === id);
  if (found === undefined)
    throw new ApiError(400, 'unknown_version', `统筹区 ${region.code} 没有政策版本 ${id}`, field);
  return found;
}

/** The policy is in memory: the answer is computed at once, and an ApiError thrown becomes the reply. */
function answer<T>(compute: () => T): Promise<T> {
  return new Promise((resolve) => {
    resolve(compute());
  });
}

export function policyRoutes(app: FastifyInstance, book: PolicyBook): void {
  app.get(
    '/policy/regions',
    {
      schema: {
        tags: ['policy'],
        summary: '统筹区政策列表（含版本）',
        response: { 200: { type: 'array', items: regionSchema } },
      },
    },
    () => Promise.resolve([...book.regions.values()].map(regionView)),
  );

  app.get<{ Params: { code: string }; Querystring: { version?: string } }>(
    '/policy/regions/:code',
    {
      schema: {
        tags: ['policy'],
        summary: '统筹区政策：版本与全部参数（每个取值的出处与适用期间）',
        params: codeParams,
        querystring: {
          type: 'object',
          properties: { version: { ...versionId, description: '只列该版本施行的取值' } },
          additionalProperties: false,
        },
        response: {
          200: {
            ...regionSchema,
            properties: { ...regionSchema.properties, parameters: { type: 'array', items: parameterSchema } },
          },
          ...errorResponses,
        },
      },
    },
    (request) =>
      answer(() => {
        const region = regionOf(book, request.params.code);
        const version = request.query.version;
        if (version !== undefined) versionOf(region, version, 'version');
        return { ...regionView(region), parameters: parametersOf(region, version) };
      }),
  );

  app.get<{ Params: { code: string }; Querystring: { from: string; to: string } }>(
    '/policy/regions/:code/diff',
    {
      schema: {
        tags: ['policy'],
        summary: '两个政策版本之间的参数变化',
        params: codeParams,
        querystring: {
          type: 'object',
          properties: { from: versionId, to: versionId },
          required: ['from', 'to'],
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: {
              region: { type: 'string' },
              from: versionSchema,
              to: versionSchema,
              changes: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    name: { type: 'string' },
                    groups: { type: 'array', items: { type: 'string' } },
                    description: { type: 'string' },
                    unit: { type: 'string' },
                    change: { type: 'string', enum: ['value', 'citation', 'added', 'removed'] },
                    before: sideSchema,
                    after: sideSchema,
                  },
                },
              },
            },
          },
          ...errorResponses,
        },
      },
    },
    (request) =>
      answer(() => {
        const region = regionOf(book, request.params.code);
        return diffVersions(
          region,
          versionOf(region, request.query.from, 'from'),
          versionOf(region, request.query.to, 'to'),
        );
      }),
  );
}
