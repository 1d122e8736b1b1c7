// 政策参数: the regions' policy as the console shows it — versions, every dated value with its
// citation and range, and the difference between two versions. Read-only; the policy is files.
import type { PolicyBook, RegionPolicy } from '@yibao/engine';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  DiffQuery,
  ErrorResponses,
  PolicyDiff,
  PolicyRegion,
  PolicyRegionDetail,
  RegionParams,
  RegionQuery,
} from '@yibao/api';
import { Type } from 'typebox';
import type { FastifyInstance } from 'fastify';
import { ApiError, notFound } from '../../errors.js';
import { diffVersions, parametersOf, regionView, versionsOf } from '../../policy-release/console-view.js';

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

export function policyRoutes(server: FastifyInstance, book: PolicyBook): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/policy/regions',
    {
      schema: {
        tags: ['policy'],
        summary: '统筹区政策列表（含版本）',
        response: { 200: Type.Array(PolicyRegion) },
      },
    },
    () => Promise.resolve([...book.regions.values()].map(regionView)),
  );

  app.get(
    '/policy/regions/:code',
    {
      schema: {
        tags: ['policy'],
        summary: '统筹区政策：版本与全部参数（每个取值的出处与适用期间）',
        params: RegionParams,
        querystring: RegionQuery,
        response: { 200: PolicyRegionDetail, ...ErrorResponses },
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

  app.get(
    '/policy/regions/:code/diff',
    {
      schema: {
        tags: ['policy'],
        summary: '两个政策版本之间的参数变化',
        params: RegionParams,
        querystring: DiffQuery,
        response: { 200: PolicyDiff, ...ErrorResponses },
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
