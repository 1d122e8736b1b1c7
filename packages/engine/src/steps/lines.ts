// Step 1 — the line items (REFERENCE_POLICY.md §6), each in the order the policy gives:
// public health, price standard, payment limit, then by class (self / B / A).
import type { ItemResult, Level } from '../contract.js';
import { applyRatio, fenToYuan, formatYuan, priceLine } from '../money.js';
import type { RegionWide } from '../policy-compiler/types.js';
import type { Line, VisitInput } from '../request/visit.js';
import type { Cite } from '../rules/citations.js';
import { decide, ruleWithExceptions } from '../rules/exceptions.js';
import { LEVEL_NAME, type Trace } from '../trace.js';

/** Totals in fen; `items` are the per-line results in yuan, as the contract reports them. */
export interface LineTotals {
  items: ItemResult[];
  total: number;
  fullSelfPay: number;
  overLimitSelfPay: number;
  firstSelfPay: number;
  inScope: number;
  institutionBorne: number;
}

const min3 = (a: number, b: number | null, c: number | null): number => {
  let m = a;
  if (b !== null && b < m) m = b;
  if (c !== null && c < m) m = c;
  return m;
};

function label(line: Line): string {
  return `第${line.index + 1}项「${line.name || line.code}」`;
}

const AS_CLASS_A = '基层医疗机构乙类药品参照甲类支付';

interface ClassBCase {
  line: Line;
  visitWideReason: string | null; // why no Class B line of this visit is paid as A, or null at a primary institution
}

/**
 * Class B lines pay a first self-pay (乙类先行自付, R-C1), except drugs at primary institutions, paid as
 * Class A (R-C2) — itself except drugs with a fixed self-pay standard. A reason that holds for the
 * whole visit (the institution's level, a pharmacy) is traced once for the visit, not on every line.
 */
export const CLASS_B = ruleWithExceptions<ClassBCase, 'firstSelfPay' | 'asClassA'>({
  rule: 'R-C1',
  clause: '乙类先行自付',
  outcome: 'firstSelfPay',
  exceptions: [
    {
      name: 'primaryDrugAsClassA', // 基层乙类药品参照甲类
      rule: 'R-C2',
      clause: AS_CLASS_A,
      outcome: 'asClassA',
      applies: ({ line, visitWideReason }) => {
        if (line.kind !== 'drug')
          return visitWideReason === null ? '本项为乙类诊疗项目或医用耗材，仅药品适用' : null;
        return visitWideReason === null || null;
      },
    },
    {
      name: 'fixedSelfPay', // 定额标准自负药品
      rule: 'R-C2',
      clause: '定额标准自负药品除外',
      outcome: 'firstSelfPay',
      overrides: ['primaryDrugAsClassA'],
      overrideReason: '本药品为定额标准自负药品',
      applies: ({ line }) => (line.kind === 'drug' && line.fixedSelfPay) || null,
    },
  ],
});

function visitWideClassBReason(level: Level | null, isPharmacy: boolean): string | null {
  if (isPharmacy) return '定点零售药店购药不适用';
  if (level !== 'primary') return `本机构为${level ? LEVEL_NAME[level] : ''}医疗机构`;
  return null;
}

/** "费用合计…": the non-zero parts of the total, in the order of §7's first identity. */
function summary(t: LineTotals): string {
  let text = `费用合计${formatYuan(t.total)}：政策范围内${formatYuan(t.inScope)}`;
  if (t.fullSelfPay) text += `，全自费${formatYuan(t.fullSelfPay)}`;
  if (t.overLimitSelfPay) text += `，超限价自付${formatYuan(t.overLimitSelfPay)}`;
  if (t.firstSelfPay) text += `，乙类先行自付${formatYuan(t.firstSelfPay)}`;
  if (t.institutionBorne) text += `，机构承担${formatYuan(t.institutionBorne)}`;
  return text;
}

