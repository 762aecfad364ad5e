// campaigns.tsx — campaigns (SPEC §10): the list with the one-click winter campaign and a
// special one, and the campaign board a director shows at a meeting: days left, cases
// closed, amounts recovered, workers paid, register entries cleared; progress over time,
// clearing by region (charts with their tables), the screening register with clear-and-close
// (evidence required), the XLSX report and typical cases.
import { useMemo, useState } from 'preact/hooks';
import { ApiError, enc, post } from '../../api';
import { t, tx } from '../../i18n';
import { navigate } from '../../router';
import { int, money, num } from '../../format';
import { Alert, Card, DataTable, Field, PageTitle, Show, errorText, useFetch } from '../../components/ui';
import { Chart, axisStyle, palette } from '../../components/chart';

interface CampaignRow {
  id: number;
  name: string;
  kind: string;
  regions: string;
  industries: string;
  starts_on: string;
  ends_on: string;
}

interface Figures {
  cases_closed: number;
  cases_open: number;
  recovered: string;
  workers_paid: number;
  entries: number;
  cleared: number;
  clearing_rate: string;
  amount: string;
  amount_cleared: string;
  workers: number;
  workers_cleared: number;
  region?: string;
  scope?: boolean;
}

interface Progress {
  campaign: { id: number; name: string; kind: string; regions: string[]; industries: string[]; starts_on: string; ends_on: string };
  as_of: string;
  days_left: number;
  totals?: Figures;
  regions: Figures[];
  series: { date: string; cases_closed: number; recovered: string; workers_paid: number; entries: number; cleared: number; clearing_rate: string; amount_cleared: string }[];
}

interface Entry {
  id: number;
  region: number;
  uscc: string | null;
  project: string | null;
  source: string;
  ref: string | null;
  cause: string;
  amount: string;
  workers: number;
  responsible: string | null;
  entered_on: string;
  cleared_on: string | null;
  evidence: string | null;
}

