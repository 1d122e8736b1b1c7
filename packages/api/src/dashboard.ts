// 管理控制台首页统计: net of reversals; the primary-care shares count medical institutions only.
import { Type, type Static } from 'typebox';
import { DateString, Nullable } from './common.js';

const Share = Type.Union([Type.Number(), Type.Null()], { description: '百分比，一位小数；无就诊时为空' });

/** 分组合计: fund paid and visits by one key (level, scheme, benefit group). */
export const Breakdown = Type.Object({ key: Type.String(), fundPay: Type.Number(), visits: Type.Integer() });
export type Breakdown = Static<typeof Breakdown>;

export const DashboardMonth = Type.Object({
  month: Type.String(),
  visits: Type.Integer(),
  primaryVisits: Type.Integer(),
  primaryVisitShare: Share,
  fundPay: Type.Number(),
  primaryFundPay: Type.Number(),
  primaryFundShare: Share,
});
export type DashboardMonth = Static<typeof DashboardMonth>;

export const Dashboard = Type.Object(
  {
    from: Type.String(),
    to: Type.String(),
    county: Nullable(Type.String()),
    counts: Type.Object({ settlements: Type.Integer(), reversals: Type.Integer(), net: Type.Integer() }),
    totals: Type.Object({
      totalCost: Type.Number(),
      fundPay: Type.Number(),
      institutionBorne: Type.Number(),
      primaryVisitShare: Share,
      primaryFundShare: Share,
    }),
    months: Type.Array(DashboardMonth),
    fundByLevel: Type.Array(Breakdown),
    fundByScheme: Type.Array(Breakdown),
    fundByBenefitGroup: Type.Array(Breakdown),
    institutionBorneByLevel: Type.Array(Breakdown),
    counties: Type.Array(Type.String()),
  },
  {
    description:
      '首页统计。就诊人次与金额均为撤销轧差后的净值；基层占比按医疗机构计（不含药店）。金额单位：元。',
  },
);
export type Dashboard = Static<typeof Dashboard>;

export const DashboardQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ ...DateString, description: '起始日期（含），缺省为今年 1 月 1 日' })),
    to: Type.Optional(Type.String({ ...DateString, description: '截止日期（含），缺省为今年 12 月 31 日' })),
    county: Type.Optional(Type.String({ maxLength: 64, description: '所在县（区）' })),
  },
  { additionalProperties: false },
);
export type DashboardQuery = Static<typeof DashboardQuery>;
