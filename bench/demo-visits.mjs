// The benchmarks' visit (压测就诊): ten lines of a primary-care visit — consultation, tests, Class A
// and B drugs, a material, one self-paid line — for the nth request, spread over the demo persons
// (DM00000001…), the given institutions, and the days of 2026.
const LINES = [
  ['110200001', '普通门诊诊查费', 'service', 'A', 15],
  ['250101001', '血常规', 'service', 'A', 20],
  ['250302001', '血糖测定', 'service', 'A', 10],
  ['310701001', '心电图', 'service', 'A', 25],
  ['XA10BAA042A', '二甲双胍片', 'drug', 'A', 12.5],
  ['XC08CAA035A', '苯磺酸氨氯地平片', 'drug', 'A', 18.8],
  ['XC10AAA158B', '阿托伐他汀钙片', 'drug', 'B', 36.4],
  ['ZA01BAZ001B', '连花清瘟胶囊', 'drug', 'B', 21.6],
  ['HC0301', '一次性输液器', 'material', 'A', 4.5],
  ['ZS0001', '维生素保健品', 'drug', 'self', 58],
];

/** The settle body of request n (without requestId: the caller names its run). */
export function demoVisit(n, institutions, population) {
  return {
    personId: `DM${String(1 + ((n * 7919) % population)).padStart(8, '0')}`,
    institutionId: institutions[n % institutions.length],
    // January to November: never after today (2026-12-07 when this was written), which the service refuses
    date: `2026-${String(1 + (n % 11)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`,
    visit: { kind: 'outpatient' },
    items: LINES.map(([code, name, kind, cls, price], i) => ({
      code,
      name,
      kind,
      class: cls,
      ...(cls === 'B' ? { selfPayRatio: 0.1 } : {}),
      ...(cls === 'self' ? { consent: true } : {}),
      quantity: 1 + (i % 2),
      unitPrice: price,
    })),
  };
}
