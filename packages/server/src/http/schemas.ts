// JSON schemas of the API: they validate at the edge and produce the OpenAPI description (/docs).
// Bodies are checked here for shape; the engine checks the visit and its items in depth (the
// schema stays permissive there so the engine's field-precise errors reach the caller).
import { INSTITUTION_TYPES, ITEM_CLASSES, ITEM_KINDS, LEVELS, SCHEMES, VISIT_KINDS } from '@yibao/engine';

const id = { type: 'string', minLength: 1, maxLength: 64 } as const;
const yuan = { type: 'number', minimum: 0, description: '金额，元，至多两位小数' } as const;
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' } as const;
const signedYuan = { type: 'number', description: '金额，元（撤销记录为负数）' } as const;

export const errorSchema = {
  $id: 'Error',
  type: 'object',
  description: '错误: code 机读代码, message 中文说明, field 出错字段',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        field: { type: ['string', 'null'] },
      },
      required: ['code', 'message', 'field'],
    },
  },
  required: ['error'],
} as const;

export const institutionSchema = {
  $id: 'Institution',
  type: 'object',
  description: '定点医药机构',
  properties: {
    id: { ...id, description: '定点医药机构编码' },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    type: { type: 'string', enum: [...INSTITUTION_TYPES] },
    level: { type: ['string', 'null'], enum: [...LEVELS, null], description: '机构等级；药店为空' },
    county: { type: 'string', minLength: 1, maxLength: 64, description: '所在县（区）' },
    parentId: {
      type: ['string', 'null'],
      maxLength: 64,
      description: '上级机构：站点所属中心、村卫生室所属乡镇卫生院',
    },
  },
  required: ['id', 'name', 'type', 'county'],
  additionalProperties: false,
} as const;

export const personSchema = {
  $id: 'Person',
  type: 'object',
  description: '参保人员',
  properties: {
    id: { ...id, description: '个人编号 / 社会保障卡号' },
    name: { type: 'string', minLength: 1, maxLength: 100 },
    scheme: {
      type: 'string',
      enum: [...SCHEMES],
      description: '险种: resident 城乡居民 | employee 城镇职工',
    },
    category: {
      type: 'string',
      enum: ['adult', 'minor', 'elderly', 'in_service', 'retired'],
      description: '人员类别: 居民 adult|minor|elderly; 职工 in_service|retired',
    },
    region: { type: 'string', minLength: 1, maxLength: 32, description: '统筹区（政策区域）' },
    chronicDiseases: {
      type: 'array',
      items: { type: 'string', pattern: '^[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?$' },
      maxItems: 20,
      description: '已认定的门诊慢特病 ICD-10',
    },
    familyDoctorContract: { type: 'boolean', description: '家庭医生签约' },
    relocated: { type: 'boolean', description: '异地安置备案' },
    accountBalance: { ...yuan, description: '个人账户余额，元' },
  },
  required: ['id', 'name', 'scheme', 'category', 'region'],
  additionalProperties: false,
} as const;

const visitSchema = {
  type: 'object',
  description: '就诊信息 (CALC_CONTRACT.md visit)',
  properties: {
    kind: { type: 'string', enum: [...VISIT_KINDS] },
    department: { type: 'string' },
    diagnosis: { type: ['string', 'null'] },
    scope: { type: 'string' },
    referral: { type: ['object', 'null'] },
    ePrescription: { type: ['object', 'null'] },
    useAccount: { type: 'boolean' },
  },
} as const;

const itemSchema = {
  type: 'object',
  description: '费用明细 (CALC_CONTRACT.md item)；自费项目也须上传',
  properties: {
    code: { type: 'string' },
    name: { type: 'string' },
    kind: { type: 'string', enum: [...ITEM_KINDS] },
    class: { type: 'string', enum: [...ITEM_CLASSES] },
    selfPayRatio: { type: ['number', 'null'] },
    quantity: { type: 'number' },
    unitPrice: { type: 'number' },
    priceStandard: { type: ['number', 'null'] },
    paymentLimit: { type: ['number', 'null'] },
    consent: { type: 'boolean' },
    publicHealth: { type: 'boolean' },
    fixedSelfPay: { type: 'boolean' },
  },
} as const;

