// The dashboard's chart options, built from the service's figures in the current language.
import type { EChartsCoreOption } from 'echarts/core';
import type { Breakdown, Dashboard } from '@yibao/api';
import { formatYuan } from '../../format/numbers';
import { label, type LabelFamily } from '../../format/labels';
import type { Translate } from '../../i18n/LocaleContext';

const COLORS = ['#1668dc', '#52c41a', '#faad14', '#eb2f96', '#13c2c2', '#722ed1', '#8c8c8c'];

/** Visits by month as bars, with the primary shares of visits and of fund spending as lines. */
export function primaryShareOption(t: Translate, d: Dashboard): EChartsCoreOption {
  const months = d.months.map((m) => m.month);
  return {
    color: COLORS,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 56, right: 56, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: months },
    yAxis: [
      { type: 'value', name: t('dashboard.visits'), minInterval: 1 },
      { type: 'value', name: '%', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      {
        name: t('dashboard.visits'),
        type: 'bar',
        data: d.months.map((m) => m.visits),
        itemStyle: { color: '#bae0ff' },
      },
      {
        name: t('dashboard.primaryVisits'),
        type: 'bar',
        data: d.months.map((m) => m.primaryVisits),
        itemStyle: { color: '#69b1ff' },
      },
      {
        name: t('dashboard.primaryVisitShare'),
        type: 'line',
        yAxisIndex: 1,
        data: d.months.map((m) => m.primaryVisitShare),
        connectNulls: false,
        itemStyle: { color: '#389e0d' },
      },
      {
        name: t('dashboard.primaryFundShare'),
        type: 'line',
        yAxisIndex: 1,
        data: d.months.map((m) => m.primaryFundShare),
        connectNulls: false,
        itemStyle: { color: '#d46b08' },
      },
    ],
  };
}

export function fundPieOption(t: Translate, rows: Breakdown[], family: LabelFamily): EChartsCoreOption {
  return {
    color: COLORS,
    tooltip: {
      trigger: 'item',
      valueFormatter: (v: unknown) =>
        typeof v === 'number' ? `${formatYuan(v)} ${t('unit.yuanShort')}` : String(v),
    },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['30%', '58%'],
        center: ['50%', '45%'],
        label: { formatter: '{b}\n{d}%', overflow: 'none' },
        labelLine: { length: 8, length2: 8 },
        data: rows.map((r) => ({ name: label(t, family, r.key), value: r.fundPay })),
      },
    ],
  };
}

/** Axis figures in the reader's way of counting large numbers: 1万 in Chinese, 10K in English. */
function compact(locale: string): (value: number) => string {
  const format = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  return (value) => format.format(value);
}

export function fundBarOption(
  t: Translate,
  rows: Breakdown[],
  family: LabelFamily,
  locale: string,
): EChartsCoreOption {
  const sorted = [...rows].sort((a, b) => a.fundPay - b.fundPay);
  return {
    color: COLORS,
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: unknown) =>
        typeof v === 'number' ? `${formatYuan(v)} ${t('unit.yuanShort')}` : String(v),
    },
    grid: { left: 110, right: 24, top: 8, bottom: 24 },
    xAxis: { type: 'value', axisLabel: { formatter: compact(locale) } },
    yAxis: { type: 'category', data: sorted.map((r) => label(t, family, r.key)) },
    series: [{ type: 'bar', name: t('dashboard.fundPay'), data: sorted.map((r) => r.fundPay) }],
  };
}