export function CampaignsPage() {
  const res = useFetch<{ items: CampaignRow[] }>('/campaigns');
  const [f, setF] = useState({ name: '', from: '', to: '', industries: '' });
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  async function start(body: Record<string, unknown>) {
    setBusy(true);
    setError('');
    try {
      const p = await post<Progress>('/campaigns', body);
      navigate('/campaigns/' + p.campaign.id);
    } catch (x) {
      setError(errorText(x as ApiError));
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <PageTitle>{t('supervision.campaigns.title')}</PageTitle>
      {error && (
        <Alert kind="error" id="sv-campaign-error">
          {error}
        </Alert>
      )}
      <p>
        <button class="btn btn-primary btn-large" type="button" disabled={busy} id="sv-winter" onClick={() => start({ kind: 'winter' })}>
          {t('supervision.campaigns.winter')}
        </button>
      </p>
      <form
        class="card"
        id="sv-special-form"
        onSubmit={(e) => {
          e.preventDefault();
          start({ kind: 'special', name: f.name, from: f.from, to: f.to, industries: f.industries || undefined });
        }}
      >
        <div class="card-body">
          <h2>{t('supervision.campaigns.special')}</h2>
          <Field id="sv-c-name" label={t('supervision.campaigns.name')} required>
            <input id="sv-c-name" value={f.name} onInput={(e) => setF({ ...f, name: (e.target as HTMLInputElement).value })} />
          </Field>
          <Field id="sv-c-from" label={t('supervision.campaigns.from')} required>
            <input id="sv-c-from" type="date" value={f.from} onInput={(e) => setF({ ...f, from: (e.target as HTMLInputElement).value })} />
          </Field>
          <Field id="sv-c-to" label={t('supervision.campaigns.to')} required>
            <input id="sv-c-to" type="date" value={f.to} onInput={(e) => setF({ ...f, to: (e.target as HTMLInputElement).value })} />
          </Field>
          <Field id="sv-c-ind" label={t('supervision.campaigns.industries')}>
            <input id="sv-c-ind" value={f.industries} onInput={(e) => setF({ ...f, industries: (e.target as HTMLInputElement).value })} />
          </Field>
          <button class="btn" type="submit" disabled={busy}>
            {t('supervision.campaigns.special')}
          </button>
        </div>
      </form>
      <Show res={res}>
        {(d) => (
          <div class="card card-flush">
            <DataTable
              caption={t('supervision.campaigns.title')}
              captionHidden
              id="sv-campaigns"
              empty={t('supervision.campaigns.none')}
              rows={d.items}
              columns={[
                { label: t('supervision.col.name'), render: (r) => <a href={'/campaigns/' + r.id}>{r.name}</a> },
                { label: t('supervision.col.period'), render: (r) => `${r.starts_on} — ${r.ends_on}` },
                { label: t('supervision.col.region'), render: (r) => r.regions },
              ]}
            />
          </div>
        )}
      </Show>
    </>
  );
}

function Stat(props: { label: string; value: string; id: string }) {
  return (
    <li class="kpi" id={props.id}>
      <span class="kpi-label">{props.label}</span>
      <span class="kpi-value">{props.value}</span>
    </li>
  );
}

function Register(props: { id: string; onChange: () => void }) {
  const res = useFetch<{ items: Entry[] }>('/campaigns/' + enc(props.id) + '/register');
  const [open, setOpen] = useState<number | null>(null);
  const [ev, setEv] = useState({ payments: '', case: '' });
  const [error, setError] = useState('');
  const [msg, setMsg] = useState('');
  async function clear(e: Event) {
    e.preventDefault();
    setError('');
    try {
      const body: Record<string, unknown> = {};
      const p = ev.payments
        .split(/[,，\s]+/)
        .map((x) => x.trim())
        .filter(Boolean);
      if (p.length) body.payments = p;
      if (ev.case.trim()) body.case = ev.case.trim();
      await post('/register/' + open + '/clear', body);
      setMsg(t('supervision.board.clearedOk'));
      setOpen(null);
      res.reload();
      props.onChange();
    } catch (x) {
      setError(errorText(x as ApiError));
    }
  }
  return (
    <Card title={t('supervision.board.register')} id="sv-register">
      {msg && <Alert kind="success">{msg}</Alert>}
      {error && (
        <Alert kind="error" id="sv-clear-error">
          {error}
        </Alert>
      )}
      <Show res={res}>
        {(d) => (
          <DataTable
            caption={t('supervision.board.register')}
            captionHidden
            id="sv-register-table"
            rows={d.items}
            columns={[
              { label: t('supervision.col.id'), render: (r) => r.id },
              { label: t('supervision.col.target'), render: (r) => r.uscc || '—' },
              { label: t('supervision.col.project'), render: (r) => r.project || '—' },
              { label: t('supervision.col.source'), render: (r) => tx('supervision.source.', r.source) },
              { label: t('supervision.col.cause'), render: (r) => tx('supervision.cause.', r.cause) },
              { label: t('supervision.col.amount'), render: (r) => money(r.amount), align: 'right' },
              { label: t('supervision.col.workers'), render: (r) => r.workers, align: 'right' },
              { label: t('supervision.col.responsible'), render: (r) => r.responsible || '—' },
              {
                label: t('supervision.col.cleared'),
                render: (r) =>
                  r.cleared_on ? (
                    r.cleared_on
                  ) : (
                    <button type="button" class="btn btn-small" onClick={() => setOpen(r.id)} id={'sv-clear-' + r.id}>
                      {t('supervision.board.clear')}
                    </button>
                  ),
              },
            ]}
          />
        )}
      </Show>
      {open !== null && (
        <form onSubmit={clear} id="sv-clear-form">
          <Field id="sv-ev-pay" label={t('supervision.board.payments')}>
            <input id="sv-ev-pay" value={ev.payments} onInput={(e) => setEv({ ...ev, payments: (e.target as HTMLInputElement).value })} />
          </Field>
          <Field id="sv-ev-case" label={t('supervision.board.case')}>
            <input id="sv-ev-case" value={ev.case} onInput={(e) => setEv({ ...ev, case: (e.target as HTMLInputElement).value })} />
          </Field>
          <button class="btn btn-primary" type="submit" id="sv-clear-submit">
            {t('supervision.board.clear')}
          </button>
        </form>
      )}
    </Card>
  );
}

export function CampaignPage({ params }: { params: string[] }) {
  const id = params[0];
  const res = useFetch<Progress>('/campaigns/' + enc(id));
  const [tc, setTc] = useState({ title: '', summary: '' });
  const [msg, setMsg] = useState('');
  const [error, setError] = useState('');
  async function typical(e: Event) {
    e.preventDefault();
    setError('');
    try {
      await post('/campaigns/' + enc(id) + '/typical', tc);
      setMsg(t('supervision.board.typical'));
      setTc({ title: '', summary: '' });
    } catch (x) {
      setError(errorText(x as ApiError));
    }
  }
  return (
    <Show res={res}>
      {(p) => <Board p={p} id={id} reload={res.reload} typical={typical} tc={tc} setTc={setTc} msg={msg} error={error} />}
    </Show>
  );
}

function Board(props: {
  p: Progress;
  id: string;
  reload: () => void;
  typical: (e: Event) => void;
  tc: { title: string; summary: string };
  setTc: (v: { title: string; summary: string }) => void;
  msg: string;
  error: string;
}) {
  const { p } = props;
  const tot = p.totals;
  const overTime = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: [t('supervision.board.clearingRate'), t('supervision.board.recovered')] },
      grid: { left: 60, right: 60, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: p.series.map((s) => s.date), ...axisStyle },
      yAxis: [
        { type: 'value', name: '%', max: 100, ...axisStyle },
        { type: 'value', name: '¥', ...axisStyle },
      ],
      series: [
        { name: t('supervision.board.clearingRate'), type: 'line', data: p.series.map((s) => num(s.clearing_rate)), color: palette.green },
        { name: t('supervision.board.recovered'), type: 'bar', yAxisIndex: 1, data: p.series.map((s) => num(s.recovered) + num(s.amount_cleared)), color: palette.blue },
      ],
    }),
    [p],
  );
  const rows = p.regions.filter((r) => !r.scope || p.regions.length === 1);
  const byRegion = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: [t('supervision.board.cleared'), t('supervision.state.open')] },
      grid: { left: 60, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: rows.map((r) => r.region), ...axisStyle },
      yAxis: { type: 'value', ...axisStyle },
      series: [
        { name: t('supervision.board.cleared'), type: 'bar', stack: 'e', data: rows.map((r) => r.cleared), color: palette.green },
        { name: t('supervision.state.open'), type: 'bar', stack: 'e', data: rows.map((r) => r.entries - r.cleared), color: palette.orange },
      ],
    }),
    [p],
  );
  return (
    <>
      <PageTitle sub={`${p.campaign.starts_on} — ${p.campaign.ends_on} · ${p.campaign.regions.join('、')}`}>{p.campaign.name}</PageTitle>
      {props.msg && <Alert kind="success">{props.msg}</Alert>}
      {props.error && <Alert kind="error">{props.error}</Alert>}
      <ul class="kpis" id="sv-board-stats" aria-label={p.campaign.name}>
        <Stat id="sv-days-left" label={t('supervision.board.daysLeft')} value={int(p.days_left)} />
        <Stat id="sv-cases-closed" label={t('supervision.board.casesClosed')} value={int(tot?.cases_closed ?? 0)} />
        <Stat id="sv-recovered" label={t('supervision.board.recovered')} value={money(tot?.recovered ?? '0')} />
        <Stat id="sv-workers-paid" label={t('supervision.board.workersPaid')} value={int(tot?.workers_paid ?? 0)} />
        <Stat id="sv-cleared" label={t('supervision.board.cleared')} value={`${int(tot?.cleared ?? 0)} / ${int(tot?.entries ?? 0)}`} />
        <Stat id="sv-rate" label={t('supervision.board.clearingRate')} value={(tot?.clearing_rate ?? '0.0') + '%'} />
      </ul>
      <Card title={t('supervision.board.overTime')}>
        <Chart option={overTime} label={t('supervision.board.overTime')} id="sv-chart-time" />
      </Card>
      <Card title={t('supervision.board.byRegion')}>
        <Chart option={byRegion} label={t('supervision.board.byRegion')} id="sv-chart-region" height={260} />
        <DataTable
          caption={t('supervision.board.byRegion')}
          captionHidden
          id="sv-regions"
          rows={p.regions}
          columns={[
            { label: t('supervision.col.region'), render: (r) => r.region },
            { label: t('supervision.board.casesClosed'), render: (r) => r.cases_closed, align: 'right' },
            { label: t('supervision.board.recovered'), render: (r) => money(r.recovered), align: 'right' },
            { label: t('supervision.board.workersPaid'), render: (r) => r.workers_paid, align: 'right' },
            { label: t('supervision.board.cleared'), render: (r) => `${r.cleared} / ${r.entries}`, align: 'right' },
            { label: t('supervision.board.clearingRate'), render: (r) => r.clearing_rate + '%', align: 'right' },
          ]}
        />
      </Card>
      <p>
        <a class="btn" href={'/api/v1/campaigns/' + props.id + '/report'} download={'campaign-' + props.id + '.xlsx'} id="sv-report">
          {t('supervision.board.report')}
        </a>
      </p>
      <Register id={props.id} onChange={props.reload} />
      <form class="card" onSubmit={props.typical} id="sv-typical-form">
        <div class="card-body">
          <h2>{t('supervision.board.typical')}</h2>
          <Field id="sv-t-title" label={t('supervision.board.title')} required>
            <input id="sv-t-title" value={props.tc.title} onInput={(e) => props.setTc({ ...props.tc, title: (e.target as HTMLInputElement).value })} />
          </Field>
          <Field id="sv-t-summary" label={t('supervision.board.summary')} required>
            <textarea id="sv-t-summary" rows={3} value={props.tc.summary} onInput={(e) => props.setTc({ ...props.tc, summary: (e.target as HTMLTextAreaElement).value })} />
          </Field>
          <button class="btn" type="submit">
            {t('supervision.board.typical')}
          </button>
        </div>
      </form>
    </>
  );
}
