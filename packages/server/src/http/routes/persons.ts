// 参保人员: POST /persons, GET /persons/{id}, GET /persons, GET /persons/{id}/accumulators. Every
// answer carries the person masked (access/masking.ts, R-B7); the full view is GET /persons/{id}
// with reveal=true and a reason, for a caller holding person.reveal, and is written to the audit log.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  CATEGORIES,
  ErrorResponses,
  IdParams,
  Person as PersonSchema,
  PersonAccumulators,
  PersonBody,
  PersonDetailQuery,
  PersonQuery,
  YearQuery,
} from '@yibao/api';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/types.js';
import { ApiError, notFound } from '../../errors.js';
import { isYuanAmount } from '@yibao/engine';
import { findAccumulators, findPerson, insertPerson, listPersons } from '../../store/persons.js';
import type { Person } from '../../store/records.js';
import { paging } from '../paging.js';
import { maskedPerson, revealedPerson } from '../../access/masking.js';
import { boundInstitution, permissionsOf } from '../../access/identity.js';
import { noteAudit } from '../../access/audit.js';
import { checkedIdNumber, checkIdAgrees } from '../../domain/id-number.js';
import { Forbidden, Invalid } from '../../domain/errors.js';
import { today } from '../../domain/today.js';
import { requireHealthConsent } from '../../registry/consents.js';

/** A reveal's reason: at least this many characters, so that it says something (R-B7). */
const MIN_REASON = 4;
const samePerson = (a: Person, b: Person): boolean => JSON.stringify(a) === JSON.stringify(b);

export function personRoutes(
  server: FastifyInstance,
  db: Database,
  regions: ReadonlySet<string> | undefined,
): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/persons',
    {
      schema: {
        tags: ['persons'],
        summary: '登记参保人员',
        body: PersonBody,
        response: { 201: PersonSchema, 200: PersonSchema, ...ErrorResponses },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const person: Person = {
        id: body.id,
        name: body.name,
        scheme: body.scheme,
        category: body.category,
        region: body.region,
        chronicDiseases: [...new Set(body.chronicDiseases ?? [])],
        familyDoctorContract: body.familyDoctorContract ?? false,
        relocated: body.relocated ?? false,
        accountBalance: body.accountBalance ?? 0,
        sex: body.sex ?? null,
        birthDate: body.birthDate ?? null,
        idNumber: body.idNumber === undefined ? null : checkedIdNumber(body.idNumber, today()),
      };
      if (person.birthDate !== null && (person.birthDate > today() || person.birthDate < '1900-01-01'))
        throw new ApiError(
          400,
          'invalid_date',
          `出生日期 ${person.birthDate} 不可能（不得晚于今天、早于 1900 年）`,
          'birthDate',
        );
      if (person.idNumber != null) checkIdAgrees(person.idNumber, person.birthDate, person.sex);
      if (!(CATEGORIES[person.scheme] as readonly string[]).includes(person.category))
        throw new ApiError(
          400,
          'invalid',
          `人员类别 ${person.category} 与险种 ${person.scheme} 不符`,
          'category',
        );
      if (regions !== undefined && !regions.has(person.region))
        throw new ApiError(400, 'unknown_region', `没有统筹区 ${person.region} 的政策`, 'region');
      if (!isYuanAmount(person.accountBalance))
        throw new ApiError(400, 'invalid_amount', '个人账户余额须为非负金额，至多两位小数', 'accountBalance');
      if (await insertPerson(db, person)) return reply.status(201).send(maskedPerson(person));
      const existing = await findPerson(db, person.id);
      if (existing !== undefined && samePerson(existing, person))
        return reply.status(200).send(maskedPerson(existing));
      throw new ApiError(409, 'already_exists', `个人编号 ${person.id} 已登记为另一位参保人`, 'id');
    },
  );

  app.get(
    '/persons/:id',
    {
      schema: {
        tags: ['persons'],
        summary: '查询参保人员（默认脱敏；reveal=true 并写明理由查看完整信息，记入审计日志）',
        params: IdParams,
        querystring: PersonDetailQuery,
        response: { 200: PersonSchema, ...ErrorResponses },
      },
    },
    async (request) => {
      const id = request.params.id;
      // R-B7: an institution reads a person only with the person's 'health' consent to it.
      const own = boundInstitution(request.identity);
      if (own !== null) await requireHealthConsent(db, id, own, today());
      const reveal = request.query.reveal === 'true';
      if (reveal) {
        if (!permissionsOf(request.identity).has('person.reveal'))
          throw new Forbidden('forbidden', '当前身份无权查看完整信息（需要权限 person.reveal）');
        const reason = (request.query.reason ?? '').trim();
        if (Array.from(reason).length < MIN_REASON)
          throw new Invalid('reason', 'reason_required', `查看完整信息须写明理由（至少 ${MIN_REASON} 个字）`);
        noteAudit(request, { reveal: true, reason });
      }
      const found = await findPerson(db, id);
      if (found === undefined) throw notFound('参保人', 'id', id);
      return reveal ? revealedPerson(found) : maskedPerson(found);
    },
  );

  app.get(
    '/persons',
    {
      schema: {
        tags: ['persons'],
        summary: '参保人员列表（分页）',
        querystring: PersonQuery,
      },
    },
    async (request) => {
      const { page, pageSize } = paging(request.query);
      const found = await listPersons(db, request.query, page, pageSize);
      return { ...found, items: found.items.map(maskedPerson) };
    },
  );

  app.get(
    '/persons/:id/accumulators',
    {
      schema: {
        tags: ['persons'],
        summary: '参保人年度累计（起付线、统筹支付等）',
        params: IdParams,
        querystring: YearQuery,
        response: { 200: PersonAccumulators, ...ErrorResponses },
      },
    },
    async (request) => {
      const personId = request.params.id;
      if ((await findPerson(db, personId)) === undefined) throw notFound('参保人', 'id', personId);
      const year =
        request.query.year === undefined ? new Date().getUTCFullYear() : Number(request.query.year);
      return { personId, year, ytd: await findAccumulators(db, personId, year) };
    },
  );
}
