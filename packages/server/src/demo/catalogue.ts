// A small catalogue of billable lines (收费项目/药品目录) with realistic prices, by care setting.
export interface CatalogueItem {
  code: string;
  name: string;
  kind: 'drug' | 'service' | 'material';
  class: 'A' | 'B' | 'self';
  price: readonly [number, number]; // yuan, min–max
  quantity?: readonly [number, number];
  selfPayRatio?: number; // Class B
}

export const CONSULTATION: CatalogueItem = {
  code: '110200001',
  name: '普通门诊诊查费',
  kind: 'service',
  class: 'A',
  price: [10, 25],
};
export const EXPERT_CONSULTATION: CatalogueItem = {
  code: '110200003',
  name: '主任医师门诊诊查费',
  kind: 'service',
  class: 'A',
  price: [30, 60],
};
export const INTERNET_FOLLOW_UP: CatalogueItem = {
  code: '111100001',
  name: '互联网复诊费',
  kind: 'service',
  class: 'A',
  price: [10, 20],
};
export const TCM_CONSULTATION: CatalogueItem = {
  code: '110200005',
  name: '中医辨证论治',
  kind: 'service',
  class: 'A',
  price: [15, 40],
};

export const PRIMARY_DRUGS: readonly CatalogueItem[] = [
  { code: 'XJ01CAA040A', name: '阿莫西林胶囊', kind: 'drug', class: 'A', price: [8, 20] },
  { code: 'XA10BAA042A', name: '二甲双胍片', kind: 'drug', class: 'A', price: [6, 18], quantity: [1, 3] },
  {
    code: 'XC08CAA035A',
    name: '苯磺酸氨氯地平片',
    kind: 'drug',
    class: 'A',
    price: [9, 25],
    quantity: [1, 3],
  },
  {
    code: 'XC10AAA158B',
    name: '阿托伐他汀钙片',
    kind: 'drug',
    class: 'B',
    price: [20, 60],
    selfPayRatio: 0.1,
  },
  {
    code: 'XR05XAL077B',
    name: '复方甘草口服溶液',
    kind: 'drug',
    class: 'B',
    price: [5, 12],
    selfPayRatio: 0.05,
  },
  { code: 'XN02BEB016A', name: '对乙酰氨基酚片', kind: 'drug', class: 'A', price: [3, 9] },
  { code: 'ZA01BAZ001B', name: '连花清瘟胶囊', kind: 'drug', class: 'B', price: [14, 28], selfPayRatio: 0.1 },
  { code: 'ZS0001', name: '维生素保健品', kind: 'drug', class: 'self', price: [30, 120] },
];

export const PRIMARY_SERVICES: readonly CatalogueItem[] = [
  { code: '250101001', name: '血常规', kind: 'service', class: 'A', price: [15, 25] },
  { code: '250302001', name: '血糖测定', kind: 'service', class: 'A', price: [8, 15] },
  { code: '120400001', name: '静脉输液', kind: 'service', class: 'A', price: [8, 15] },
  { code: '310701001', name: '心电图', kind: 'service', class: 'A', price: [20, 35] },
  { code: '420000001', name: '针灸', kind: 'service', class: 'B', price: [30, 60], selfPayRatio: 0.1 },
];

export const HOSPITAL_LINES: readonly CatalogueItem[] = [
  { code: '210103001', name: '胸部CT平扫', kind: 'service', class: 'A', price: [180, 320] },
  { code: '220100001', name: '彩色多普勒超声', kind: 'service', class: 'A', price: [90, 180] },
  { code: '250401001', name: '肝功能检测', kind: 'service', class: 'A', price: [40, 90] },
  { code: '270800001', name: '病理检查', kind: 'service', class: 'B', price: [120, 300], selfPayRatio: 0.1 },
  {
    code: 'XJ01DDA110B',
    name: '头孢曲松钠注射剂',
    kind: 'drug',
    class: 'B',
    price: [30, 90],
    selfPayRatio: 0.1,
  },
  {
    code: 'XA10AEA083B',
    name: '甘精胰岛素注射液',
    kind: 'drug',
    class: 'B',
    price: [150, 220],
    selfPayRatio: 0.1,
  },
  {
    code: 'XL01XCR096B',
    name: '利妥昔单抗注射液',
    kind: 'drug',
    class: 'B',
    price: [1200, 2400],
    selfPayRatio: 0.2,
  },
  { code: 'HC0301', name: '一次性输液器', kind: 'material', class: 'A', price: [3, 8] },
  { code: 'HC1102', name: '进口留置针', kind: 'material', class: 'B', price: [40, 90], selfPayRatio: 0.2 },
  { code: 'ZS0102', name: '特需病房服务', kind: 'service', class: 'self', price: [100, 300] },
];

export const INPATIENT_DAILY: readonly CatalogueItem[] = [
  { code: '110900001', name: '床位费', kind: 'service', class: 'A', price: [40, 80] },
  { code: '121500001', name: '一级护理', kind: 'service', class: 'A', price: [20, 40] },
];

export const INPATIENT_STAY: readonly CatalogueItem[] = [
  { code: '331303001', name: '腹腔镜胆囊切除术', kind: 'service', class: 'A', price: [2200, 3800] },
  { code: '330100005', name: '全身麻醉', kind: 'service', class: 'A', price: [600, 1200] },
  {
    code: '340200015',
    name: '康复治疗（运动疗法）',
    kind: 'service',
    class: 'B',
    price: [200, 600],
    selfPayRatio: 0.1,
  },
  { code: 'HC2301', name: '可吸收缝线', kind: 'material', class: 'B', price: [150, 400], selfPayRatio: 0.2 },
  ...HOSPITAL_LINES,
];

export const HEMODIALYSIS: CatalogueItem = {
  code: '311000006',
  name: '血液透析',
  kind: 'service',
  class: 'A',
  price: [380, 480],
};
export const CHEMOTHERAPY: CatalogueItem = {
  code: '311400002',
  name: '静脉化疗',
  kind: 'service',
  class: 'A',
  price: [300, 800],
};
export const TCM_HERBS: CatalogueItem = {
  code: 'ZY000001',
  name: '中药饮片（7剂）',
  kind: 'drug',
  class: 'B',
  price: [80, 260],
  selfPayRatio: 0.1,
};
