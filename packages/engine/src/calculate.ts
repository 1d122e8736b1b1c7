// The settlement pipeline: a fixed sequence of named, pure steps (ARCHITECTURE.md § the engine).
// lines -> benefit group -> referral gate -> deductible -> rate -> cap -> account -> cash.
import type { Accumulators, CalcResult } from './contract.js';
import { fenToYuan, formatYuan } from './money.js';
import type { PolicyBook } from './policy-compiler/types.js';
import { parseRequest } from './request/parse.js';
import type { ParsedRequest } from './request/parse.js';
import type { VisitInput } from './request/visit.js';
import { payFromAccount } from './steps/account.js';
import { decideBenefitGroup } from './steps/benefitGroup.js';
import type { BenefitDecision } from './steps/benefitGroup.js';
import { applyCap } from './steps/cap.js';
import { takeDeductible } from './steps/deductible.js';
import { priceLines } from './steps/lines.js';
import { computeFund } from './steps/rate.js';
import { Cite } from './rules/citations.js';
import { referralGateRefuses } from './steps/referralGate.js';
import { Trace } from './trace.js';
import { judgeInSettlement } from './steps/supervision.js';

/** Accumulators after the visit (REFERENCE_POLICY.md §7, §8 "Accumulators"): fen in, fen out. */
function accumulate(
  ytd: Accumulators,
  d: BenefitDecision,
  deductible: number,
  fundPay: number,
  inScope: number,
): Accumulators {
  const after = { ...ytd };
  switch (d.group) {
    case 'none':
      break;
    case 'general_outpatient':
      after.outpatientDeductiblePaid += deductible;
      after.outpatientFundPaid += fundPay;
      after.outpatientInScope += inScope;
      break;
    case 'chronic_outpatient':
      after.chronicFundPaid += fundPay;
      break;
    case 'special_outpatient':
      after.specialDeductiblePaid += deductible;
      after.inpatientFundPaid += fundPay;
      break;
    case 'inpatient':
    case 'family_bed':
      after.inpatientFundPaid += fundPay; // a stay's own deductible is not accumulated
      break;
  }
  return after;
}

function accumulatorsInYuan(a: Accumulators): Accumulators {
  return {
    outpatientDeductiblePaid: fenToYuan(a.outpatientDeductiblePaid),
    outpatientFundPaid: fenToYuan(a.outpatientFundPaid),
    outpatientInScope: fenToYuan(a.outpatientInScope),
    chronicFundPaid: fenToYuan(a.chronicFundPaid),
    specialDeductiblePaid: fenToYuan(a.specialDeductiblePaid),
    inpatientFundPaid: fenToYuan(a.inpatientFundPaid),
  };
}

export function calculateParsed({ input: parsedInput, region, segment }: ParsedRequest): CalcResult {
  const trace = new Trace();
  const groupKey = `${parsedInput.person.scheme}/${parsedInput.person.category}`;
  const params = segment.groups.get(groupKey);
  if (!params) throw new Error(`policy ${region.code} has no benefits for ${groupKey}`);
  const cite = new Cite(segment.citations, groupKey); // the parameters' clauses, for the trace

  // 事中 (R-F1): the region's at-settlement rules mark refused lines before step 1 prices them.
  const input = judgeInSettlement(
    parsedInput,
    region.supervision,
    () => decideBenefitGroup(parsedInput, segment, new Trace()).group,
    trace,
  );
  const lines = priceLines(input, segment.region, cite, trace);
  const decision = decideBenefitGroup(input, segment, trace);
  if (referralGateRefuses(input, decision, params, cite, lines.inScope, trace)) decision.group = 'none';

  const deductible = takeDeductible(input, decision, params, cite, lines.inScope, trace);
  const base = lines.inScope - deductible; // 统筹基数
  const { rate, computed } = computeFund(input, segment, params, cite, decision, base, trace);
  const fundPay = applyCap(input, decision, params, cite, computed, trace);
  const overCap = computed - fundPay;
  const pooledSelfPay = base - computed;
  const personalPart =
    lines.fullSelfPay + lines.overLimitSelfPay + lines.firstSelfPay + deductible + pooledSelfPay + overCap;
  const accountPay = payFromAccount(input, params, cite, personalPart, trace);
  const cashPay = personalPart - accountPay;
  let settled = `基金支付${formatYuan(fundPay)}，个人负担${formatYuan(personalPart)}`;
  if (accountPay) settled += `（个人账户${formatYuan(accountPay)}，现金${formatYuan(cashPay)}）`;
  if (lines.institutionBorne) settled += `，机构承担${formatYuan(lines.institutionBorne)}`;
  trace.applied('R-D11', settled, fundPay);

  return {
    region: region.code,
    policyVersion: segment.version,
    policyHash: region.hash,
    benefitGroup: decision.group,
    totalCost: fenToYuan(lines.total),
    fullSelfPay: fenToYuan(lines.fullSelfPay),
    overLimitSelfPay: fenToYuan(lines.overLimitSelfPay),
    firstSelfPay: fenToYuan(lines.firstSelfPay),
    inScope: fenToYuan(lines.inScope),
    deductible: fenToYuan(deductible),
    rate,
    fundPay: fenToYuan(fundPay),
    pooledSelfPay: fenToYuan(pooledSelfPay),
    overCap: fenToYuan(overCap),
    institutionBorne: fenToYuan(lines.institutionBorne),
    personalPart: fenToYuan(personalPart),
    accountPay: fenToYuan(accountPay),
    cashPay: fenToYuan(cashPay),
    items: lines.items,
    ytd: accumulatorsInYuan(accumulate(input.ytd, decision, deductible, fundPay, lines.inScope)),
    trace: trace.events,
  };
}

/** Validates a CALC_CONTRACT.md request and settles it. Throws CalcInputError on bad input. */
export function calculate(book: PolicyBook, raw: unknown): CalcResult {
  return calculateParsed(parseRequest(book, raw));
}

export type { VisitInput };
