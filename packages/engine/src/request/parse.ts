// Validates a CALC_CONTRACT.md request against the contract and the region's policy, and converts it
// to the engine's units. Bad input throws CalcInputError naming the field; nothing is computed.
import {
  DIRECTIONS,
  INSTITUTION_TYPES,
  ITEM_CLASSES,
  ITEM_KINDS,
  LEVELS,
  SCHEMES,
  SCOPES,
  SEXES,
  VISIT_KINDS,
  ACCUMULATOR_NAMES,
} from '../contract.js';
import { CalcInputError } from '../contract.js';
import type { Accumulators, Level } from '../contract.js';
import type { PolicyBook, PolicySegment, RegionPolicy } from '../policy-compiler/types.js';
import { QUANTITY_SCALE } from '../money.js';
import {
  MAX_YUAN,
  amount,
  bool,
  date,
  fail,
  object,
  oneOf,
  optionalAmount,
  optionalObject,
  optionalString,
  quantity,
  ratio,
  requiredString,
} from './fields.js';
import { expectedDirection, levelMismatch } from './levels.js';
import type { Line, VisitInput } from './visit.js';

export interface ParsedRequest {
  input: VisitInput;
  region: RegionPolicy;
  segment: PolicySegment;
}

function segmentOn(region: RegionPolicy, day: string): PolicySegment {
  const segments = region.segments;
  for (let i = segments.length - 1; i >= 0; i--) {
    const s = segments[i];
    if (s && s.from <= day) return s;
  }
  return fail(
    'no_policy_version',
    'date',
    `${day} 没有在用的 ${region.code}（${region.name}）政策版本 (no policy version in force on this date)`,
  );
}

/** A requirement or supervision rule id ("R-D10", "F-05"): the rule that refused a line; null when absent. */
const RULE_ID = /^[A-Z]{1,2}-[A-Z]?\d{1,3}$/;
function ruleId(v: unknown, field: string): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string' || !RULE_ID.test(v))
    fail('invalid_rule', field, `${field} 须为规则编号，如 "R-D10" 或 "F-05" (a rule id)`);
  return v;
}

/** 用药天数: an integer 1–365 (SUPERVISION_RULES.md §2); null when absent. */
function drugDays(v: unknown): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 365)
    fail('invalid_days', 'days', 'days 须为 1–365 的整数天数 (drug days: an integer 1–365)');
  return v;
}

/** Field names are local ("unitPrice") on the hot path; an error is re-raised as items[i].unitPrice. */
function parseLine(raw: unknown, i: number): Line {
  try {
    const o = object(raw, '');
    return {
      index: i,
      code: requiredString(o.code, 'code'),
      name: optionalString(o.name, 'name') ?? '',
      kind: oneOf(o.kind, 'kind', ITEM_KINDS),
      class: oneOf(o.class, 'class', ITEM_CLASSES),
      selfPayRatio: ratio(o.selfPayRatio, 'selfPayRatio'),
      quantity: quantity(o.quantity, 'quantity'),
      unitPrice: amount(o.unitPrice, 'unitPrice'),
      priceStandard: optionalAmount(o.priceStandard, 'priceStandard'),
      paymentLimit: optionalAmount(o.paymentLimit, 'paymentLimit'),
      consent: bool(o.consent, 'consent', false),
      publicHealth: bool(o.publicHealth, 'publicHealth', false),
      fixedSelfPay: bool(o.fixedSelfPay, 'fixedSelfPay', false),
      refusedBy: ruleId(o.refusedBy, 'refusedBy'),
      days: drugDays(o.days),
      allowedQuantity: null,
      refusedInSettlement: false,
    };
  } catch (err) {
    if (!(err instanceof CalcInputError)) throw err;
    const field = err.field === '' ? `items[${i}]` : `items[${i}].${err.field}`;
    throw new CalcInputError(err.code, field, `${field}${err.message.slice(err.field.length)}`);
  }
}

/** A visit's charges stay below MAX_YUAN in all, so every sum of fen is an exact JavaScript number. */
const MAX_TOTAL = MAX_YUAN * 100 * QUANTITY_SCALE;

function parseLines(raw: unknown[]): Line[] {
  const lines: Line[] = new Array<Line>(raw.length);
  let total = 0;
  for (let i = 0; i < raw.length; i++) {
    const line = parseLine(raw[i], i);
    total += line.quantity * line.unitPrice;
    if (total > MAX_TOTAL)
      fail('invalid_amount', `items[${i}]`, `本次费用合计超过上限 ${MAX_YUAN} 元 (visit total too large)`);
    lines[i] = line;
  }
  return lines;
}

const YTD_FIELDS = ACCUMULATOR_NAMES.map((name) => [name, `ytd.${name}`] as const);
const DEPARTMENTS = ['general', 'tcm'] as const;

function parseYtd(raw: unknown): Accumulators {
  const o = optionalObject(raw, 'ytd') ?? {};
  const out = {} as Accumulators;
  for (const [name, field] of YTD_FIELDS) out[name] = amount(o[name], field, 0);
  return out;
}

/** 入院日期: a date not after the settlement's (SUPERVISION_RULES.md §2); null when absent. */
function admissionDateOf(v: unknown, day: string): string | null {
  if (v === undefined || v === null) return null;
  const admitted = date(v, 'visit.admissionDate');
  if (admitted > day)
    fail(
      'invalid_date',
      'visit.admissionDate',
      `入院日期 ${admitted} 晚于结算日期 ${day} (admission after the settlement date)`,
    );
  return admitted;
}

