// 医保目录 (the agency's catalogue) on the wire: one entry, its versions and history, the catalogue
// versions and what changed between two, an import's preview, and an institution's approved service
// items (R-C3). Amounts are yuan, ratios 0–1 (the server holds fen and ten-thousandths).
import { Type, type Static } from 'typebox';
import { ITEM_CLASSES, ITEM_KINDS } from './constants.js';
import {
  DATE_PATTERN,
  DateString,
  Id,
  Nullable,
  NullableDate,
  NullableString,
  Page,
  PageQuery,
  Text,
} from './common.js';

const closed = { additionalProperties: false } as const;

/** A catalogue code in a path or a body: national codes are letters, digits, '.', '_' and '-'. */
export const CatalogueCode = Type.String({ pattern: '^[A-Za-z0-9._-]{1,50}$', description: '国家医保编码' });

const YuanOrNull = Type.Unsafe<number | null>({ type: ['number', 'null'], minimum: 0 });
const LevelPrices = Type.Object(
  {
    primary: Type.Optional(YuanOrNull),
    secondary: Type.Optional(YuanOrNull),
    tertiary: Type.Optional(YuanOrNull),
  },
  { ...closed, description: '各级价格标准（元）' },
);

/** POST /catalogue: adds an entry, or a new version of it from validFrom (SERVICE_CONTRACT.md). */
export const CatalogueEntryBody = Type.Object(
  {
    code: CatalogueCode,
    name: Text,
    kind: Type.Enum(ITEM_KINDS, {
      type: 'string',
      description: 'drug 药品 | service 医疗服务 | material 耗材',
    }),
    class: Type.Enum(ITEM_CLASSES, { type: 'string', description: 'A 甲类 | B 乙类 | self 自费' }),
    selfPayRatio: Type.Optional(
      Type.Unsafe<number | null>({
        type: ['number', 'null'],
        minimum: 0,
        maximum: 1,
        description: '乙类先行自付比例 0–1；缺省为政策默认',
      }),
    ),
    fixedSelfPay: Type.Optional(Type.Boolean({ description: '定额标准自负药品 (R-C2)' })),
    paymentLimit: Type.Optional(YuanOrNull),
    priceStandard: Type.Optional(
      Type.Union([Type.Number({ minimum: 0 }), LevelPrices, Type.Null()], {
        description: '价格标准（元）：各级相同的一个数，或 { primary, secondary, tertiary }',
      }),
    ),
    publicHealth: Type.Optional(Type.Boolean({ description: '免费基本公共卫生服务 (R-C5)' })),
    stepDown: Type.Optional(Type.Boolean({ description: '介入/手术类：缺少的下级价格按上级降 10% (R-C11)' })),
    volumeProcurement: Type.Optional(Type.Boolean({ description: '集采（仅记录与显示）' })),
    genericName: Type.Optional(NullableString),
    dosageForm: Type.Optional(NullableString),
    unit: Type.Optional(NullableString),
    restrictedScope: Type.Optional(NullableString),
    validFrom: Type.Optional(Type.String({ pattern: DATE_PATTERN, description: '生效日期，缺省为今天' })),
    validTo: Type.Optional(NullableDate),
  },
  closed,
);
export type CatalogueEntryBody = Static<typeof CatalogueEntryBody>;

const PriceByLevel = Type.Object({
  primary: Nullable(Type.Number()),
  secondary: Nullable(Type.Number()),
  tertiary: Nullable(Type.Number()),
});

/** One version of one code's entry, in force validFrom..validTo (inclusive; null = open). */
export const CatalogueEntry = Type.Object({
  code: Type.String(),
  name: Type.String(),
  kind: Type.Enum(ITEM_KINDS, { type: 'string' }),
  class: Type.Enum(ITEM_CLASSES, { type: 'string' }),
  selfPayRatio: Nullable(Type.Number()),
  paymentLimit: Nullable(Type.Number()),
  priceStandard: Nullable(PriceByLevel),
  stepDown: Type.Boolean(),
  publicHealth: Type.Boolean(),
  fixedSelfPay: Type.Boolean(),
  volumeProcurement: Type.Boolean(),
  genericName: Nullable(Type.String()),
  dosageForm: Nullable(Type.String()),
  unit: Nullable(Type.String()),
  restrictedScope: Nullable(Type.String()),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
  catalogueVersion: Type.String(),
});
export type CatalogueEntry = Static<typeof CatalogueEntry>;

