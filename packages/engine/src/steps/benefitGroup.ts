// Step 2 — which benefit pool pays and at which level (REFERENCE_POLICY.md §3–§5, §8 "Benefit group").
import type { BenefitGroup, Level } from '../contract.js';
import type { PolicySegment } from '../policy-compiler/types.js';
import type { VisitInput } from '../request/visit.js';
import { LEVEL_NAME, type Trace } from '../trace.js';

export interface BenefitDecision {
  group: BenefitGroup;
  level: Level | null; // the level whose benefits apply; null for an OTC purchase
  tuberculosis: boolean; // a chronic visit for tuberculosis (A15–A19)
}

/** A certified code covers the diagnosis when equal, or when the diagnosis extends it with "." (§8). */
export function diagnosisMatches(diagnosis: string, certified: string): boolean {
  return (
    diagnosis === certified || (diagnosis.startsWith(certified) && diagnosis.charAt(certified.length) === '.')
  );
}

function certifiedFor(input: VisitInput): string | null {
  const diagnosis = input.visit.diagnosis;
  if (diagnosis === null) return null;
  return input.person.chronicDiseases.find((c) => diagnosisMatches(diagnosis, c)) ?? null;
}

function isTuberculosis(diagnosis: string, segment: PolicySegment): boolean {
  const category = diagnosis.slice(0, 3);
  return segment.region.tuberculosisCodes.includes(category);
}

export function decideBenefitGroup(input: VisitInput, segment: PolicySegment, trace: Trace): BenefitDecision {
  const { visit, institution } = input;
  const level = institution.level;
  switch (visit.kind) {
    case 'outpatient':
    case 'emergency':
      return { group: 'general_outpatient', level, tuberculosis: false };
    case 'pharmacy': {
      const rx = visit.ePrescription;
      if (rx) {
        trace.applied(
          'R-D8',
          `凭${LEVEL_NAME[rx.fromLevel]}医疗机构电子处方在定点药店购药，按处方机构等级的普通门诊统筹待遇支付`,
        );
        return { group: 'general_outpatient', level: rx.fromLevel, tuberculosis: false };
      }
      trace.applied('R-A12', '无电子处方在定点药店购药（非处方药），统筹基金不予支付');
      return { group: 'none', level: null, tuberculosis: false };
    }
    case 'chronic_outpatient':
    case 'special_outpatient': {
      const certified = certifiedFor(input);
      const diagnosis = visit.diagnosis ?? '';
      const chronic = visit.kind === 'chronic_outpatient';
      const rule = chronic ? 'R-C10' : 'R-C8';
      const name = chronic ? '门诊慢性病' : '门诊特殊病种';
      if (certified === null) {
        trace.applied(
          rule,
          `诊断 ${diagnosis} 不在参保人已认定的病种内，不享受${name}待遇，按普通门诊统筹支付`,
        );
        return { group: 'general_outpatient', level, tuberculosis: false };
      }
      trace.applied(rule, `诊断 ${diagnosis} 属参保人已认定病种 ${certified}，按${name}待遇支付`);
      return {
        group: chronic ? 'chronic_outpatient' : 'special_outpatient',
        level,
        tuberculosis: chronic && isTuberculosis(diagnosis, segment),
      };
    }
    case 'inpatient':
      return { group: 'inpatient', level, tuberculosis: false };
    case 'family_bed':
      trace.applied('R-C4', '家庭病床按基层住院规定支付（基层住院比例，家庭病床起付线）');
      return { group: 'family_bed', level, tuberculosis: false };
  }
}
