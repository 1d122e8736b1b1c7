// 待遇限额: GET /persons/{id}/limits — the year's accumulators against the caps, deductibles and
// tier thresholds in force for the person's group, each with its citation. The console shows
// this answer; the rule (R-D4 raised cap, the value in force on a date) lives here only.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ErrorResponses, IdParams, PersonLimits, YearQuery } from '@yibao/api';
import type { PolicyBook } from '@yibao/engine';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/types.js';
import { notFound } from '../../errors.js';
import { parametersOf, versionsOf } from '../../policy-release/console-view.js';
import { personLimits } from '../../policy-release/person-limits.js';
import { findAccumulators, findPerson } from '../../store/persons.js';

export function personLimitRoutes(server: FastifyInstance, db: Database, book: PolicyBook): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/persons/:id/limits',
    {
      schema: {
        tags: ['persons'],
        summary: '参保人年度待遇限额：封顶线、起付线、分段线（当年按今天、往年按年末施行的政策），含出处',
        params: IdParams,
        querystring: YearQuery,
        response: { 200: PersonLimits, ...ErrorResponses },
      },
    },
    async (request) => {
      const person = await findPerson(db, request.params.id);
      if (person === undefined) throw notFound('参保人', 'id', request.params.id);
      const region = book.regions.get(person.region);
      if (region === undefined) throw notFound('统筹区政策', 'region', person.region);
      const today = new Date();
      const year = request.query.year === undefined ? today.getUTCFullYear() : Number(request.query.year);
      const ytd = await findAccumulators(db, person.id, year);
      return personLimits(
        person,
        year,
        ytd,
        { parameters: parametersOf(region), versions: versionsOf(region) },
        today,
      );
    },
  );
}
