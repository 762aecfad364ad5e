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

type Opt = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A plain-language description of a chart's figures for screen readers, from its option:
 * each series' name and its (category, value) pairs; ECharts' own description reads stacked
 * bars' internal dimensions ("…的数据是1，0，1，NaN"). Null when the option has no simple
 * series (the chart's label alone is then announced). */
export function describe(option: Opt): string | null {
  const zh = getLang() === 'zh';
  const axis = (a: unknown): string[] | null => {
    const x = (Array.isArray(a) ? a[0] : a) as Opt | undefined;
    return x && Array.isArray(x.data) ? x.data.map((d: unknown) => String(typeof d === 'object' && d ? (d as Opt).value : d)) : null;
  };
  const cats = axis(option.xAxis) || axis(option.yAxis);
  const series = (Array.isArray(option.series) ? option.series : option.series ? [option.series] : []) as Opt[];
  if (!series.length) return null;
  const parts: string[] = [];
  for (const sr of series) {
    if (!Array.isArray(sr.data)) return null;
    const vals = sr.data.map((d: unknown, i: number) => {
      const o = typeof d === 'object' && d !== null ? (d as Opt) : null;
      const v = o ? (Array.isArray(o.value) ? o.value[o.value.length - 1] : o.value) : Array.isArray(d) ? d[d.length - 1] : d;
      const name = (o && o.name) || (cats ? cats[i] : String(i + 1));
      const n = typeof v === 'number' ? v : Number(v);
      return `${name}${zh ? '：' : ': '}${Number.isFinite(n) ? n.toLocaleString(zh ? 'zh-CN' : 'en') : '—'}`;
    });
    parts.push(`${sr.name ? sr.name + (zh ? '——' : ' — ') : ''}${vals.join(zh ? '，' : ', ')}`);
  }
  return parts.join(zh ? '；' : '; ');
}

let loader: Promise<typeof import('./echarts-setup')> | null = null;
const load = () => (loader ||= import('./echarts-setup'));

function withAria(option: EChartsCoreOption, label: string): EChartsCoreOption {
  const d = describe(option as Opt);
  return { ...base, ...option, aria: d ? { enabled: true, label: { description: `${label}${getLang() === 'zh' ? '。' : '. '}${d}` } } : { enabled: true } };
}

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
      c.setOption(withAria(option.current, props.label), true);
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
    chart.current?.setOption(withAria(props.option, props.label), true);
  }, [props.option]);
  return <div class="chart" ref={el} style={{ height: (props.height || 300) + 'px' }} aria-label={props.label} id={props.id} data-chart />;
}

export const axisStyle = {
  axisLine: { lineStyle: { color: palette.line } },
  axisLabel: { color: palette.axis },
  splitLine: { lineStyle: { color: palette.line } },
};
