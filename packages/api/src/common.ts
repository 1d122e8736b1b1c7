// Small pieces every resource's schema is made of: identifiers, dates, yuan amounts, the error
// body and the page of a list. Each is a TypeBox schema: JSON Schema for the service's validation
// and OpenAPI, and (through Static) the TypeScript type server and console compile against.
import { Type, type Static, type TSchema } from 'typebox';

export const Id = Type.String({ minLength: 1, maxLength: 64 });
/** 请求流水号 (msgid): the idempotency key, longer than a record id. */
export const RequestId = Type.String({ minLength: 1, maxLength: 128 });
/**
 * YYYY-MM-DD: dates travel as strings, compared as strings. `format: 'date'` makes the service's
 * validator refuse a day that does not exist (2026-02-30, 2026-13-01) as a 400 naming the field,
 * for every date field at once (ajv-formats' full `date`, loaded by Fastify's ajv).
 */
export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
export const DATE_FORMAT = 'date';
export const DateString = Type.String({
  pattern: DATE_PATTERN,
  format: DATE_FORMAT,
  description: 'YYYY-MM-DD',
});
export const Yuan = Type.Number({ minimum: 0, description: '金额，元，至多两位小数' });
export const SignedYuan = Type.Number({ description: '金额，元（撤销记录为负数）' });
export const Text = Type.String({ minLength: 1, maxLength: 500 });
export const Percent = Type.Number({ minimum: 0, maximum: 100 });

/** `T | null`: the wire says "none" with null, never by leaving a field out of a record. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** 错误: every refusal has this body; `field` names the offending field when there is one. */
export const ApiErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      field: Nullable(Type.String()),
    }),
  },
  { $id: 'Error', description: '错误: code 机读代码, message 中文说明, field 出错字段' },
);
export type ApiErrorBody = Static<typeof ApiErrorBody>;

/** The error responses by status; registered once by $id so OpenAPI shows one Error component. */
const errorRef = Type.Ref('Error');
/** 400 bad input, 401 no or bad credential, 403 not this caller's to do, 404, 409, 429 too many requests. */
export const ErrorResponses = {
  400: errorRef,
  401: errorRef,
  403: errorRef,
  404: errorRef,
  409: errorRef,
  429: errorRef,
} as const;
/** The registry's changes may also be refused as not allowed in the record's state (422). */
export const RegistryErrorResponses = { ...ErrorResponses, 422: errorRef } as const;
/** The settlement path's own refusals: 422 not insured / no agreement, 503 busy or timeout. */
export const SettlementPathErrors = { 422: errorRef, 503: errorRef } as const;

/** 分页: page and pageSize are query strings, checked by pattern, never coerced. */
export const PageQuery = {
  page: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,6}$', description: '页码，从 1 开始' })),
  pageSize: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,3}$', description: '每页条数，至多 500' })),
};

/** One page of a list call. */
export const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const IdParams = Type.Object({ id: Type.String() });

/** ?date=: a registry record as it stood on that day (today when absent). */
export const AsOfQuery = Type.Object(
  { date: Type.Optional(Type.String({ ...DateString, description: '按该日查看（缺省为今天）' })) },
  { additionalProperties: false },
);
export type AsOfQuery = Static<typeof AsOfQuery>;

/**
 * A string or null in one schema (`type: ['string', 'null']`), not an anyOf: ajv then names the
 * field in one plain message ("类型错误") instead of one per branch.
 */
export const NullableString = Type.Unsafe<string | null>({ type: ['string', 'null'] });
export const NullableDate = Type.Unsafe<string | null>({
  type: ['string', 'null'],
  pattern: DATE_PATTERN,
  format: DATE_FORMAT,
});
/** 年度. */
export const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
/** ICD-10 code of a certified disease (慢特病), e.g. I10, E11.9. */
export const Icd10 = Type.String({ pattern: '^[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?$' });
/** A registry record's id in the path: checked like the id it was registered with. */
export const RecordParams = Type.Object({ id: Id });
