// Which institution types go with which levels (REFERENCE_POLICY.md §2, §8 "Level").
import type { InstitutionType, Level } from '../contract.js';

const PRIMARY_TYPES: readonly InstitutionType[] = [
  'community_centre',
  'community_station',
  'township_centre',
  'village_clinic',
  'clinic',
];
const HOSPITAL_TYPES: readonly InstitutionType[] = ['general_hospital', 'tcm_hospital'];

export const LEVEL_RANK: Readonly<Record<Level, number>> = { primary: 1, secondary: 2, tertiary: 3 };

/** Null when the pairing is valid, else the reason in words. */
export function levelMismatch(type: InstitutionType, level: Level | null): string | null {
  if (type === 'pharmacy')
    return level === null ? null : '定点零售药店没有机构等级 (a pharmacy has no level)';
  if (level === null) return '非药店机构须有等级 primary | secondary | tertiary (level required)';
  if (PRIMARY_TYPES.includes(type) && level !== 'primary') return `${type} 属基层医疗机构，等级须为 primary`;
  if (HOSPITAL_TYPES.includes(type) && level === 'primary')
    return `${type} 为医院，等级须为 secondary 或 tertiary`;
  return null; // an internet hospital takes its founder's level, any of the three
}

/** The direction a referral must have between two levels (REFERENCE_POLICY.md §8 "Referral direction"). */
export function expectedDirection(from: Level, to: Level): 'up' | 'down' | 'lateral' {
  const d = LEVEL_RANK[to] - LEVEL_RANK[from];
  return d > 0 ? 'up' : d < 0 ? 'down' : 'lateral';
}
