// inspections.tsx — supervision's inspection pages (SPEC §10): the list with the tasks red
// warnings opened, the on-site form (big touch targets: one radio group per checklist item,
// usable on a tablet), and an inspection's page with its findings, its rectification
// orders and the form that issues one.
import { useState } from 'preact/hooks';
import { ApiError, enc, post, qs } from '../../api';
import { Key, t, tx } from '../../i18n';
import { navigate, setQuery } from '../../router';
import { currentUser } from '../../session';
import { money } from '../../format';
import { Alert, Card, DataTable, Facts, Field, PageTitle, Show, errorText, useFetch } from '../../components/ui';
import './supervision.css';

export interface Inspection {
  id: number;
  kind: string;
  status: string;
  uscc: string;
  project: string | null;
  region: number;
  case: string | null;
  planned_on: string | null;
  inspected_on: string | null;
  inspectors: string[];
  note: string | null;
  task?: number;
  campaign?: number;
  draw?: number;
  findings?: Record<string, { result: string; note?: string }>;
  orders?: Order[];
}

export interface Order {
  number: string;
  inspection: number;
  uscc: string;
  project: string | null;
  items: string;
  amount: string;
  workers: number;
  issued_on: string;
  deadline: string;
  complied_on: string | null;
  evidence: string | null;
  escalated_on: string | null;
  state: string;
  document?: number;
}

interface Task {
  id: number;
  opened_on: string;
  rule: string;
  project: string | null;
  employer: string | null;
  contractor: string | null;
  level: string;
  amount: string;
  status: string;
}

export const ITEMS = ['real_name', 'wage_account', 'bank_card_pay', 'payroll_kept', 'notice_board', 'deposit'] as const;
const KINDS = ['routine', 'complaint', 'warning', 'special'] as const;
const staff = () => ['admin', 'regulator'].includes(currentUser()?.role || '');

export function InspectionsPage({ query }: { query: URLSearchParams }) {
  const status = query.get('status') || '';
  const res = useFetch<{ items: Inspection[] }>('/inspections' + qs({ status }));
  const tasks = useFetch<{ items: Task[] }>(staff() ? '/supervision/tasks' : null);
  return (
    <>
      <PageTitle>{t('supervision.inspections.title')}</PageTitle>
      {staff() && (
        <p>
          <a class="btn btn-primary" href="/inspections/new" id="sv-new-inspection">
            {t('supervision.inspections.new')}
          </a>
        </p>
      )}
      {staff() && (
        <Card title={t('supervision.inspections.tasks')}>
          <Show res={tasks}>
            {(d) =>
              d.items.length === 0 ? (
                <p>{t('supervision.inspections.noTasks')}</p>
              ) : (
                <DataTable
                  caption={t('supervision.inspections.tasks')}
                  captionHidden
                  id="sv-tasks"
                  rows={d.items}
                  columns={[
                    { label: t('supervision.col.id'), render: (r) => r.id },
                    { label: t('supervision.col.date'), render: (r) => r.opened_on },
                    { label: t('supervision.col.rule'), render: (r) => tx('rule.', r.rule) },
                    { label: t('supervision.col.project'), render: (r) => r.project || '—' },
                    { label: t('supervision.col.target'), render: (r) => r.employer || r.contractor || '—' },
                    { label: t('supervision.col.amount'), render: (r) => money(r.amount), align: 'right' },
                    {
                      label: '',
                      render: (r) => <a href={'/inspections/new' + qs({ task: r.id, kind: 'warning' })}>{t('supervision.inspections.new')}</a>,
                    },
                  ]}
                />
              )
            }
          </Show>
        </Card>
      )}
      <div class="filters">
        <div class="field field-inline">
          <label for="sv-status">{t('supervision.col.status')}</label>
          <select id="sv-status" value={status} onChange={(e) => setQuery({ status: (e.target as HTMLSelectElement).value || undefined }, true)}>
            <option value="">—</option>
            <option value="planned">{t('supervision.status.planned')}</option>
            <option value="done">{t('supervision.status.done')}</option>
          </select>
        </div>
      </div>
      <Show res={res}>
        {(d) => (
          <div class="card card-flush">
            <DataTable
              caption={t('supervision.inspections.title')}
              captionHidden
              id="sv-inspections"
              empty={t('supervision.inspections.none')}
              rows={d.items}
              columns={[
                { label: t('supervision.col.id'), render: (r) => <a href={'/inspections/' + r.id}>{r.id}</a> },
                { label: t('supervision.col.kind'), render: (r) => tx('supervision.kind.', r.kind) },
                { label: t('supervision.col.status'), render: (r) => tx('supervision.status.', r.status) },
                { label: t('supervision.col.date'), render: (r) => r.inspected_on || r.planned_on || '—' },
                { label: t('supervision.col.target'), render: (r) => r.uscc },
                { label: t('supervision.col.project'), render: (r) => r.project || '—' },
                { label: t('supervision.col.inspectors'), render: (r) => r.inspectors.join('、') },
              ]}
            />
          </div>
        )}
      </Show>
    </>
  );
}

