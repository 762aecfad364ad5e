// dashboard.tsx — the regulator's overview from GET /api/v1/dashboard: totals, warnings by
// level and by region, arrears over time and the projects most at risk (charts with the same
// figures available as tables).
import { useMemo, useState } from 'preact/hooks';
import { t } from '../i18n';
import { int, money, num, paren, period, region, shortMoney } from '../format';
import { Card, DataTable, PageTitle, Show, useFetch } from '../components/ui';
import { Chart, axisStyle, palette } from '../components/chart';

interface Dashboard {
  as_of: string;
  warnings_by_level: { yellow: number; orange: number; red: number };
  warnings_by_region: { region_code: string; yellow: number; orange: number; red: number }[];
  arrears_by_period: { period: string; unpaid: string; workers: number }[];
  top_projects: { code: string; name: string; region_code: string; red: number; orange: number; unpaid: string }[];
  totals: { projects: number; workers: number; open_warnings: number };
}

const levels = ['red', 'orange', 'yellow'] as const;
const levelColor = { red: palette.red, orange: palette.orange, yellow: palette.yellow };

function TableToggle(props: { id: string; children: preact.ComponentChildren }) {
  const [open, setOpen] = useState(false);
  return (
    <div class="table-toggle">
      <button type="button" class="btn btn-link" aria-expanded={open} aria-controls={props.id} onClick={() => setOpen(!open)}>
        {t('dash.showTable')}
      </button>
      <div id={props.id} hidden={!open}>
        {props.children}
      </div>
    </div>
  );
}