export const CatalogueCodeParams = Type.Object({ code: CatalogueCode });
export type CatalogueCodeParams = Static<typeof CatalogueCodeParams>;

/** GET /catalogue/{code}?date=: the entry in force on the date (today when absent). */
export const CatalogueDateQuery = Type.Object(
  { date: Type.Optional(Type.String({ ...DateString, description: '按该日查看（缺省为今天）' })) },
  closed,
);
export type CatalogueDateQuery = Static<typeof CatalogueDateQuery>;

/** GET /catalogue?q=: entries in force on the date whose code, name or generic name holds q. */
export const CatalogueSearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, description: '编码或名称的一部分' })),
    kind: Type.Optional(Type.Enum(ITEM_KINDS, { type: 'string' })),
    date: Type.Optional(Type.String({ ...DateString, description: '按该日查看（缺省为今天）' })),
    ...PageQuery,
  },
  closed,
);
export type CatalogueSearchQuery = Static<typeof CatalogueSearchQuery>;

export const CataloguePage = Page(CatalogueEntry);
export type CataloguePage = Static<typeof CataloguePage>;

export const FieldChange = Type.Object({
  field: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
});
export type FieldChange = Static<typeof FieldChange>;

export const CatalogueHistoryEvent = Type.Object({
  code: Type.String(),
  validFrom: Type.String(),
  action: Type.Enum(['added', 'changed', 'ended'], { type: 'string' }),
  data: CatalogueEntry,
  catalogueVersion: Type.String(),
  actor: Type.String(),
  reason: Type.String(),
  recordedAt: Type.String(),
});
export type CatalogueHistoryEvent = Static<typeof CatalogueHistoryEvent>;

/** GET /catalogue/{code}/versions: every dated version and who changed what, when and why. */
export const CatalogueEntryVersions = Type.Object({
  versions: Type.Array(CatalogueEntry),
  history: Type.Array(CatalogueHistoryEvent),
});
export type CatalogueEntryVersions = Static<typeof CatalogueEntryVersions>;

export const CATALOGUE_SOURCES = ['manual', 'csv', 'xlsx', 'national_tsv', 'demo'] as const;

/** A catalogue version: one import or one manual change. */
export const CatalogueVersion = Type.Object({
  id: Type.String(),
  title: Type.String(),
  source: Type.Enum(CATALOGUE_SOURCES, { type: 'string' }),
  fileName: Nullable(Type.String()),
  publishedOn: Nullable(Type.String()),
  actor: Type.String(),
  reason: Type.String(),
  recordedAt: Type.String(),
  summary: Nullable(Type.Object({ added: Type.Integer(), changed: Type.Integer(), ended: Type.Integer() })),
});
export type CatalogueVersion = Static<typeof CatalogueVersion>;

export const CatalogueVersionList = Type.Object({ items: Type.Array(CatalogueVersion) });
export type CatalogueVersionList = Static<typeof CatalogueVersionList>;

/** GET /catalogue-versions/diff?from=&to=: the catalogue after `from` against after `to`. */
export const CatalogueDiffQuery = Type.Object({ from: Id, to: Id }, closed);
export type CatalogueDiffQuery = Static<typeof CatalogueDiffQuery>;