function Checklist(props: { value: Record<string, string>; notes: Record<string, string>; onChange: (v: Record<string, string>, n: Record<string, string>) => void }) {
  return (
    <fieldset class="sv-checklist">
      <legend>{t('supervision.form.checklist')}</legend>
      {ITEMS.map((item) => (
        <div class="sv-item" id={'sv-item-' + item}>
          <p class="sv-item-name">{t(('supervision.item.' + item) as Key)}</p>
          <div class="sv-radios" role="radiogroup" aria-label={t(('supervision.item.' + item) as Key)}>
            {(['yes', 'no', 'na'] as const).map((r) => (
              <label class={'sv-radio' + (props.value[item] === r ? ' on' : '')}>
                <input
                  type="radio"
                  name={'sv-' + item}
                  value={r}
                  checked={props.value[item] === r}
                  onChange={() => props.onChange({ ...props.value, [item]: r }, props.notes)}
                />
                {t(('supervision.result.' + r) as Key)}
              </label>
            ))}
          </div>
          {props.value[item] === 'no' && (
            <input
              class="sv-item-note"
              aria-label={t('supervision.form.note')}
              value={props.notes[item] || ''}
              onInput={(e) => props.onChange(props.value, { ...props.notes, [item]: (e.target as HTMLInputElement).value })}
            />
          )}
        </div>
      ))}
    </fieldset>
  );
}

function findingsBody(v: Record<string, string>, n: Record<string, string>) {
  const out: Record<string, { result: string; note?: string }> = {};
  for (const [k, r] of Object.entries(v)) out[k] = n[k] && r === 'no' ? { result: r, note: n[k] } : { result: r };
  return out;
}

export function InspectionFormPage({ query }: { query: URLSearchParams }) {
  const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
  const [f, setF] = useState({
    kind: query.get('kind') || 'routine',
    target: query.get('target') || '',
    project: query.get('project') || '',
    case: query.get('case') || '',
    task: query.get('task') || '',
    date: today,
    planned: false,
    note: '',
  });
  const [chosen, setChosen] = useState<string[]>([]);
  const [values, setValues] = useState<Record<string, string>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const roster = useFetch<{ roster: { inspector: string; name: string | null }[]; conflicts: { inspector: string; uscc: string }[] }>('/inspectors');
  const set = (k: keyof typeof f) => (e: Event) => setF({ ...f, [k]: (e.target as HTMLInputElement).value });
  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      const body: Record<string, unknown> = { kind: f.kind, inspectors: chosen, note: f.note || undefined };
      if (f.target) body.target = f.target.trim();
      if (f.project) body.project = f.project.trim();
      if (f.case) body.case = f.case.trim();
      if (f.task) body.task = Number(f.task);
      if (f.planned) body.planned = f.date;
      else {
        body.date = f.date;
        body.findings = findingsBody(values, notes);
      }
      const r = await post<Inspection>('/inspections', body);
      navigate('/inspections/' + r.id);
    } catch (x) {
      setError(errorText(x as ApiError));
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <PageTitle>{t('supervision.inspections.new')}</PageTitle>
      {error && (
        <Alert kind="error" id="sv-form-error">
          {error}
        </Alert>
      )}
      <form class="card sv-form" onSubmit={submit} id="sv-inspection-form">
        <div class="card-body">
          <Field id="sv-kind" label={t('supervision.form.kind')} required>
            <select id="sv-kind" value={f.kind} onChange={set('kind')}>
              {KINDS.map((k) => (
                <option value={k}>{t(('supervision.kind.' + k) as Key)}</option>
              ))}
            </select>
          </Field>
          {f.kind === 'complaint' && (
            <Field id="sv-case" label={t('supervision.form.case')} required>
              <input id="sv-case" value={f.case} onInput={set('case')} />
            </Field>
          )}
          {f.kind === 'warning' && (
            <Field id="sv-task" label={t('supervision.form.task')} required>
              <input id="sv-task" inputMode="numeric" value={f.task} onInput={set('task')} />
            </Field>
          )}
          <Field id="sv-target" label={t('supervision.form.target')} required={f.kind === 'routine' || f.kind === 'special'}>
            <input id="sv-target" value={f.target} maxLength={18} autoCapitalize="characters" onInput={set('target')} />
          </Field>
          <Field id="sv-project" label={t('supervision.form.project')}>
            <input id="sv-project" value={f.project} onInput={set('project')} />
          </Field>
          <fieldset class="sv-inspectors">
            <legend>{t('supervision.form.inspectors')}</legend>
            <Show res={roster}>
              {(d) => (
                <div class="sv-radios">
                  {d.roster.map((r) => {
                    const conflicted = d.conflicts.some((c) => c.inspector === r.inspector && c.uscc === f.target.trim());
                    return (
                      <label class={'sv-radio' + (chosen.includes(r.inspector) ? ' on' : '')}>
                        <input
                          type="checkbox"
                          name="sv-inspector"
                          value={r.inspector}
                          disabled={conflicted}
                          checked={chosen.includes(r.inspector)}
                          onChange={(e) =>
                            setChosen((e.target as HTMLInputElement).checked ? [...chosen, r.inspector] : chosen.filter((x) => x !== r.inspector))
                          }
                        />
                        {r.name || r.inspector}
                      </label>
                    );
                  })}
                </div>
              )}
            </Show>
          </fieldset>
          <Field id="sv-date" label={t('supervision.form.date')} required>
            <input id="sv-date" type="date" value={f.date} onInput={set('date')} />
          </Field>
          <div class="field field-check">
            <input id="sv-planned" type="checkbox" checked={f.planned} onChange={(e) => setF({ ...f, planned: (e.target as HTMLInputElement).checked })} />
            <label for="sv-planned">{t('supervision.form.planned')}</label>
          </div>
          {!f.planned && (
            <Checklist
              value={values}
              notes={notes}
              onChange={(v, n) => {
                setValues(v);
                setNotes(n);
              }}
            />
          )}
          <Field id="sv-note" label={t('supervision.form.note')}>
            <textarea id="sv-note" rows={3} value={f.note} onInput={set('note')} />
          </Field>
          <button class="btn btn-primary btn-large" type="submit" disabled={busy} id="sv-submit">
            {t('supervision.form.submit')}
          </button>
        </div>
      </form>
    </>
  );
}