function Body({ d }: { d: Dashboard }) {
  const lv = d.warnings_by_level || { yellow: 0, orange: 0, red: 0 };
  const regions = [...(d.warnings_by_region || [])].sort((a, b) => b.red + b.orange + b.yellow - (a.red + a.orange + a.yellow));
  const arrears = d.arrears_by_period || [];
  const top = d.top_projects || [];
  const latest = arrears.length ? arrears[arrears.length - 1] : null;

  const levelOpt = useMemo(() => {
    const total = levels.reduce((n, l) => n + (lv[l] || 0), 0);
    const names = Object.fromEntries(levels.map((l) => [t(('level.' + l) as 'level.red'), lv[l] || 0]));
    return {
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0, icon: 'circle', formatter: (name: string) => `${name} ${int(names[name])}` },
      title: {
        text: int(total),
        subtext: t('dash.openWarnings'),
        left: 'center',
        top: '36%',
        textStyle: { fontSize: 26, fontWeight: 700, color: palette.text },
        subtextStyle: { fontSize: 12, color: palette.axis },
      },
      series: [
        {
          type: 'pie',
          radius: ['52%', '74%'],
          center: ['50%', '45%'],
          itemStyle: { borderColor: '#fff', borderWidth: 2 },
          label: { show: false },
          data: levels.map((l) => ({ name: t(('level.' + l) as 'level.red'), value: lv[l] || 0, itemStyle: { color: levelColor[l] } })),
        },
      ],
    };
  }, [d]);

  const regionOpt = useMemo(() => {
    const rs = [...regions].reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 8, bottom: 32, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, ...axisStyle },
      yAxis: { type: 'category', data: rs.map((r) => region(r.region_code)), ...axisStyle },
      series: levels.map((l) => ({
        name: t(('level.' + l) as 'level.red'),
        type: 'bar',
        stack: 'n',
        barMaxWidth: 22,
        itemStyle: { color: levelColor[l] },
        data: rs.map((r) => r[l] || 0),
      })),
    };
  }, [d]);

  const arrearsOpt = useMemo(
    () => ({
      tooltip: {
        trigger: 'axis',
        valueFormatter: undefined,
      },
      legend: { bottom: 0 },
      grid: { left: 8, right: 8, top: 24, bottom: 32, containLabel: true },
      xAxis: { type: 'category', data: arrears.map((a) => period(a.period)), ...axisStyle },
      yAxis: [
        { type: 'value', name: t('dash.unpaidAmount'), nameTextStyle: { align: 'left', color: palette.axis }, axisLabel: { formatter: (v: number) => shortMoney(v), color: palette.axis }, splitLine: axisStyle.splitLine },
        { type: 'value', name: t('dash.unpaidWorkers'), nameTextStyle: { align: 'right', color: palette.axis }, minInterval: 1, splitLine: { show: false }, axisLabel: { color: palette.axis } },
      ],
      series: [
        { name: t('dash.unpaidAmount'), type: 'bar', barMaxWidth: 36, itemStyle: { color: palette.red }, data: arrears.map((a) => num(a.unpaid)) },
        { name: t('dash.unpaidWorkers'), type: 'line', yAxisIndex: 1, symbolSize: 7, itemStyle: { color: palette.blue }, lineStyle: { width: 2 }, data: arrears.map((a) => a.workers) },
      ],
    }),
    [d],
  );

  const topOpt = useMemo(() => {
    const ps = [...top].slice(0, 10).reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => shortMoney(v), color: palette.axis }, splitLine: axisStyle.splitLine },
      yAxis: {
        type: 'category',
        data: ps.map((p) => p.code),
        ...axisStyle,
      },
      series: [
        {
          name: t('col.unpaid'),
          type: 'bar',
          barMaxWidth: 20,
          data: ps.map((p) => ({ value: num(p.unpaid), itemStyle: { color: p.red > 0 ? palette.red : p.orange > 0 ? palette.orange : palette.yellow } })),
          label: { show: true, position: 'right', formatter: (x: { value: number }) => shortMoney(x.value), color: palette.text },
        },
      ],
    };
  }, [d]);

  return (
    <>
      <ul class="kpis" aria-label={t('dash.title')}>
        <li class="kpi">
          <span class="kpi-label">{t('dash.projects')}</span>
          <span class="kpi-value">{int(d.totals?.projects)}</span>
        </li>
        <li class="kpi">
          <span class="kpi-label">{t('dash.workers')}</span>
          <span class="kpi-value">{int(d.totals?.workers)}</span>
        </li>
        <li class="kpi kpi-warn">
          <span class="kpi-label">{t('dash.openWarnings')}</span>
          <span class="kpi-value">
            <a href="/warnings?open=1">{int(d.totals?.open_warnings)}</a>
          </span>
        </li>
        <li class="kpi kpi-red">
          <span class="kpi-label">
            {t('dash.unpaid')}
            {latest ? ' · ' + period(latest.period) : ''}
          </span>
          <span class="kpi-value">{money(latest ? latest.unpaid : '0.00')}</span>
        </li>
      </ul>

      <div class="grid-2">
        <Card title={t('dash.byLevel')} id="c-level">
          <Chart option={levelOpt} label={t('dash.byLevel')} height={280} id="chart-level" />
          <TableToggle id="t-level">
            <DataTable
              caption={t('dash.byLevel')}
              captionHidden
              columns={[
                { label: t('col.level'), render: (l: string) => t(('level.' + l) as 'level.red') },
                { label: t('col.total'), render: (l: string) => int(lv[l as 'red'] || 0), align: 'right' },
              ]}
              rows={[...levels]}
            />
          </TableToggle>
        </Card>
        <Card title={t('dash.byRegion')} id="c-region">
          <Chart option={regionOpt} label={t('dash.byRegion')} height={Math.max(280, regions.length * 30 + 60)} id="chart-region" />
          <TableToggle id="t-region">
            <DataTable
              caption={t('dash.byRegion')}
              captionHidden
              columns={[
                { label: t('col.region'), render: (r) => paren(region(r.region_code), r.region_code) },
                { label: t('col.red'), render: (r) => int(r.red), align: 'right' },
                { label: t('col.orange'), render: (r) => int(r.orange), align: 'right' },
                { label: t('col.yellow'), render: (r) => int(r.yellow), align: 'right' },
              ]}
              rows={regions}
            />
          </TableToggle>
        </Card>
      </div>

      <Card title={t('dash.arrears')} id="c-arrears">
        <Chart option={arrearsOpt} label={t('dash.arrears')} height={320} id="chart-arrears" />
        <TableToggle id="t-arrears">
          <DataTable
            caption={t('dash.arrears')}
            captionHidden
            columns={[
              { label: t('col.period'), render: (a) => period(a.period) },
              { label: t('dash.unpaidAmount'), render: (a) => money(a.unpaid), align: 'right' },
              { label: t('dash.unpaidWorkers'), render: (a) => int(a.workers), align: 'right' },
            ]}
            rows={arrears}
          />
        </TableToggle>
      </Card>

      <Card title={t('dash.top')} id="c-top">
        <div class="split">
          <Chart option={topOpt} label={t('dash.top')} height={Math.max(240, Math.min(top.length, 10) * 34 + 40)} id="chart-top" />
          <DataTable
            caption={t('dash.top')}
            captionHidden
            columns={[
              { label: t('col.projectName'), render: (p) => <a href={'/projects/' + encodeURIComponent(p.code)}>{p.name || p.code}</a> },
              { label: t('col.region'), render: (p) => region(p.region_code) },
              { label: t('col.red'), render: (p) => (p.red ? <span class="num-red">{p.red}</span> : '0'), align: 'right' },
              { label: t('col.orange'), render: (p) => int(p.orange), align: 'right' },
              { label: t('col.unpaid'), render: (p) => money(p.unpaid), align: 'right' },
            ]}
            rows={top}
            rowKey={(p) => p.code}
          />
        </div>
      </Card>
    </>
  );
}

export function DashboardPage() {
  const res = useFetch<Dashboard>('/dashboard');
  return (
    <>
      <PageTitle sub={res.data ? t('dash.asOf', { date: res.data.as_of }) : undefined}>{t('dash.title')}</PageTitle>
      <Show res={res}>{(d) => <Body d={d} />}</Show>
    </>
  );
}
