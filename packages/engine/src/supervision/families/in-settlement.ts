// The 事中 families (SUPERVISION_RULES.md §3.1, F-01…F-07): one visit's resolved lines, no history.
// Each refuses whole lines, except 超标准收费 (F-07), which cuts the quantity beyond the stay.
import type { Level, TraceParam, VisitKind } from '../../contract.js';
import { QUANTITY_SCALE, formatYuan, priceLine } from '../../money.js';
import { LEVEL_RANK } from '../../request/levels.js';
import { LEVEL_NAME, VISIT_KIND_NAME } from '../../trace.js';
import { ageOn, daysBetween } from '../facts.js';
import { LEVEL_VALUES } from '../reader.js';
import type { RowReader } from '../reader.js';
import type { Sex, SupervisionRule } from '../types.js';
import type { InSettlementContext, InSettlementFamily, LineVerdict } from './family.js';

interface Named {
  code: string;
  name: string;
}

function named(row: RowReader): Named {
  return { code: row.code(), name: row.name() };
}

/** The list a verdict rests on, cited as the trace cites a policy parameter (引用参数). */
function citeList(rule: SupervisionRule, list: string, codes: readonly string[]): TraceParam[] {
  const source = rule.sources[0];
  return source ? [{ name: `${rule.id}:${list}`, value: codes, unit: 'codes', source }] : [];
}

/** Every line still alive whose code is in `byCode`, with its entry. */
function* listed<T extends Named>(
  ctx: InSettlementContext<unknown>,
  byCode: ReadonlyMap<string, T>,
): Generator<[number, T]> {
  const lines = ctx.visit.lines;
  for (let i = 0; i < lines.length; i++) {
    const entry = byCode.get(lines[i]?.code ?? '');
    if (entry && ctx.alive[i]) yield [i, entry];
  }
}

function lineTotal(ctx: InSettlementContext<unknown>, i: number): number {
  const line = ctx.visit.lines[i];
  return line ? priceLine(line.quantity, line.unitPrice) : 0;
}

function wholeLine(
  ctx: InSettlementContext<unknown>,
  i: number,
  why: string,
  params: TraceParam[],
): LineVerdict {
  const amount = lineTotal(ctx, i);
  const r = ctx.rule;
  return {
    item: i,
    refused: amount,
    allowedQuantity: null,
    text: `${r.id} ${r.name}：${why}，整行${formatYuan(amount)}不予支付，由机构承担（R-D10）`,
    params,
  };
}

const byCode = <T extends Named>(rows: readonly T[]): ReadonlyMap<string, T> =>
  new Map(rows.map((r) => [r.code, r]));

// F-01 违规收费: a free public-health item charged (the line not marked publicHealth).
interface PublicHealthParams {
  items: ReadonlyMap<string, Named>;
}
const publicHealthCharge: InSettlementFamily<PublicHealthParams> = {
  stage: '事中',
  read: (v) => ({ items: byCode(v.list('publicHealthItems', named)) }),
  screen: (p) => new Set(p.items.keys()),
  judge(ctx) {
    const out: LineVerdict[] = [];
    for (const [i, item] of listed(ctx, ctx.params.items)) {
      if (ctx.visit.lines[i]?.publicHealth) continue;
      const params = citeList(ctx.rule, 'publicHealthItems', [...ctx.params.items.keys()]);
      out.push(
        wholeLine(
          ctx,
          i,
          `${item.code} ${item.name}属免费基本公共卫生服务项目，未按公共卫生服务标记而收费`,
          params,
        ),
      );
    }
    return out;
  },
};

// F-02 限性别: an item of one sex billed for a person registered as the other.
interface SexItem extends Named {
  sex: Sex;
}
const SEX_NAME: Record<Sex, string> = { male: '男性', female: '女性' };
const sexLimited: InSettlementFamily<{ items: ReadonlyMap<string, SexItem> }> = {
  stage: '事中',
  read: (v) => ({
    items: byCode(
      v.list('sexItems', (row) => ({ ...named(row), sex: row.oneOf<Sex>('sex', ['male', 'female']) }), [
        'code',
        'name',
        'sex',
      ]),
    ),
  }),
  screen: (p) => new Set(p.items.keys()),
  judge(ctx) {
    const out: LineVerdict[] = [];
    const sex = ctx.visit.sex;
    for (const [i, item] of listed(ctx, ctx.params.items)) {
      const params = citeList(ctx.rule, 'sexItems', [...ctx.params.items.keys()]);
      if (sex === null)
        out.push({
          item: i,
          notJudged: `${item.code} ${item.name}限${SEX_NAME[item.sex]}，参保人未登记性别，不予判断`,
          params,
        });
      else if (sex !== item.sex)
        out.push(
          wholeLine(
            ctx,
            i,
            `${item.code} ${item.name}限${SEX_NAME[item.sex]}使用，参保人登记为${SEX_NAME[sex]}`,
            params,
          ),
        );
    }
    return out;
  },
};