export function OrderTable(props: { rows: Order[]; id: string; comply?: (o: Order) => void }) {
  return (
    <DataTable
      caption={t('supervision.orders.title')}
      captionHidden
      id={props.id}
      rows={props.rows}
      columns={[
        { label: t('supervision.col.number'), render: (r) => r.number },
        { label: t('supervision.col.target'), render: (r) => r.uscc },
        { label: t('supervision.col.items'), render: (r) => r.items },
        { label: t('supervision.col.amount'), render: (r) => money(r.amount), align: 'right' },
        { label: t('supervision.col.deadline'), render: (r) => r.deadline },
        { label: t('supervision.col.state'), render: (r) => <span class={'sv-state sv-state-' + r.state}>{tx('supervision.state.', r.state)}</span> },
        {
          label: t('supervision.col.document'),
          render: (r) =>
            r.document ? (
              <a href={'/api/v1/documents/' + r.document + '?format=pdf'} target="_blank" rel="noopener">
                PDF
              </a>
            ) : (
              '—'
            ),
        },
        ...(props.comply
          ? [
              {
                label: '',
                render: (r: Order) =>
                  r.complied_on ? (
                    r.complied_on
                  ) : (
                    <button type="button" class="btn btn-small" onClick={() => props.comply!(r)}>
                      {t('supervision.orders.comply')}
                    </button>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}

export function InspectionPage({ params }: { params: string[] }) {
  const id = params[0];
  const res = useFetch<Inspection>('/inspections/' + enc(id));
  const [o, setO] = useState({ items: '', days: '10', amount: '', workers: '', mass: false });
  const [msg, setMsg] = useState('');
  const [error, setError] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  async function issue(e: Event) {
    e.preventDefault();
    setError('');
    try {
      const r = await post<Order>('/rectifications', {
        inspection: Number(id),
        items: o.items,
        days: Number(o.days),
        amount: o.amount || undefined,
        workers: o.workers ? Number(o.workers) : undefined,
        mass_incident: o.mass,
      });
      setMsg(t('supervision.order.issued', { number: r.number, deadline: r.deadline }));
      res.reload();
    } catch (x) {
      setError(errorText(x as ApiError));
    }
  }
  async function record(e: Event) {
    e.preventDefault();
    setError('');
    try {
      await post('/inspections/' + enc(id) + '/record', { findings: findingsBody(values, notes) });
      res.reload();
    } catch (x) {
      setError(errorText(x as ApiError));
    }
  }
  return (
    <Show res={res}>
      {(i) => (
        <>
          <PageTitle sub={tx('supervision.kind.', i.kind) + ' · ' + tx('supervision.status.', i.status)}>{t('supervision.detail.title', { id: i.id })}</PageTitle>
          {msg && (
            <Alert kind="success" id="sv-msg">
              {msg}
            </Alert>
          )}
          {error && (
            <Alert kind="error" id="sv-error">
              {error}
            </Alert>
          )}
          <Card>
            <Facts
              items={[
                [t('supervision.col.target'), i.uscc],
                [t('supervision.col.project'), i.project || '—'],
                [t('supervision.col.date'), i.inspected_on || i.planned_on || '—'],
                [t('supervision.col.inspectors'), i.inspectors.join('、')],
                [t('supervision.form.note'), i.note || '—'],
              ]}
            />
          </Card>
          <Card title={t('supervision.detail.findings')}>
            <DataTable
              caption={t('supervision.detail.findings')}
              captionHidden
              id="sv-findings"
              rows={ITEMS.filter((k) => i.findings && i.findings[k])}
              columns={[
                { label: t('supervision.form.checklist'), render: (k) => t(('supervision.item.' + k) as Key) },
                { label: t('supervision.col.state'), render: (k) => tx('supervision.result.', i.findings![k].result) },
                { label: t('supervision.form.note'), render: (k) => i.findings![k].note || '' },
              ]}
            />
          </Card>
          {staff() && i.status === 'planned' && (
            <form class="card" onSubmit={record} id="sv-record-form">
              <div class="card-body">
                <Checklist
                  value={values}
                  notes={notes}
                  onChange={(v, n) => {
                    setValues(v);
                    setNotes(n);
                  }}
                />
                <button class="btn btn-primary btn-large" type="submit">
                  {t('supervision.detail.record')}
                </button>
              </div>
            </form>
          )}
          <Card title={t('supervision.detail.orders')}>
            <OrderTable rows={i.orders || []} id="sv-inspection-orders" />
          </Card>
          {staff() && i.status === 'done' && (
            <form class="card" onSubmit={issue} id="sv-order-form">
              <div class="card-body">
                <h2>{t('supervision.order.issue')}</h2>
                <Field id="sv-o-items" label={t('supervision.order.items')} required>
                  <textarea id="sv-o-items" rows={2} value={o.items} onInput={(e) => setO({ ...o, items: (e.target as HTMLTextAreaElement).value })} />
                </Field>
                <Field id="sv-o-days" label={t('supervision.order.days')} required>
                  <input id="sv-o-days" inputMode="numeric" value={o.days} onInput={(e) => setO({ ...o, days: (e.target as HTMLInputElement).value })} />
                </Field>
                <Field id="sv-o-amount" label={t('supervision.order.amount')}>
                  <input id="sv-o-amount" inputMode="decimal" value={o.amount} onInput={(e) => setO({ ...o, amount: (e.target as HTMLInputElement).value })} />
                </Field>
                <Field id="sv-o-workers" label={t('supervision.order.workers')}>
                  <input id="sv-o-workers" inputMode="numeric" value={o.workers} onInput={(e) => setO({ ...o, workers: (e.target as HTMLInputElement).value })} />
                </Field>
                <div class="field field-check">
                  <input id="sv-o-mass" type="checkbox" checked={o.mass} onChange={(e) => setO({ ...o, mass: (e.target as HTMLInputElement).checked })} />
                  <label for="sv-o-mass">{t('supervision.order.mass')}</label>
                </div>
                <button class="btn btn-primary" type="submit" id="sv-o-submit">
                  {t('supervision.order.issue')}
                </button>
              </div>
            </form>
          )}
        </>
      )}
    </Show>
  );
}

export function OrdersPage({ query }: { query: URLSearchParams }) {
  const overdue = query.get('overdue') === '1';
  const res = useFetch<{ items: Order[] }>('/rectifications' + qs({ overdue: overdue ? 1 : undefined }));
  const [error, setError] = useState('');
  const [msg, setMsg] = useState('');
  async function comply(o: Order) {
    const evidence = window.prompt(t('supervision.orders.evidence'));
    if (!evidence) return;
    setError('');
    try {
      await post('/rectifications/' + enc(o.number) + '/comply', { evidence });
      setMsg(t('supervision.orders.complied'));
      res.reload();
    } catch (x) {
      setError(errorText(x as ApiError));
    }
  }
  return (
    <>
      <PageTitle>{t('supervision.orders.title')}</PageTitle>
      {msg && <Alert kind="success">{msg}</Alert>}
      {error && <Alert kind="error">{error}</Alert>}
      <div class="filters">
        <div class="field field-check">
          <input id="sv-overdue" type="checkbox" checked={overdue} onChange={(e) => setQuery({ overdue: (e.target as HTMLInputElement).checked ? 1 : undefined }, true)} />
          <label for="sv-overdue">{t('supervision.orders.overdue')}</label>
        </div>
      </div>
      <Show res={res}>
        {(d) => (
          <div class="card card-flush">
            <OrderTable rows={d.items} id="sv-orders" comply={staff() ? comply : undefined} />
          </div>
        )}
      </Show>
    </>
  );
}
