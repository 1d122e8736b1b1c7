// 选定定点机构 (R-B2): one or two community institutions a year; a centre may be chosen together
// with one of its own stations (the pair counts as one choice). All must be designated.
import type { Database } from '../../db/types.js';
import { Invalid, RuleRefused } from '../../domain/errors.js';
import { upsertChosenInstitutions } from '../../store/registry/care.js';
import type { Change } from '../history.js';
import { mustFindInstitution, type InstitutionView } from '../designation.js';
import { lockedPerson, saved, type CareRecord } from './record.js';

const COMMUNITY_TYPES = [
  'community_centre',
  'community_station',
  'township_centre',
  'village_clinic',
  'clinic',
];

export async function chooseInstitutions(
  db: Database,
  personId: string,
  input: { year: number; institutionIds: string[] },
  change: Change,
): Promise<CareRecord> {
  const ids = input.institutionIds;
  if (new Set(ids).size !== ids.length)
    throw new Invalid('institutionIds', 'duplicate', 'R-B2: 选定机构有重复');
  const insts: InstitutionView[] = [];
  for (const [i, id] of ids.entries()) {
    const field = `institutionIds[${i}]`;
    const inst = await mustFindInstitution(db, id, field);
    if (inst.designation !== 'designated')
      throw new RuleRefused('R-B2', 'not_designated', `R-B2: ${id} 不是定点机构`, field);
    if (!COMMUNITY_TYPES.includes(inst.type)) {
      throw new RuleRefused(
        'R-B2',
        'not_community',
        `R-B2: 选定机构须为社区（基层）医疗机构；${id} 为 ${inst.type}`,
        field,
      );
    }
    insts.push(inst);
  }
  // Group a station with its centre when both are chosen: that pair is one choice.
  const stationsOf = new Map<string, InstitutionView[]>();
  const groups = insts.filter((inst) => {
    const withCentre = inst.parentId !== null && ids.includes(inst.parentId);
    if (withCentre && inst.parentId !== null)
      stationsOf.set(inst.parentId, [...(stationsOf.get(inst.parentId) ?? []), inst]);
    return !withCentre;
  });
  for (const [centre, stations] of stationsOf) {
    if (stations.length > 1) {
      throw new RuleRefused(
        'R-B2',
        'too_many_stations',
        `R-B2: 选择中心 ${centre} 时至多再选其一个服务站`,
        'institutionIds',
      );
    }
  }
  if (groups.length < 1 || groups.length > 2) {
    throw new RuleRefused(
      'R-B2',
      'choice_count',
      `R-B2: 须选定1至2家社区医疗机构（中心及其一个站点算一家），本次为${groups.length}家`,
      'institutionIds',
    );
  }
  return db.transaction(async (tx) => {
    await lockedPerson(tx, personId);
    await upsertChosenInstitutions(tx, personId, { year: input.year, institutionIds: ids });
    return saved(tx, personId, change, `${input.year}-12-31`);
  });
}
