// An ECharts chart. Only the core and the charts the console uses are imported, to keep the
// bundle small; `data-rendered` is set once a chart has drawn (the browser tests wait for it).
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export function EChart({
  option,
  height = 300,
  testId,
}: {
  option: EChartsCoreOption;
  height?: number;
  testId: string;
}) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const [rendered, setRendered] = useState(false);

  useEffect(() => {
    const el = element.current;
    if (el === null) return;
    const instance = echarts.init(el);
    chart.current = instance;
    instance.on('finished', () => {
      setRendered(true);
    });
    const observer = new ResizeObserver(() => {
      instance.resize();
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // No animation: an officer wants the figures at once, and a still chart prints and compares.
    chart.current?.setOption({ animation: false, ...option }, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={element}
      data-testid={testId}
      data-rendered={rendered ? 'true' : 'false'}
      style={{ width: '100%', height }}
    />
  );
}