export function parseRequest(book: PolicyBook, raw: unknown): ParsedRequest {
  const req = object(raw, 'request');
  const regionCode = requiredString(req.region, 'region');
  const region = book.regions.get(regionCode);
  if (!region)
    fail(
      'unknown_region',
      'region',
      `未知统筹区 ${JSON.stringify(regionCode)}；已有: ${[...book.regions.keys()].join(', ')} (unknown region)`,
    );
  const day = date(req.date, 'date');
  const segment = segmentOn(region, day);

  const p = object(req.person, 'person');
  const scheme = oneOf(p.scheme, 'person.scheme', SCHEMES);
  const categories = region.schemes.get(scheme);
  if (!categories)
    fail('invalid_enum', 'person.scheme', `${region.name}没有 ${scheme} 险种 (scheme not in this region)`);
  const category = oneOf(p.category, 'person.category', categories);
  const diseasesRaw = p.chronicDiseases ?? [];
  if (!Array.isArray(diseasesRaw))
    fail('invalid_type', 'person.chronicDiseases', '须为诊断编码数组 (must be an array of ICD-10 codes)');
  const chronicDiseases = diseasesRaw.map((c: unknown, i: number) =>
    requiredString(c, `person.chronicDiseases[${i}]`),
  );

  const inst = object(req.institution, 'institution');
  const type = oneOf(inst.type, 'institution.type', INSTITUTION_TYPES);
  const level =
    inst.level === undefined || inst.level === null ? null : oneOf(inst.level, 'institution.level', LEVELS);
  const mismatch = levelMismatch(type, level);
  if (mismatch) fail('institution_level_mismatch', 'institution.level', mismatch);

  const v = object(req.visit, 'visit');
  const kind = oneOf(v.kind, 'visit.kind', VISIT_KINDS);
  if ((kind === 'pharmacy') !== (type === 'pharmacy')) {
    fail(
      'visit_kind_mismatch',
      'visit.kind',
      '药店购药(pharmacy)只能发生在定点零售药店，药店只能办理药店购药 (pharmacy kind goes with a pharmacy only)',
    );
  }
  const diagnosis = optionalString(v.diagnosis, 'visit.diagnosis');
  if (diagnosis === null && (kind === 'chronic_outpatient' || kind === 'special_outpatient')) {
    fail('required', 'visit.diagnosis', '门诊慢性病、门诊特殊病种须填写诊断 (diagnosis required)');
  }

  const r = optionalObject(v.referral, 'visit.referral');
  let referral: VisitInput['visit']['referral'] = null;
  if (r) {
    if (level === null)
      fail('referral_not_applicable', 'visit.referral', '药店购药不适用转诊 (no referral at a pharmacy)');
    const fromLevel = oneOf(r.fromLevel, 'visit.referral.fromLevel', LEVELS);
    const direction = oneOf(r.direction, 'visit.referral.direction', DIRECTIONS);
    const expected = expectedDirection(fromLevel, level);
    if (direction !== expected) {
      fail(
        'referral_direction',
        'visit.referral.direction',
        `从 ${fromLevel} 转往 ${level} 机构的转诊方向应为 ${expected}，不是 ${direction}`,
      );
    }
    referral = {
      fromLevel,
      direction,
      filed: bool(r.filed, 'visit.referral.filed', false),
      linkedDeductiblePaid: amount(r.linkedDeductiblePaid, 'visit.referral.linkedDeductiblePaid', 0),
    };
  }

  const e = optionalObject(v.ePrescription, 'visit.ePrescription');
  let ePrescription: VisitInput['visit']['ePrescription'] = null;
  if (e) {
    const fromLevel: Level = oneOf(e.fromLevel, 'visit.ePrescription.fromLevel', LEVELS);
    const fromType =
      e.fromType === undefined || e.fromType === null
        ? null
        : oneOf(e.fromType, 'visit.ePrescription.fromType', INSTITUTION_TYPES);
    const m = fromType === null ? null : levelMismatch(fromType, fromLevel);
    if (m) fail('institution_level_mismatch', 'visit.ePrescription.fromType', m);
    ePrescription = { fromLevel, fromType };
  }

  if (!Array.isArray(req.items))
    fail(
      req.items === undefined ? 'required' : 'invalid_type',
      'items',
      '须为收费明细数组 (must be an array of line items)',
    );
  if (req.items.length === 0) fail('required', 'items', '至少需要一条收费明细 (at least one line item)');

  const input: VisitInput = {
    region: regionCode,
    date: day,
    person: {
      scheme,
      category,
      chronicDiseases,
      familyDoctorContract: bool(p.familyDoctorContract, 'person.familyDoctorContract', false),
      relocated: bool(p.relocated, 'person.relocated', false),
      accountBalance: amount(p.accountBalance, 'person.accountBalance', 0),
      sex: p.sex === undefined || p.sex === null ? null : oneOf(p.sex, 'person.sex', SEXES),
      birthDate:
        p.birthDate === undefined || p.birthDate === null ? null : date(p.birthDate, 'person.birthDate'),
    },
    institution: { level, type },
    visit: {
      kind,
      department: oneOf(v.department, 'visit.department', DEPARTMENTS, 'general'),
      diagnosis,
      scope: oneOf(v.scope, 'visit.scope', SCOPES, 'in_county'),
      referral,
      ePrescription,
      useAccount: bool(v.useAccount, 'visit.useAccount', false),
      admissionDate: admissionDateOf(v.admissionDate, day),
      proxy: bool(v.proxy, 'visit.proxy', false),
    },
    items: parseLines(req.items as unknown[]),
    ytd: parseYtd(req.ytd),
  };
  return { input, region, segment };
}
