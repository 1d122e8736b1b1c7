// 医保目录 over HTTP (issue 12; SERVICE_CONTRACT.md § Catalogue and records): one entry, search,
// versions and history, catalogue versions and their diff, imports (preview, apply), and per
// institution the approved service items (R-C3) and the drug stock list. The rules are in
// catalogue/; this file says the shape (from @yibao/api), who acts (x-yibao-actor) and the status.
//
// Imports take the file as the raw request body with its content type, the options in the query:
// one file per request needs no multipart framing, the console sends a File with fetch as it is,
// curl sends one with --data-binary, and no parser dependency is added (docs/catalogue.md).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  ApprovedItems,
  ApprovedItemsBody,
  CatalogueBody,
  CatalogueCodeParams,
  CatalogueDateQuery,
  CatalogueDiff,
  CatalogueDiffQuery,
  CatalogueEntry,
  CatalogueEntryBody,
  CatalogueEntryVersions,
  CatalogueImportPreview,
  CatalogueImportQuery,
  CatalogueImportRefusal,
  CatalogueImportResult,
  CataloguePage,
  CatalogueSearchQuery,
  CatalogueVersionList,
  ErrorResponses,
} from '@yibao/api';
import { Type } from 'typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../db/types.js';
import { diffVersions } from '../../catalogue/diff.js';
import {
  entryVersions,
  putApprovedItems,
  putEntry,
  readEntryOn,
  type Invalidates,
} from '../../catalogue/entries.js';
import {
  applyImport,
  ImportRejected,
  previewImport,
  type ImportOptions,
} from '../../catalogue/import/import.js';
import { today as businessToday } from '../../domain/today.js';
import { isCalendarDate } from '../../catalogue/validate.js';
import { diffToWire, entryToWire, historyToWire, previewToWire } from '../../catalogue/wire.js';
import { Invalid } from '../../domain/errors.js';
import { putCatalogue, readCatalogue } from '../../registry/catalogue.js';
import { mustFindInstitution } from '../../registry/designation.js';
import { countEntries, listCatalogueVersions, searchEntries } from '../../store/catalogue/entries.js';
import { approvedItemsOf } from '../../store/catalogue/institution-lists.js';
import { paging } from '../paging.js';
import { changeBy } from './registry/common.js';

const tags = ['catalogue'];
const errorRef = Type.Ref('Error');
const errors = { ...ErrorResponses, 422: errorRef };
const InstitutionParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/** A date from the query that must exist (2026-02-30 is a 400 naming the field). */
function dateOr(value: string | undefined, field: string): string {
  if (value === undefined) return businessToday();
  if (!isCalendarDate(value)) throw new Invalid(field, 'invalid_date', `${field} 须为存在的日期 YYYY-MM-DD`);
  return value;
}

/** Import files can be large: 100,000 rows is about 6–8 MB. */
const IMPORT_BODY_LIMIT = 64 * 1024 * 1024;

