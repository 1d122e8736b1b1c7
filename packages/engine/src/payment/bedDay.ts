// Per bed-day payment 按床日 (PAYMENT_POLICY.md §4, R-E4): the paid days of one settlement of a stay,
// by phase, up to the care type's cap, at the level's standard and the stay's settled rate.
import type { Level } from '../contract.js';
import { roundQuotient, yuanText } from './arith.js';
import type { BedDayCareType, PaymentEvent, PaymentVersion } from './types.js';

export interface BedDayUnits {
  bedDays: number; // days paid
  amount: number; // fen
  events: PaymentEvent[];
}

const CARE_NAME: Record<BedDayCareType, string> = {
  rehabilitation: '康复',
  hospice: '安宁疗护',
  chronic_care: '长期慢性病',
};

/**
 * Days bedDaysBefore + 1 … bedDaysBefore + lengthOfStay; days above the cap earn nothing.
 * bedDayAmount = round(Σ over paid days of standard × phase × rate), once per record.
 */
export function bedDayUnits(
  version: PaymentVersion,
  careType: BedDayCareType,
  level: Level,
  lengthOfStay: number,
  bedDaysBefore: number,
  ratePercent: number,
): BedDayUnits {
  const standard = version.bedDayStandards[careType];
  const perDay = standard.perDay[level];
  const first = bedDaysBefore + 1;
  const last = Math.min(bedDaysBefore + lengthOfStay, standard.capDays);
  const phases = version.bedDayPhases;
  let numerator = 0n; // Σ days × fen × phase percent
  const parts: string[] = [];
  phases.forEach((p, i) => {
    const end = (phases[i + 1]?.fromDay ?? Infinity) - 1;
    const from = Math.max(first, p.fromDay);
    const to = Math.min(last, end);
    if (to < from) return;
    const days = to - from + 1;
    numerator += BigInt(days) * BigInt(perDay) * BigInt(p.percent);
    parts.push(`第${from}–${to}天 ${days}天 × ${yuanText(perDay)}元 × ${p.percent}%`);
  });
  const bedDays = Math.max(0, last - first + 1);
  const amount = roundQuotient([Number(numerator), ratePercent], [10_000]);
  const capped = bedDaysBefore + lengthOfStay > standard.capDays;
  const source = version.citations.get('bedDay.standards');
  const phaseSource = version.citations.get('bedDay.phases');
  const params = [];
  if (source)
    params.push({
      name: 'bedDay.standards',
      value: `${careType} ${level} ${yuanText(perDay)}元/日, ${standard.capDays}天`,
      source,
    });
  if (phaseSource)
    params.push({
      name: 'bedDay.phases',
      value: phases.map((p) => `${p.fromDay}:${p.percent}%`).join(' '),
      source: phaseSource,
    });
  const events: PaymentEvent[] = [
    {
      rule: 'R-E4',
      text:
        `${CARE_NAME[careType]}按床日付费：本次结算第${first}–${bedDaysBefore + lengthOfStay}天` +
        (capped ? `，超过最高${standard.capDays}天的部分不付` : '') +
        `；(${parts.length > 0 ? parts.join(' + ') : '无可付床日'}) × 结算比例${ratePercent}% = ${yuanText(amount)}元`,
      amount: amount / 100,
      params,
    },
  ];
  return { bedDays, amount, events };
}
