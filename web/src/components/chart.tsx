// chart.tsx — an ECharts chart in a Preact component. ECharts itself is loaded on first use
// (echarts-setup.ts); the chart follows its box's size, speaks the UI's language in its
// generated accessible description, and is disposed with the component.
import { useEffect, useRef } from 'preact/hooks';
import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { getLang } from '../i18n';

export const palette = {
  blue: '#1f5fad',
  blueLight: '#7fa7d9',
  red: '#c8161d',
  orange: '#e46c0a',
  yellow: '#d4a106',
  green: '#2e7d32',
  grey: '#8a94a6',
  text: '#1f2329',
  axis: '#5c6370',
  line: '#e3e6eb',
};

const base: EChartsCoreOption = {
  textStyle: { fontFamily: 'system-ui, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif', color: palette.text },
  aria: { enabled: true },
  animationDuration: 400,
};

let loader: Promise<typeof import('./echarts-setup')> | null = null;
const load = () => (loader ||= import('./echarts-setup'));

export function Chart(props: { option: EChartsCoreOption; height?: number; label: string; id?: string }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const option = useRef(props.option);
  option.current = props.option;
  useEffect(() => {
    let gone = false;
    let ro: ResizeObserver | null = null;
    load().then(({ echarts }) => {
      if (gone || !el.current) return;
      const c = echarts.init(el.current, undefined, { renderer: 'canvas', locale: getLang() === 'zh' ? 'ZH' : 'EN' });
      chart.current = c;
      c.setOption({ ...base, ...option.current }, true);
      c.on('finished', () => el.current?.setAttribute('data-rendered', '1'));
      ro = new ResizeObserver(() => c.resize());
      ro.observe(el.current);
    });
    return () => {
      gone = true;
      ro?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption({ ...base, ...props.option }, true);
  }, [props.option]);
  return <div class="chart" ref={el} style={{ height: (props.height || 300) + 'px' }} aria-label={props.label} id={props.id} data-chart />;
}

export const axisStyle = {
  axisLine: { lineStyle: { color: palette.line } },
  axisLabel: { color: palette.axis },
  splitLine: { lineStyle: { color: palette.line } },
};
