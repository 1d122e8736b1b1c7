// 示范市 (policy region `demo`): four counties — two urban districts with community health
// centres and their stations, two rural counties with township centres and their village clinics —
// county and city hospitals (one of them TCM), an internet hospital run by a community centre,
// clinics and designated pharmacies.
import type { Institution } from '../store/records.js';

export const DEMO_REGION = 'demo';

export interface County {
  code: string;
  name: string;
  urban: boolean;
}

export const COUNTIES: readonly County[] = [
  { code: '01', name: '城关区', urban: true },
  { code: '02', name: '东湖区', urban: true },
  { code: '03', name: '青山县', urban: false },
  { code: '04', name: '白河县', urban: false },
];

const URBAN_STREETS = [
  ['东街', '西街', '南湖', '北门'],
  ['滨湖', '新华', '光明', '春华'],
] as const;
const TOWNSHIPS = [
  ['石桥镇', '柳林乡', '白沙镇', '龙泉乡'],
  ['河口镇', '杨庄乡', '马坊镇', '高岭乡'],
] as const;
const VILLAGES = ['村', '庄', '湾'] as const;

const pad2 = (n: number): string => String(n).padStart(2, '0');

function inst(
  id: string,
  name: string,
  type: Institution['type'],
  level: Institution['level'],
  county: County,
  parentId: string | null = null,
): Institution {
  return { id, name, type, level, county: county.name, parentId };
}

/** The region's institutions, parents before their stations and clinics. */
export function demoInstitutions(): Institution[] {
  const list: Institution[] = [];
  const [c1, c2, c3] = COUNTIES as [County, County, County, County];
  // City hospitals (市级三级医院) in the central district.
  list.push(inst('H0000001', '示范市第一人民医院', 'general_hospital', 'tertiary', c1));
  list.push(inst('H0000002', '示范市中心医院', 'general_hospital', 'tertiary', c2));
  list.push(inst('H0000003', '示范市中医医院', 'tcm_hospital', 'tertiary', c1));
  for (const county of COUNTIES) {
    const base = `H${county.code}`;
    list.push(inst(`${base}00010`, `${county.name}人民医院`, 'general_hospital', 'secondary', county));
    if (!county.urban)
      list.push(inst(`${base}00011`, `${county.name}中医院`, 'tcm_hospital', 'secondary', county));
    if (county.urban) {
      const streets = URBAN_STREETS[county === c1 ? 0 : 1];
      streets.forEach((street, i) => {
        const centre = `${base}1${pad2(i)}00`;
        list.push(
          inst(centre, `${county.name}${street}社区卫生服务中心`, 'community_centre', 'primary', county),
        );
        for (let s = 1; s <= 3; s++)
          list.push(
            inst(
              `${base}1${pad2(i)}0${s}`,
              `${street}第${s}社区卫生服务站`,
              'community_station',
              'primary',
              county,
              centre,
            ),
          );
      });
      list.push(inst(`${base}30001`, `${county.name}仁和诊所`, 'clinic', 'primary', county));
    } else {
      const towns = TOWNSHIPS[county === c3 ? 0 : 1];
      towns.forEach((town, i) => {
        const centre = `${base}2${pad2(i)}00`;
        list.push(inst(centre, `${county.name}${town}卫生院`, 'township_centre', 'primary', county));
        for (let v = 1; v <= 3; v++)
          list.push(
            inst(
              `${base}2${pad2(i)}0${v}`,
              `${town}${['上', '中', '下'][v - 1] ?? ''}${VILLAGES[v - 1] ?? '村'}卫生室`,
              'village_clinic',
              'primary',
              county,
              centre,
            ),
          );
      });
    }
    for (let p = 1; p <= 2; p++)
      list.push(
        inst(
          `P${county.code}0000${p}`,
          `${county.name}${p === 1 ? '惠民' : '同仁堂'}大药房`,
          'pharmacy',
          null,
          county,
        ),
      );
  }
  // R-A11: an internet hospital set up by a community centre takes its founder's (primary) level.
  list.push(inst('H0110099', '东街社区互联网医院', 'internet_hospital', 'primary', c1, 'H0110000'));
  return list;
}

export function countyOf(institutions: readonly Institution[], countyName: string): Institution[] {
  return institutions.filter((i) => i.county === countyName);
}