export const CatalogueDiff = Type.Object({
  added: Type.Array(CatalogueEntry),
  removed: Type.Array(CatalogueEntry),
  ended: Type.Array(
    Type.Object({ code: Type.String(), validTo: Nullable(Type.String()), entry: CatalogueEntry }),
  ),
  changed: Type.Array(
    Type.Object({
      code: Type.String(),
      before: CatalogueEntry,
      after: CatalogueEntry,
      fields: Type.Array(FieldChange),
    }),
  ),
});
export type CatalogueDiff = Static<typeof CatalogueDiff>;

export const CATALOGUE_FILE_FORMATS = ['csv', 'xlsx', 'national_tsv'] as const;

/**
 * POST /catalogue/imports/preview and /catalogue/imports: the file is the raw request body (its
 * content type text/csv, text/tab-separated-values, the .xlsx type or application/octet-stream);
 * the options are the query.
 */
export const CatalogueImportQuery = Type.Object(
  {
    fileName: Type.String({
      minLength: 1,
      maxLength: 200,
      description: '文件名（.csv / .xlsx / .tsv 决定格式）',
    }),
    format: Type.Optional(Type.Enum(CATALOGUE_FILE_FORMATS, { type: 'string' })),
    effectiveFrom: Type.Optional(
      Type.String({ ...DateString, description: '未写开始日期的行自该日生效（缺省为今天）' }),
    ),
    endMissing: Type.Optional(
      Type.Enum(['true', 'false'], {
        type: 'string',
        description: '完整目录：文件未列的同类编码于生效前一日终止',
      }),
    ),
    title: Type.Optional(Type.String({ maxLength: 200 })),
  },
  closed,
);
export type CatalogueImportQuery = Static<typeof CatalogueImportQuery>;

/** What an import would do (or did): lines by outcome, each with its line number (header = 1). */
export const CatalogueImportPreview = Type.Object({
  fileName: Type.String(),
  format: Type.Enum(CATALOGUE_FILE_FORMATS, { type: 'string' }),
  rows: Type.Integer(),
  added: Type.Array(Type.Object({ line: Type.Integer(), code: Type.String(), name: Type.String() })),
  changed: Type.Array(
    Type.Object({
      line: Type.Integer(),
      code: Type.String(),
      validFrom: Type.String(),
      fields: Type.Array(FieldChange),
    }),
  ),
  ended: Type.Array(
    Type.Object({ line: Nullable(Type.Integer()), code: Type.String(), validTo: Nullable(Type.String()) }),
  ),
  unchanged: Type.Integer(),
  skipped: Type.Array(Type.Object({ line: Type.Integer(), code: Type.String(), reason: Type.String() })),
  rejected: Type.Array(
    Type.Object({ line: Type.Integer(), code: Type.String(), field: Type.String(), reason: Type.String() }),
  ),
});
export type CatalogueImportPreview = Static<typeof CatalogueImportPreview>;

/** An applied import: its preview and the catalogue version it wrote. */
export const CatalogueImportResult = Type.Object({
  preview: CatalogueImportPreview,
  version: CatalogueVersion,
});
export type CatalogueImportResult = Static<typeof CatalogueImportResult>;

/** A refused import (400): the error, and (for rejected lines) the preview naming every one. */
export const CatalogueImportRefusal = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), field: Nullable(Type.String()) }),
  preview: Type.Optional(CatalogueImportPreview),
});
export type CatalogueImportRefusal = Static<typeof CatalogueImportRefusal>;

/** PUT /institutions/{id}/approved-items: the service items an institution is approved for (R-C3). */
export const ApprovedItemsBody = Type.Object(
  {
    codes: Type.Array(CatalogueCode, { maxItems: 20000 }),
    date: Type.Optional(Type.String({ ...DateString, description: '按该日的目录核对（缺省为今天）' })),
  },
  closed,
);
export type ApprovedItemsBody = Static<typeof ApprovedItemsBody>;

/** `codes` null: no list on record — the institution is not checked against one (R-D10). */
export const ApprovedItems = Type.Object({
  institutionId: Type.String(),
  codes: Nullable(Type.Array(Type.String())),
});
export type ApprovedItems = Static<typeof ApprovedItems>;
