// 合规校验 (REQUIREMENTS.md § H): a region's policy, version by version, against the guidance's fixed
// numbers (policy/guidance.yaml). Settlement always applies the version in force; this check is how
// a policy maker learns that a version breaches the guidance (REFERENCE_POLICY.md §1: the demo's 2025).
import { LEVELS } from '../contract.js';
import type { GroupBenefits, RegionPolicy } from '../policy-compiler/types.js';

export interface Guidance {
  'R-H1': { minimum: number };
  'R-H2': { minimumGap: number };
  'R-H3': { maximum: number };
  'R-H4': { minimum: number; tuberculosisMinimum: number };
  'R-H5': { equals: number };
  'R-H6': { maximumMagnitude: number };
  'R-H7': { gateRequired: boolean };
}

export interface ComplianceFinding {
  rule: keyof Guidance;
  version: string;
  from: string; // the segment's first day
  group: string | null; // "resident/adult", or null for region-wide parameters
  ok: boolean;
  text: string; // 中文: what was compared
}

function residentGroups(
  region: RegionPolicy,
  groups: ReadonlyMap<string, GroupBenefits>,
): [string, GroupBenefits][] {
  const categories = region.schemes.get('resident') ?? [];
  return categories.flatMap((c) => {
    const g = groups.get(`resident/${c}`);
    return g ? [[`resident/${c}`, g] as [string, GroupBenefits]] : [];
  });
}

/** Every constraint, for every segment of the region; `ok: false` rows are the breaches. */
export function checkCompliance(region: RegionPolicy, guidance: Guidance): ComplianceFinding[] {
  const findings: ComplianceFinding[] = [];
  for (const segment of region.segments) {
    const at = { version: segment.version, from: segment.from };
    const add = (rule: keyof Guidance, group: string | null, ok: boolean, text: string): void => {
      findings.push({ rule, ...at, group, ok, text });
    };
    for (const [group, g] of residentGroups(region, segment.groups)) {
      const out = g.generalOutpatient;
      add(
        'R-H1',
        group,
        out.rate.primary >= guidance['R-H1'].minimum,
        `基层普通门诊支付比例${out.rate.primary}%，应不低于${guidance['R-H1'].minimum}%`,
      );
      for (const [name, rates] of [
        ['普通门诊', out.rate],
        ['住院', g.inpatient.rate],
      ] as const) {
        for (const level of LEVELS.filter((l) => l !== 'primary')) {
          const gap = rates.primary - rates[level];
          add(
            'R-H2',
            group,
            gap >= guidance['R-H2'].minimumGap,
            `${name}基层${rates.primary}%与${level === 'secondary' ? '二级' : '三级'}${rates[level]}%相差${gap}个百分点，应不少于${guidance['R-H2'].minimumGap}个`,
          );
        }
      }
      add(
        'R-H3',
        group,
        out.deductible.primary <= guidance['R-H3'].maximum * 100,
        `基层普通门诊起付线${out.deductible.primary / 100}元，应为${guidance['R-H3'].maximum}`,
      );
      const chronic = g.chronicOutpatient;
      add(
        'R-H4',
        group,
        chronic.rate.primary >= guidance['R-H4'].minimum,
        `基层门诊慢性病支付比例${chronic.rate.primary}%，应不低于${guidance['R-H4'].minimum}%`,
      );
      const tb = chronic.tuberculosisRate.primary ?? chronic.rate.primary;
      add(
        'R-H4',
        group,
        tb >= guidance['R-H4'].tuberculosisMinimum,
        `基层结核病门诊支付比例${tb}%，应不低于${guidance['R-H4'].tuberculosisMinimum}%`,
      );
      add(
        'R-H7',
        group,
        out.referralGate === guidance['R-H7'].gateRequired,
        `非基层普通门诊${out.referralGate ? '须经基层转诊' : '不设转诊限制'}`,
      );
    }
    const adj = segment.region.inpatientAdjustment;
    add(
      'R-H5',
      null,
      adj.downwardReferral === guidance['R-H5'].equals,
      `向下转诊住院支付比例调整${adj.downwardReferral}个百分点，应为+${guidance['R-H5'].equals}`,
    );
    add(
      'R-H6',
      null,
      Math.abs(adj.crossCountyWithoutReferral) <= guidance['R-H6'].maximumMagnitude,
      `市内跨县就医调整${adj.crossCountyWithoutReferral}个百分点，幅度应不超过${guidance['R-H6'].maximumMagnitude}个`,
    );
  }
  return findings;
}
