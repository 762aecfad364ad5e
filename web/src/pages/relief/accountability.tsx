// accountability.tsx — government accountability (SPEC §11): the regions ranked by how they
// keep the statutory clock and recover wages, a chart of the scores (regions below the
// thresholds in red) and the table with every figure behind it.
import { useMemo } from 'preact/hooks';
import { qs } from '../../api';
import { t } from '../../i18n';
import { setQuery } from '../../router';
import { money, region } from '../../format';
import { Chart, axisStyle, palette } from '../../components/chart';
import { Card, DataTable, PageTitle, Show, useFetch } from '../../components/ui';

interface Row {
  rank: number;
  region: string;
  cases: number;
  accept_rate: string | null;
  conclude_rate: string | null;
  claimed: string;
  recovered: string;
  recovery_rate: string | null;
  red_warnings: number;
  score: string | null;
  flagged: boolean;
  below: string[];
}
interface Acc {
  from: string;
  to: string;
  depth: number;
  thresholds: { accept: number; conclude: number; recovery: number };
  regions: Row[];
}

const pct = (v: string | null) => (v === null ? '—' : v + '%');

function ScoreChart({ rows }: { rows: Row[] }) {
  const opt = useMemo(() => {
    const rs = [...rows].reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100, ...axisStyle },
      yAxis: { type: 'category', data: rs.map((r) => region(r.region)), ...axisStyle },
      series: [
        {
          name: t('relief.acc.score'),
          type: 'bar',
          barMaxWidth: 22,
          data: rs.map((r) => ({ value: Number(r.score ?? 0), itemStyle: { color: r.flagged ? palette.red : palette.blue } })),
        },
      ],
    };
  }, [rows]);
  return <Chart option={opt} label={t('relief.acc.chart')} height={Math.max(220, rows.length * 30 + 40)} id="chart-accountability" />;
}

export function AccountabilityPage({ query }: { query: URLSearchParams }) {
  const from = query.get('from') || '';
  const to = query.get('to') || '';
  const res = useFetch<Acc>('/accountability' + qs({ from, to }));
  return (
    <>
      <PageTitle sub={t('relief.acc.sub')}>{t('relief.acc.title')}</PageTitle>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <div class="field field-inline">
          <label for="a-from">{t('relief.acc.from')}</label>
          <input id="a-from" type="date" value={from} onChange={(e) => setQuery({ from: (e.target as HTMLInputElement).value, to }, true)} />
        </div>
        <div class="field field-inline">
          <label for="a-to">{t('relief.acc.to')}</label>
          <input id="a-to" type="date" value={to} onChange={(e) => setQuery({ from, to: (e.target as HTMLInputElement).value }, true)} />
        </div>
      </form>
      <Show res={res}>
        {(a) => (
          <>
            <Card title={t('relief.acc.chart')} id="acc-chart">
              <p class="muted">{t('relief.acc.period', { from: a.from, to: a.to, accept: a.thresholds.accept, conclude: a.thresholds.conclude, recovery: a.thresholds.recovery })}</p>
              <ScoreChart rows={a.regions} />
            </Card>
            <div class="card card-flush">
              <DataTable<Row>
                id="acc-table"
                caption={t('relief.acc.title')}
                rows={a.regions}
                rowKey={(r) => r.region}
                columns={[
                  { label: t('relief.acc.rank'), render: (r) => r.rank, align: 'right' },
                  { label: t('relief.acc.region'), render: (r) => region(r.region) + (r.region !== region(r.region) ? ` (${r.region})` : '') },
                  { label: t('relief.acc.cases'), render: (r) => r.cases, align: 'right' },
                  { label: t('relief.acc.acceptRate'), render: (r) => <span class={r.below.includes('accept') ? 'num-red' : ''}>{pct(r.accept_rate)}</span>, align: 'right' },
                  { label: t('relief.acc.concludeRate'), render: (r) => <span class={r.below.includes('conclude') ? 'num-red' : ''}>{pct(r.conclude_rate)}</span>, align: 'right' },
                  { label: t('relief.acc.recovered'), render: (r) => `${money(r.recovered)} / ${money(r.claimed)}`, align: 'right' },
                  { label: t('relief.acc.recoveryRate'), render: (r) => <span class={r.below.includes('recovery') ? 'num-red' : ''}>{pct(r.recovery_rate)}</span>, align: 'right' },
                  { label: t('relief.acc.red'), render: (r) => r.red_warnings, align: 'right' },
                  { label: t('relief.acc.score'), render: (r) => pct(r.score), align: 'right' },
                  { label: t('relief.acc.flag'), render: (r) => (r.flagged ? <span class="badge badge-red" data-flagged="1">{t('relief.acc.below')}</span> : '—') },
                ]}
              />
            </div>
          </>
        )}
      </Show>
    </>
  );
}
