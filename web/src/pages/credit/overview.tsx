// overview.tsx — the regulator's credit overview: the grade distribution (chart and table),
// the movers, who is due for a routine inspection (classified supervision), the listing
// procedures under way, and the form to propose a listing (Order 45).
import { useMemo, useState } from 'preact/hooks';
import { ApiError, enc, post, qs } from '../../api';
import { t, tx } from '../../i18n';
import { int, money, paren, region } from '../../format';
import { navigate } from '../../router';
import { Alert, Card, DataTable, Field, PageTitle, Show, errorText, useFetch } from '../../components/ui';
import { Chart, axisStyle, palette } from '../../components/chart';
import type { CreditRow, DueRow, Listing, Mover } from './types';

interface Grades {
  as_of: string;
  since: string;
  counts: Record<'A' | 'B' | 'C' | 'D', number>;
  items: CreditRow[];
  movers: Mover[];
}

const gradeColor = { A: palette.green, B: palette.blue, C: palette.orange, D: palette.red };

export function GradeBadge(props: { grade: string }) {
  const bg = gradeColor[props.grade as 'A'] || palette.grey;
  return (
    <span class={'badge grade grade-' + props.grade} style={{ background: bg, color: '#fff' }}>
      {props.grade}
    </span>
  );
}

export function fileLink(uscc: string, name: string | null) {
  return <a href={'/credit/files/' + enc(uscc)}>{name || uscc}</a>;
}

function Distribution({ g }: { g: Grades }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: ['A', 'B', 'C', 'D'], ...axisStyle },
      yAxis: { type: 'value', minInterval: 1, ...axisStyle },
      series: [
        {
          name: t('credit.distributionChart'),
          type: 'bar',
          barMaxWidth: 48,
          label: { show: true, position: 'top' },
          data: (['A', 'B', 'C', 'D'] as const).map((k) => ({ value: g.counts[k] || 0, itemStyle: { color: gradeColor[k] } })),
        },
      ],
    }),
    [g],
  );
  return (
    <Card title={t('credit.distribution')} id="credit-distribution">
      <Chart option={option} label={t('credit.distributionChart')} height={260} id="chart-grades" />
      <DataTable
        caption={t('credit.distributionChart')}
        captionHidden
        id="grades-table"
        columns={[
          { label: t('credit.grade'), render: (k: string) => <GradeBadge grade={k} /> },
          { label: t('col.total'), render: (k: string) => int(g.counts[k as 'A'] || 0), align: 'right' },
        ]}
        rows={['A', 'B', 'C', 'D']}
      />
    </Card>
  );
}

function ProposeForm() {
  const [f, setF] = useState({ uscc: '', grounds: 'mass_incident', deadline: '', reason: '', amount: '', workers: '', legal_rep: '', responsible: '' });
  const [err, setErr] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f) => (e: Event) => setF({ ...f, [k]: (e.target as HTMLInputElement).value });
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErr(null);
    try {
      const body: Record<string, unknown> = { uscc: f.uscc.trim(), grounds: f.grounds, deadline: f.deadline, reason: f.reason };
      if (f.amount) body.amount = f.amount;
      if (f.workers) body.workers = Number(f.workers);
      if (f.legal_rep) body.legal_rep = f.legal_rep;
      const resp = f.responsible.split(/[,，、;；]/).map((s) => s.trim()).filter(Boolean);
      if (resp.length) body.responsible = resp;
      const l = await post<Listing>('/credit/listings', body);
      navigate('/credit/files/' + enc(l.uscc));
    } catch (x) {
      setErr(x as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('credit.propose')} id="credit-propose">
      <form onSubmit={submit} id="propose-form">
        {err && <Alert kind="error">{errorText(err)}</Alert>}
        <div class="grid-2">
          <Field id="p-uscc" label={t('credit.uscc')} required>
            <input id="p-uscc" value={f.uscc} onInput={set('uscc')} required maxLength={18} />
          </Field>
          <Field id="p-grounds" label={t('credit.grounds')} required>
            <select id="p-grounds" value={f.grounds} onChange={set('grounds')}>
              <option value="mass_incident">{t('credit.grounds.mass_incident')}</option>
              <option value="criminal_threshold">{t('credit.grounds.criminal_threshold')}</option>
            </select>
          </Field>
          <Field id="p-deadline" label={t('credit.deadline')} required>
            <input id="p-deadline" type="date" value={f.deadline} onInput={set('deadline')} required />
          </Field>
          <Field id="p-amount" label={t('credit.amount')}>
            <input id="p-amount" inputMode="decimal" value={f.amount} onInput={set('amount')} />
          </Field>
          <Field id="p-workers" label={t('credit.workers')}>
            <input id="p-workers" type="number" min={0} value={f.workers} onInput={set('workers')} />
          </Field>
          <Field id="p-rep" label={t('credit.legalRep')}>
            <input id="p-rep" value={f.legal_rep} onInput={set('legal_rep')} />
          </Field>
          <Field id="p-resp" label={t('credit.responsible')}>
            <input id="p-resp" value={f.responsible} onInput={set('responsible')} />
          </Field>
        </div>
        <Field id="p-reason" label={t('credit.facts')}>
          <textarea id="p-reason" rows={3} value={f.reason} onInput={set('reason')} />
        </Field>
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {t('credit.proposeBtn')}
        </button>
      </form>
    </Card>
  );
}