const visitFields = {
  personId: { ...id, description: '个人编号' },
  institutionId: { ...id, description: '定点医药机构编码' },
  date: { ...date, description: '就诊（结算）日期 YYYY-MM-DD' },
  visit: visitSchema,
  items: { type: 'array', items: itemSchema, maxItems: 2000 },
} as const;

export const previewBodySchema = {
  type: 'object',
  properties: visitFields,
  required: ['personId', 'institutionId', 'date', 'visit', 'items'],
  additionalProperties: false,
} as const;

export const settleBodySchema = {
  type: 'object',
  properties: {
    requestId: { ...id, maxLength: 128, description: '请求流水号（同 msgid），幂等键' },
    ...visitFields,
  },
  required: ['requestId', 'personId', 'institutionId', 'date', 'visit', 'items'],
  additionalProperties: false,
} as const;

export const reversalBodySchema = {
  type: 'object',
  properties: { requestId: { ...id, maxLength: 128, description: '撤销请求流水号，幂等键' } },
  required: ['requestId'],
  additionalProperties: false,
} as const;

const accumulatorsSchema = {
  type: 'object',
  description: '年度累计，元',
  properties: {
    outpatientDeductiblePaid: signedYuan,
    outpatientFundPaid: signedYuan,
    outpatientInScope: signedYuan,
    chronicFundPaid: signedYuan,
    specialDeductiblePaid: signedYuan,
    inpatientFundPaid: signedYuan,
  },
} as const;

/** Documented, not filtered: extra fields (new engine outputs) pass through untouched. */
export const calcResultSchema = {
  type: 'object',
  description: '结算结果 (CALC_CONTRACT.md result)，含明细 items 与说明 trace',
  additionalProperties: true,
  properties: {
    region: { type: 'string' },
    policyVersion: { type: 'string' },
    policyHash: { type: 'string', description: '政策发布版本哈希' },
    benefitGroup: { type: 'string' },
    totalCost: signedYuan,
    fullSelfPay: signedYuan,
    overLimitSelfPay: signedYuan,
    firstSelfPay: signedYuan,
    inScope: signedYuan,
    deductible: signedYuan,
    rate: { type: 'number' },
    fundPay: signedYuan,
    pooledSelfPay: signedYuan,
    overCap: signedYuan,
    institutionBorne: signedYuan,
    personalPart: signedYuan,
    accountPay: signedYuan,
    cashPay: signedYuan,
    items: { type: 'array', items: { type: 'object', additionalProperties: true } },
    ytd: accumulatorsSchema,
    trace: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: true,
        properties: { rule: { type: 'string' }, text: { type: 'string' }, amount: { type: 'number' } },
      },
    },
  },
} as const;

export const settlementSchema = {
  ...calcResultSchema,
  description: '结算记录（或撤销记录，金额为原结算取反）',
  properties: {
    settlementId: { type: 'string' },
    requestId: { type: 'string' },
    reverses: { type: ['string', 'null'], description: '撤销记录所冲销的结算' },
    personId: { type: 'string' },
    institutionId: { type: 'string' },
    date: { type: 'string' },
    ...calcResultSchema.properties,
  },
} as const;

export const accumulatorsResponseSchema = {
  type: 'object',
  properties: { personId: { type: 'string' }, year: { type: 'integer' }, ytd: accumulatorsSchema },
} as const;

export const pageQuery = {
  page: { type: 'string', pattern: '^[1-9][0-9]{0,6}$', description: '页码，从 1 开始' },
  pageSize: { type: 'string', pattern: '^[1-9][0-9]{0,3}$', description: '每页条数，至多 500' },
} as const;

export { date as dateSchema, id as idSchema };

export const errorResponses = {
  400: { $ref: 'Error#' },
  404: { $ref: 'Error#' },
  409: { $ref: 'Error#' },
} as const;
