// 定点医药机构: POST /institutions, GET /institutions/{id}, GET /institutions.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  ErrorResponses,
  IdParams,
  Institution as InstitutionSchema,
  InstitutionBody,
  InstitutionQuery,
} from '@yibao/api';
import type { FastifyInstance } from 'fastify';
import { isPgError, FOREIGN_KEY_VIOLATION, type Database } from '../../db/types.js';
import { ApiError, notFound } from '../../errors.js';
import { findInstitution, insertInstitution, listInstitutions } from '../../store/institution-records.js';
import type { Institution } from '../../store/records.js';
import { paging } from '../paging.js';
const sameInstitution = (a: Institution, b: Institution): boolean =>
  a.name === b.name &&
  a.type === b.type &&
  a.level === b.level &&
  a.county === b.county &&
  a.parentId === b.parentId;

export function institutionRecordRoutes(server: FastifyInstance, db: Database): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/institutions',
    {
      schema: {
        tags: ['institutions'],
        summary: '登记定点医药机构',
        body: InstitutionBody,
        response: { 201: InstitutionSchema, 200: InstitutionSchema, ...ErrorResponses },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const institution: Institution = {
        ...body,
        level: body.level ?? null,
        parentId: body.parentId ?? null,
      };
      if (institution.type === 'pharmacy' && institution.level !== null)
        throw new ApiError(400, 'invalid', '定点零售药店没有机构等级', 'level');
      if (institution.type !== 'pharmacy' && institution.level === null)
        throw new ApiError(400, 'invalid', '医疗机构须有等级 primary | secondary | tertiary', 'level');
      let created: boolean;
      try {
        created = await insertInstitution(db, institution);
      } catch (err) {
        if (isPgError(err) && err.code === FOREIGN_KEY_VIOLATION)
          throw notFound('上级机构', 'parentId', institution.parentId ?? '');
        throw err;
      }
      if (created) return reply.status(201).send(institution);
      // Registering the same facts again is a harmless retry; different facts are a conflict.
      const existing = await findInstitution(db, institution.id);
      if (existing !== undefined && sameInstitution(existing, institution))
        return reply.status(200).send(existing);
      throw new ApiError(409, 'already_exists', `机构编码 ${institution.id} 已登记为另一家机构`, 'id');
    },
  );

  app.get(
    '/institutions/:id',
    {
      schema: {
        tags: ['institutions'],
        summary: '查询定点医药机构',
        params: IdParams,
        response: { 200: InstitutionSchema, ...ErrorResponses },
      },
    },
    async (request) => {
      const found = await findInstitution(db, request.params.id);
      if (found === undefined) throw notFound('定点医药机构', 'id', request.params.id);
      return found;
    },
  );

  app.get(
    '/institutions',
    {
      schema: {
        tags: ['institutions'],
        summary: '定点医药机构列表（分页）',
        querystring: InstitutionQuery,
      },
    },
    async (request) => {
      const { page, pageSize } = paging(request.query);
      return listInstitutions(db, request.query, page, pageSize);
    },
  );
}