export function catalogueRoutes(server: FastifyInstance, db: Database, cache?: Invalidates): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/catalogue',
    {
      schema: {
        tags,
        summary: '新增医保目录条目，或自 validFrom 起的新版本；同一内容再次提交不变 (200)',
        body: CatalogueEntryBody,
        response: { 201: CatalogueEntry, 200: CatalogueEntry, ...errors },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const result = await putEntry(
        db,
        body,
        businessToday(),
        changeBy(request, `目录条目 ${body.code}`),
        cache,
      );
      return reply.status(result.action === 'unchanged' ? 200 : 201).send(entryToWire(result.entry));
    },
  );

  app.get(
    '/catalogue',
    {
      schema: {
        tags,
        summary: '检索医保目录（编码或名称，某日有效的条目，分页）',
        querystring: CatalogueSearchQuery,
        response: { 200: CataloguePage, ...errors },
      },
    },
    async (request) => {
      const { page, pageSize } = paging(request.query);
      const date = dateOr(request.query.date, 'date');
      const q = (request.query.q ?? '').trim();
      const kind = request.query.kind === undefined ? {} : { kind: request.query.kind };
      const [items, total] = await Promise.all([
        searchEntries(db, q, date, { ...kind, limit: pageSize, offset: (page - 1) * pageSize }),
        countEntries(db, q, date, kind),
      ]);
      return { items: items.map(entryToWire), total, page, pageSize };
    },
  );

  app.get(
    '/catalogue/:code',
    {
      schema: {
        tags,
        summary: '某日有效的医保目录条目（缺省为今天）；没有则 404',
        params: CatalogueCodeParams,
        querystring: CatalogueDateQuery,
        response: { 200: CatalogueEntry, ...errors },
      },
    },
    async (request) =>
      entryToWire(await readEntryOn(db, request.params.code, dateOr(request.query.date, 'date'))),
  );

  app.get(
    '/catalogue/:code/versions',
    {
      schema: {
        tags,
        summary: '医保目录条目的各版本与变更历史（谁、何时、为何）',
        params: CatalogueCodeParams,
        response: { 200: CatalogueEntryVersions, ...errors },
      },
    },
    async (request) => {
      const { versions, history } = await entryVersions(db, request.params.code);
      return { versions: versions.map(entryToWire), history: history.map(historyToWire) };
    },
  );

  app.get(
    '/catalogue-versions',
    {
      schema: {
        tags,
        summary: '目录版本（每次导入或手工变更一个）',
        response: { 200: CatalogueVersionList },
      },
    },
    async () => ({ items: await listCatalogueVersions(db) }),
  );

  app.get(
    '/catalogue-versions/diff',
    {
      schema: {
        tags,
        summary: '两个目录版本之间的变化（新增、终止、变更的条目）',
        querystring: CatalogueDiffQuery,
        response: { 200: CatalogueDiff, ...errors },
      },
    },
    async (request) => diffToWire(await diffVersions(db, request.query.from, request.query.to)),
  );

  // Imports: the raw body, in a child context so the catch-all parser reaches these routes only.
  void server.register((child, _options, done) => {
    child.removeAllContentTypeParsers();
    child.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT },
      (_req, body, next) => {
        next(null, body);
      },
    );
    const imports = child.withTypeProvider<TypeBoxTypeProvider>();
    const options = (
      query: CatalogueImportQuery,
      body: unknown,
    ): { bytes: Buffer; options: ImportOptions } => {
      if (!Buffer.isBuffer(body) || body.length === 0)
        throw new Invalid('file', 'missing_file', '请求体须为目录文件（CSV、.xlsx 或国家平台 TSV）');
      return {
        bytes: body,
        options: {
          fileName: query.fileName,
          effectiveFrom: dateOr(query.effectiveFrom, 'effectiveFrom'),
          endMissing: query.endMissing === 'true',
          ...(query.title === undefined ? {} : { title: query.title }),
          ...(query.format === undefined ? {} : { format: query.format }),
        },
      };
    };
    imports.post(
      '/catalogue-imports/preview',
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          tags,
          summary: '目录导入预览：新增、变更、终止、拒绝的行（行号与原因），不写入',
          querystring: CatalogueImportQuery,
          response: { 200: CatalogueImportPreview, ...errors },
        },
      },
      async (request) => {
        const { bytes, options: o } = options(request.query, request.body);
        return previewToWire(await previewImport(db, bytes, o));
      },
    );
    imports.post(
      '/catalogue-imports',
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          tags,
          summary: '目录导入：一个事务内写入新目录版本；有任何被拒绝的行则不写入 (400，附预览)',
          querystring: CatalogueImportQuery,
          response: { 201: CatalogueImportResult, 400: CatalogueImportRefusal, 404: errorRef, 409: errorRef },
        },
      },
      async (request, reply) => applyOver(request, reply, options(request.query, request.body)),
    );
    done();
  });

  async function applyOver(
    request: FastifyRequest,
    reply: FastifyReply,
    input: { bytes: Buffer; options: ImportOptions },
  ): Promise<FastifyReply> {
    try {
      const result = await applyImport(
        db,
        input.bytes,
        input.options,
        changeBy(request, `导入目录文件 ${input.options.fileName}`),
        cache,
      );
      return await reply.status(201).send({
        preview: previewToWire(result.preview),
        version: { ...result.version, recordedAt: new Date().toISOString() },
      });
    } catch (err) {
      // The refusal carries the preview, so the caller sees every rejected line, not only the first.
      if (err instanceof ImportRejected)
        return reply.status(400).send({
          error: { code: err.code, message: err.message, field: err.field },
          preview: previewToWire(err.preview),
        });
      throw err;
    }
  }

  app.get(
    '/institutions/:id/approved-items',
    {
      schema: {
        tags,
        summary: '机构获准开展的医疗服务项目 (R-C3)；codes 为 null 表示未登记清单（不核对）',
        params: InstitutionParams,
        response: { 200: ApprovedItems, ...errors },
      },
    },
    async (request) => {
      await mustFindInstitution(db, request.params.id, 'id');
      return { institutionId: request.params.id, codes: await approvedItemsOf(db, request.params.id) };
    },
  );

  app.put(
    '/institutions/:id/approved-items',
    {
      schema: {
        tags,
        summary: '登记机构获准开展的医疗服务项目（整体替换，逐项核对目录）(R-C3)',
        params: InstitutionParams,
        body: ApprovedItemsBody,
        response: { 200: ApprovedItems, ...errors },
      },
    },
    async (request) => {
      const codes = await putApprovedItems(
        db,
        request.params.id,
        request.body.codes,
        dateOr(request.body.date, 'date'),
        changeBy(request, '登记获准开展的医疗服务项目'),
        cache,
      );
      return { institutionId: request.params.id, codes };
    },
  );

  // 药品库存目录 (R-A14): the old …/catalogue path (routes/registry/institutions.ts) is its alias;
  // both run registry/catalogue.ts, so "catalogue" can come to mean the agency's 医保目录 alone.
  app.put(
    '/institutions/:id/stock-list',
    {
      schema: {
        tags,
        summary: '更新机构药品库存目录与服务项目价格 (R-A14)（原 …/catalogue）',
        params: InstitutionParams,
        body: CatalogueBody,
        response: errors,
      },
    },
    async (request) => {
      const result = await putCatalogue(
        db,
        request.params.id,
        request.body,
        changeBy(request, '更新药品目录与服务项目'),
      );
      cache?.invalidate();
      return result;
    },
  );

  app.get(
    '/institutions/:id/stock-list',
    {
      schema: {
        tags,
        summary: '机构药品库存目录与服务项目价格（原 …/catalogue）',
        params: InstitutionParams,
        response: errors,
      },
    },
    async (request) => readCatalogue(db, request.params.id),
  );
}