// F-03 限年龄: an item outside its ages (周岁, both bounds allowed).
interface AgeItem extends Named {
  minAge: number;
  maxAge: number | null;
}
const ageLimited: InSettlementFamily<{ items: ReadonlyMap<string, AgeItem> }> = {
  stage: '事中',
  read: (v) => ({
    items: byCode(
      v.list(
        'ageItems',
        (row) => {
          const minAge = row.int('minAge', 0, 150) ?? 0;
          const maxAge = row.int('maxAge', 0, 150, true);
          if (maxAge !== null && maxAge < minAge) row.fail('maxAge', 'maxAge must not be below minAge');
          return { ...named(row), minAge, maxAge };
        },
        ['code', 'name', 'minAge', 'maxAge'],
      ),
    ),
  }),
  screen: (p) => new Set(p.items.keys()),
  judge(ctx) {
    const out: LineVerdict[] = [];
    const { birthDate, date } = ctx.visit;
    for (const [i, item] of listed(ctx, ctx.params.items)) {
      const range = item.maxAge === null ? `${item.minAge}周岁及以上` : `${item.minAge}–${item.maxAge}周岁`;
      const params = citeList(ctx.rule, 'ageItems', [...ctx.params.items.keys()]);
      if (birthDate === null) {
        out.push({
          item: i,
          notJudged: `${item.code} ${item.name}限${range}，参保人未登记出生日期，不予判断`,
          params,
        });
        continue;
      }
      const age = ageOn(birthDate, date);
      if (age < item.minAge || (item.maxAge !== null && age > item.maxAge))
        out.push(
          wholeLine(ctx, i, `${item.code} ${item.name}限${range}使用，参保人${date}为${age}周岁`, params),
        );
    }
    return out;
  },
};

// F-04 限医院等级: an item billed below its lowest level.
interface LevelItem extends Named {
  lowestLevel: Level;
}
const levelLimited: InSettlementFamily<{ items: ReadonlyMap<string, LevelItem> }> = {
  stage: '事中',
  read: (v) => ({
    items: byCode(
      v.list(
        'levelItems',
        (row) => ({ ...named(row), lowestLevel: row.oneOf('lowestLevel', LEVEL_VALUES) }),
        ['code', 'name', 'lowestLevel'],
      ),
    ),
  }),
  screen: (p) => new Set(p.items.keys()),
  judge(ctx) {
    const out: LineVerdict[] = [];
    const level = ctx.visit.institutionLevel;
    for (const [i, item] of listed(ctx, ctx.params.items)) {
      const params = citeList(ctx.rule, 'levelItems', [...ctx.params.items.keys()]);
      if (level === null) {
        out.push({
          item: i,
          notJudged: `${item.code} ${item.name}限${LEVEL_NAME[item.lowestLevel]}及以上机构，本机构无等级，不予判断`,
          params,
        });
      } else if (LEVEL_RANK[level] < LEVEL_RANK[item.lowestLevel])
        out.push(
          wholeLine(
            ctx,
            i,
            `${item.code} ${item.name}限${LEVEL_NAME[item.lowestLevel]}及以上医疗机构使用，本机构为${LEVEL_NAME[level]}`,
            params,
          ),
        );
    }
    return out;
  },
};