export function ListingTable(props: { rows: Listing[]; id?: string; caption: string }) {
  return (
    <DataTable
      caption={props.caption}
      id={props.id}
      columns={[
        { label: t('credit.uscc'), render: (l: Listing) => <a href={'/credit/files/' + enc(l.uscc)}>{l.uscc}</a> },
        { label: t('credit.state'), render: (l) => <span class={'state state-' + l.state}>{tx('credit.state.', l.state)}</span> },
        { label: t('credit.grounds'), render: (l) => tx('credit.grounds.', l.grounds) },
        { label: t('credit.proposedOn'), render: (l) => l.proposed_on },
        { label: t('credit.statementDue'), render: (l) => l.statement_due || '—' },
        { label: t('credit.listedOn'), render: (l) => l.listed_on || '—' },
        { label: t('credit.amount'), render: (l) => money(l.amount), align: 'right' },
      ]}
      rows={props.rows}
      rowKey={(l) => l.id}
    />
  );
}

export function CreditOverviewPage({ query }: { query: URLSearchParams }) {
  const asOf = query.get('as_of') || '';
  const grades = useFetch<Grades>('/credit/grades' + qs({ as_of: asOf }));
  const due = useFetch<{ items: DueRow[] }>('/credit/due' + qs({ as_of: asOf }));
  const procs = useFetch<{ items: Listing[] }>('/credit/listings' + qs({ as_of: asOf }));
  return (
    <>
      <PageTitle sub={t('credit.sub')}>{t('credit.title')}</PageTitle>
      <Show res={grades}>
        {(g) => (
          <div class="grid-2">
            <Distribution g={g} />
            <Card title={t('credit.movers', { since: g.since })} id="credit-movers">
              <DataTable
                caption={t('credit.movers', { since: g.since })}
                captionHidden
                id="movers-table"
                columns={[
                  { label: t('credit.enterprise'), render: (m: Mover) => fileLink(m.uscc, m.name) },
                  { label: t('credit.was'), render: (m) => `${m.was_grade}（${m.was_score}）` },
                  { label: t('credit.grade'), render: (m) => <><GradeBadge grade={m.grade} /> {m.score}</> },
                ]}
                rows={g.movers}
              />
            </Card>
          </div>
        )}
      </Show>
      <Card title={t('credit.toDecide')} id="credit-procedures">
        <Show res={procs}>{(p) => <ListingTable rows={p.items} id="procedures-table" caption={t('credit.procedures')} />}</Show>
      </Card>
      <Card title={t('credit.due')} id="credit-due">
        <p class="hint">{t('credit.dueHint')}</p>
        <Show res={due}>
          {(d) => (
            <DataTable
              caption={t('credit.due')}
              captionHidden
              id="due-table"
              columns={[
                { label: t('credit.enterprise'), render: (r: DueRow) => fileLink(r.uscc, r.name) },
                { label: t('col.region'), render: (r) => paren(region(r.region_code), r.region_code) },
                { label: t('credit.grade'), render: (r) => <GradeBadge grade={r.grade} /> },
                { label: t('credit.interval'), render: (r) => int(r.interval_months), align: 'right' },
                { label: t('credit.last'), render: (r) => r.last_inspection || t('credit.never') },
                { label: t('credit.dueOn'), render: (r) => r.due_on || '—' },
              ]}
              rows={d.items.slice(0, 200)}
            />
          )}
        </Show>
      </Card>
      <ProposeForm />
    </>
  );
}
