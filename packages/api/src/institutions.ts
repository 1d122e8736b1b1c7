// 定点医药机构: the record registered by POST /institutions and read back, and the list's filter.
import { Type, type Static } from 'typebox';
import { INSTITUTION_TYPES, LEVELS, type Level } from './constants.js';
import { PageQuery } from './common.js';

export const Institution = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 64, description: '定点医药机构编码' }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    type: Type.Enum(INSTITUTION_TYPES, { type: 'string' }),
    // One enum keeps ajv's message ("取值不在允许范围内") for a wrong level, null included.
    level: Type.Unsafe<Level | null>({
      type: ['string', 'null'],
      enum: [...LEVELS, null],
      description: '机构等级；药店为空',
    }),
    county: Type.String({ minLength: 1, maxLength: 64, description: '所在县（区）' }),
    parentId: Type.Union([Type.String({ maxLength: 64 }), Type.Null()], {
      description: '上级机构：站点所属中心、村卫生室所属乡镇卫生院',
    }),
  },
  { description: '定点医药机构', additionalProperties: false },
);
export type Institution = Static<typeof Institution>;

/** 登记机构: level is left out for a pharmacy, parentId for an institution with no parent. */
export const InstitutionBody = Type.Object(
  {
    id: Institution.properties.id,
    name: Institution.properties.name,
    type: Institution.properties.type,
    level: Type.Optional(Institution.properties.level),
    county: Institution.properties.county,
    parentId: Type.Optional(Institution.properties.parentId),
  },
  { description: '定点医药机构', additionalProperties: false },
);
export type InstitutionBody = Static<typeof InstitutionBody>;

export const InstitutionQuery = Type.Object(
  {
    county: Type.Optional(Type.String()),
    type: Type.Optional(Type.String()),
    level: Type.Optional(Type.String()),
    parentId: Type.Optional(Type.String()),
    q: Type.Optional(Type.String({ description: '名称或编码的一部分' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type InstitutionQuery = Static<typeof InstitutionQuery>;