export function priceLines(input: VisitInput, region: RegionWide, cite: Cite, trace: Trace): LineTotals {
  const level = input.institution.level;
  const isPharmacy = input.institution.type === 'pharmacy';
  const visitWideReason = visitWideClassBReason(level, isPharmacy);
  const notAsA: number[] = [];
  const totals: LineTotals = {
    items: new Array<ItemResult>(input.items.length),
    total: 0,
    fullSelfPay: 0,
    overLimitSelfPay: 0,
    firstSelfPay: 0,
    inScope: 0,
    institutionBorne: 0,
  };

  for (const line of input.items) {
    const a = {
      total: 0,
      fullSelfPay: 0,
      overLimitSelfPay: 0,
      firstSelfPay: 0,
      inScope: 0,
      institutionBorne: 0,
    };
    const p1 = priceLine(line.quantity, line.unitPrice);
    a.total = p1;
    let refused = 0; // 事中 or R-D10: the part of the line refused before the benefit
    if (line.refusedBy !== null && line.allowedQuantity === null) {
      refused = p1;
      // Refused before the benefit (a supervision rule, or R-D10: an item the institution may not
      // bill): the institution bears the whole line, outside every other step.
      a.institutionBorne = p1;
      // A 事中 rule's refusal has its own event already (steps/supervision.ts).
      if (!line.refusedInSettlement)
        trace.applied(
          line.refusedBy,
          `${label(line)}经 ${line.refusedBy} 拒付：基金不予支付，${formatYuan(p1)}全部由机构承担，不向患者收取，不计入其他环节`,
          p1,
          line.index,
        );
    } else if (line.publicHealth) {
      a.institutionBorne = p1;
      trace.applied(
        'R-C5',
        `${label(line)}为免费基本公共卫生服务，${formatYuan(p1)}由机构承担，基金和个人均不支付`,
        p1,
        line.index,
      );
    } else {
      // F-07 (SUPERVISION_RULES.md §4): the allowed quantity is priced as a line of its own quantity,
      // the excess P1(q) − P1(allowed) is institution-borne; every other line has q = its quantity.
      const q = line.allowedQuantity ?? line.quantity;
      const pq = q === line.quantity ? p1 : priceLine(q, line.unitPrice);
      if (pq < p1) {
        refused = p1 - pq;
        a.institutionBorne += refused;
      }
      const p2 = priceLine(q, min3(line.unitPrice, line.priceStandard, null));
      const p3 =
        line.class === 'self'
          ? p2
          : priceLine(q, min3(line.unitPrice, line.priceStandard, line.paymentLimit));
      if (pq > p2) {
        a.institutionBorne += pq - p2;
        trace.applied(
          'R-C3',
          `${label(line)}收费超过价格标准，超出部分${formatYuan(pq - p2)}由机构承担，不得向患者收取（R-D10）`,
          pq - p2,
          line.index,
        );
      }
      if (p2 > p3) {
        a.overLimitSelfPay = p2 - p3;
        trace.applied(
          'R-C3',
          `${label(line)}超过医保支付限价，超出部分${formatYuan(p2 - p3)}由个人自付（超限价自付）`,
          p2 - p3,
          line.index,
        );
      }
      const left = p3;
      switch (line.class) {
        case 'self':
          if (line.consent) {
            a.fullSelfPay = left;
            trace.applied(
              'R-B6',
              `${label(line)}为自费项目，患者已签署知情同意书，${formatYuan(left)}全部自付`,
              left,
              line.index,
            );
          } else {
            a.institutionBorne += left;
            trace.applied(
              'R-B6',
              `${label(line)}为自费项目，未签署知情同意书，${formatYuan(left)}由机构承担（R-D10）`,
              left,
              line.index,
            );
          }
          break;
        case 'B':
          if (line.kind === 'drug' && visitWideReason !== null) notAsA.push(line.index + 1);
          if (
            decide(CLASS_B, { line, visitWideReason }, trace, { item: line.index }).outcome === 'asClassA'
          ) {
            a.inScope = left;
            trace.applied(
              'R-C2',
              `${label(line)}为乙类药品，基层医疗机构参照甲类支付，不设先行自付，${formatYuan(left)}纳入政策范围`,
              left,
              line.index,
            );
          } else {
            const ratio = line.selfPayRatio ?? region.classBDefaultSelfPayRatio;
            a.firstSelfPay = applyRatio(left, ratio);
            a.inScope = left - a.firstSelfPay;
            // The policy's default ratio is cited only when the line did not bring its own.
            const cited =
              line.selfPayRatio === null
                ? [cite.region('classB.defaultSelfPayRatio', 'percent', ratio / 100)]
                : [];
            trace
              .citing(...cited)
              .applied(
                'R-C1',
                `${label(line)}为乙类，先行自付比例${ratio / 100}%，先行自付${formatYuan(a.firstSelfPay)}`,
                a.firstSelfPay,
                line.index,
              );
          }
          break;
        case 'A':
          a.inScope = left;
          break;
      }
    }
    totals.items[line.index] = {
      code: line.code,
      total: fenToYuan(a.total),
      fullSelfPay: fenToYuan(a.fullSelfPay),
      overLimitSelfPay: fenToYuan(a.overLimitSelfPay),
      firstSelfPay: fenToYuan(a.firstSelfPay),
      inScope: fenToYuan(a.inScope),
      institutionBorne: fenToYuan(a.institutionBorne),
    };
    if (line.refusedBy !== null) {
      const item = totals.items[line.index] as ItemResult;
      item.refusedBy = line.refusedBy;
      item.refusedAmount = fenToYuan(refused);
    }
    totals.total += a.total;
    totals.fullSelfPay += a.fullSelfPay;
    totals.overLimitSelfPay += a.overLimitSelfPay;
    totals.firstSelfPay += a.firstSelfPay;
    totals.inScope += a.inScope;
    totals.institutionBorne += a.institutionBorne;
  }
  if (notAsA.length > 0 && visitWideReason !== null) {
    trace.notApplied('R-C2', AS_CLASS_A, `${visitWideReason}（第${notAsA.join('、')}项乙类药品）`);
  }
  trace.applied('R-D11', summary(totals), totals.inScope);
  return totals;
}