// F-05 重复收费: an including item billed with the items it includes; each included line is refused.
interface Inclusion extends Named {
  includes: readonly Named[];
}
const duplicateCharge: InSettlementFamily<{ inclusions: readonly Inclusion[] }> = {
  stage: '事中',
  read: (v) => ({
    inclusions: v.list(
      'inclusions',
      (row) => ({ ...named(row), includes: row.rows('includes', named, ['code', 'name']) }),
      ['code', 'name', 'includes'],
    ),
  }),
  screen: (p) => new Set(p.inclusions.map((inc) => inc.code)),
  judge(ctx) {
    const lines = ctx.visit.lines;
    const refused = new Map<number, Inclusion>();
    for (const inc of ctx.params.inclusions) {
      const present = lines.some((l, i) => ctx.alive[i] && l.code === inc.code);
      if (!present) continue;
      const included = new Set(inc.includes.map((x) => x.code));
      lines.forEach((l, i) => {
        if (ctx.alive[i] && included.has(l.code) && !refused.has(i)) refused.set(i, inc);
      });
    }
    return [...refused.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([i, inc]) => {
        const line = lines[i];
        const includedName = inc.includes.find((x) => x.code === line?.code)?.name ?? '';
        const params = citeList(ctx.rule, 'inclusions', [inc.code, ...inc.includes.map((x) => x.code)]);
        return wholeLine(
          ctx,
          i,
          `${inc.code} ${inc.name}已包含${line?.code ?? ''} ${includedName}，同时收费属重复收费`,
          params,
        );
      });
  },
};

// F-06 超量开药: a drug line's days above the limit of the benefit kind (equal passes).
const overPrescription: InSettlementFamily<{ maxDays: Readonly<Partial<Record<VisitKind, number>>> }> = {
  stage: '事中',
  read: (v) => ({ maxDays: v.intByVisitKind('maxDaysByBenefitKind', 1, 365) }),
  judge(ctx) {
    const out: LineVerdict[] = [];
    const limit = ctx.params.maxDays[ctx.visit.benefitKind];
    if (limit === undefined) return out;
    ctx.visit.lines.forEach((l, i) => {
      if (!ctx.alive[i] || l.kind !== 'drug' || l.days === null || l.days <= limit) return;
      out.push(
        wholeLine(
          ctx,
          i,
          `${l.code}用药${l.days}天，超过${VISIT_KIND_NAME[ctx.visit.benefitKind]}${limit}天的用量上限`,
          [],
        ),
      );
    });
    return out;
  },
};

// F-07 超标准收费: the lines of one per-day item may bill the length of stay in all; the excess is cut.
const overStandard: InSettlementFamily<{ items: ReadonlyMap<string, Named> }> = {
  stage: '事中',
  read: (v) => ({ items: byCode(v.list('perDayItems', named)) }),
  screen: (p) => new Set(p.items.keys()),
  judge(ctx) {
    const out: LineVerdict[] = [];
    const { admissionDate, date, lines } = ctx.visit;
    const params = citeList(ctx.rule, 'perDayItems', [...ctx.params.items.keys()]);
    if (admissionDate === null) {
      for (const [i, item] of listed(ctx, ctx.params.items))
        out.push({
          item: i,
          notJudged: `${item.code} ${item.name}按日计费，未提供入院日期，不予判断`,
          params,
        });
      return out;
    }
    const los = Math.max(1, daysBetween(admissionDate, date));
    const left = new Map<string, number>(); // scaled quantity still allowed per code
    for (const [i, item] of listed(ctx, ctx.params.items)) {
      const line = lines[i];
      if (!line) continue;
      const remaining = left.get(item.code) ?? los * QUANTITY_SCALE;
      const allowed = Math.min(line.quantity, remaining);
      left.set(item.code, remaining - allowed);
      if (allowed === line.quantity) continue;
      const refused = priceLine(line.quantity, line.unitPrice) - priceLine(allowed, line.unitPrice);
      const q = (n: number): string => String(n / QUANTITY_SCALE);
      out.push({
        item: i,
        refused,
        allowedQuantity: allowed === 0 ? null : allowed, // nothing left to price: the whole line
        text:
          `${ctx.rule.id} ${ctx.rule.name}：${item.code} ${item.name}按日计费，住院${los}天（${admissionDate}至${date}），` +
          `本行计${q(line.quantity)}，可计${q(allowed)}，超出部分${formatYuan(refused)}不予支付，由机构承担（R-D10）`,
        params,
      });
    }
    return out;
  },
};

export const IN_SETTLEMENT_FAMILIES = {
  违规收费: publicHealthCharge,
  限性别: sexLimited,
  限年龄: ageLimited,
  限医院等级: levelLimited,
  重复收费: duplicateCharge,
  超量开药: overPrescription,
  超标准收费: overStandard,
} as const;

export type { InSettlementContext };
