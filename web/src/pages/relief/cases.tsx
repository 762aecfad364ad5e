// cases.tsx — the regulator's case queue (SPEC §11): filters kept in the address, the
// deadline that runs and the working days left (overdue in red), the priority queue
// (amount, workers, days to the Spring Festival), and the intake form of the 12333 hotline
// and walk-ins.
import { useState } from 'preact/hooks';
import { asPage, Page, post, qs, ApiError } from '../../api';
import { t, tx } from '../../i18n';
import { navigate, setQuery } from '../../router';
import { money } from '../../format';
import { Alert, Card, DataTable, errorText, Field, PageTitle, Pager, Show, useFetch } from '../../components/ui';
import type { Case } from './types';

const PER_PAGE = 50;

export function Remaining({ c }: { c: Case }) {
  if (c.remaining_working_days === null) return <span class="muted">—</span>;
  const cls = c.overdue ? 'num-red' : c.remaining_working_days <= 2 ? 'badge badge-orange' : '';
  return (
    <span class={cls} data-overdue={c.overdue ? '1' : undefined}>
      {c.overdue ? t('relief.overdueBy', { n: -c.remaining_working_days }) : t('relief.daysLeft', { n: c.remaining_working_days })}
    </span>
  );
}

export function StatusBadge({ c }: { c: Case }) {
  const cls = c.status === 'closed' || c.status === 'rejected' ? 'status-done' : 'status-open';
  return <span class={'badge ' + cls}>{tx('relief.status.', c.status)}</span>;
}

function Intake({ onDone }: { onDone: (n: string) => void }) {
  const [f, setF] = useState({ channel: 'hotline', employer: '', project: '', received: '', workers: '', description: '', reporter_name: '', anonymous: false });
  const [err, setErr] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (k: string) => (e: Event) => setF({ ...f, [k]: (e.target as HTMLInputElement).value });
  const submit = async (e: Event) => {
    e.preventDefault();
    setErr('');
    // one complainant a line: ID number, amount[, name]
    const workers = f.workers
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => {
        const [id_number, amount, name] = l.split(/[,，\s]+/);
        return { id_number, amount, ...(name ? { name } : {}) };
      });
    setBusy(true);
    try {
      const body: Record<string, unknown> = { channel: f.channel, employer: f.employer.trim(), workers };
      if (f.project.trim()) body.project = f.project.trim();
      if (f.received) body.received = f.received;
      if (f.description.trim()) body.description = f.description.trim();
      if (f.channel === 'tipoff') {
        body.anonymous = f.anonymous;
        if (!f.anonymous && f.reporter_name.trim()) body.reporter_name = f.reporter_name.trim();
      }
      const c = await post<Case & { joined: boolean }>('/cases', body);
      onDone(c.number);
    } catch (x) {
      setErr(errorText(x as ApiError));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="form form-2" id="case-intake" onSubmit={submit}>
      <Field id="ci-channel" label={t('relief.channel')}>
        <select id="ci-channel" value={f.channel} onChange={set('channel')}>
          {['hotline', 'walkin', 'platform', 'tipoff'].map((c) => (
            <option value={c}>{tx('relief.channel.', c)}</option>
          ))}
        </select>
      </Field>
      <Field id="ci-employer" label={t('relief.employerUscc')} required>
        <input id="ci-employer" value={f.employer} onInput={set('employer')} required maxLength={18} />
      </Field>
      <Field id="ci-project" label={t('relief.project')}>
        <input id="ci-project" value={f.project} onInput={set('project')} />
      </Field>
      <Field id="ci-received" label={t('relief.received')} hint={t('relief.receivedHint')}>
        <input id="ci-received" type="date" value={f.received} onInput={set('received')} />
      </Field>
      <Field id="ci-workers" label={t('relief.workersInput')} hint={t('relief.workersHint')}>
        <textarea id="ci-workers" rows={3} value={f.workers} onInput={set('workers')} />
      </Field>
      <Field id="ci-description" label={t('relief.description')}>
        <textarea id="ci-description" rows={3} value={f.description} onInput={set('description')} />
      </Field>
      {f.channel === 'tipoff' && (
        <>
          <Field id="ci-reporter" label={t('relief.reporter')} hint={t('relief.reporterHint')}>
            <input id="ci-reporter" value={f.reporter_name} onInput={set('reporter_name')} disabled={f.anonymous} />
          </Field>
          <div class="field field-check">
            <input id="ci-anonymous" type="checkbox" checked={f.anonymous} onChange={(e) => setF({ ...f, anonymous: (e.target as HTMLInputElement).checked })} />
            <label for="ci-anonymous">{t('relief.anonymous')}</label>
          </div>
        </>
      )}
      {err && <Alert kind="error">{err}</Alert>}
      <div class="btn-row">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {t('relief.openCase')}
        </button>
      </div>
    </form>
  );
}

export function CasesPage({ query }: { query: URLSearchParams }) {
  const status = query.get('status') || '';
  const channel = query.get('channel') || '';
  const open = query.get('open') !== '0';
  const overdue = query.get('overdue') === '1';
  const priority = query.get('priority') === '1';
  const page = Math.max(1, Number(query.get('page') || 1));
  const [intake, setIntake] = useState(false);
  const res = useFetch<Page<Case>>('/cases' + qs({ open: open ? 1 : 0, status, channel, overdue: overdue ? 1 : undefined, priority: priority ? 1 : undefined, page, per_page: PER_PAGE }));
  const go = (over: Record<string, string | number | undefined>) =>
    setQuery({ open: open ? undefined : 0, status, channel, overdue: overdue ? 1 : undefined, priority: priority ? 1 : undefined, page: 1, ...over }, true);
  return (
    <>
      <PageTitle sub={t('relief.queueSub')}>{t('relief.queue')}</PageTitle>
      <Card
        title={t('relief.intake')}
        id="intake-card"
        actions={
          <button type="button" class="btn" id="intake-toggle" aria-expanded={intake} onClick={() => setIntake(!intake)}>
            {intake ? t('relief.hide') : t('relief.newCase')}
          </button>
        }
      >
        {intake ? <Intake onDone={(n) => navigate('/cases/' + encodeURIComponent(n))} /> : <p class="muted">{t('relief.intakeHint')}</p>}
      </Card>
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div class="field field-inline">
          <label for="c-status">{t('relief.statusCol')}</label>
          <select id="c-status" value={status} onChange={(e) => go({ status: (e.target as HTMLSelectElement).value })}>
            <option value="">{t('relief.all')}</option>
            {['received', 'accepted', 'rejected', 'closed'].map((s) => (
              <option value={s}>{tx('relief.status.', s)}</option>
            ))}
          </select>
        </div>
        <div class="field field-inline">
          <label for="c-channel">{t('relief.channel')}</label>
          <select id="c-channel" value={channel} onChange={(e) => go({ channel: (e.target as HTMLSelectElement).value })}>
            <option value="">{t('relief.all')}</option>
            {['hotline', 'walkin', 'web', 'platform', 'dispute', 'tipoff'].map((s) => (
              <option value={s}>{tx('relief.channel.', s)}</option>
            ))}
          </select>
        </div>
        <div class="field field-check">
          <input id="c-open" type="checkbox" checked={open} onChange={(e) => go({ open: (e.target as HTMLInputElement).checked ? undefined : 0 })} />
          <label for="c-open">{t('relief.openOnly')}</label>
        </div>
        <div class="field field-check">
          <input id="c-overdue" type="checkbox" checked={overdue} onChange={(e) => go({ overdue: (e.target as HTMLInputElement).checked ? 1 : undefined })} />
          <label for="c-overdue">{t('relief.overdueOnly')}</label>
        </div>
        <div class="field field-check">
          <input id="c-priority" type="checkbox" checked={priority} onChange={(e) => go({ priority: (e.target as HTMLInputElement).checked ? 1 : undefined })} />
          <label for="c-priority">{t('relief.priorityQueue')}</label>
        </div>
      </form>
      <Show res={res}>
        {(raw) => {
          const p = asPage(raw);
          return (
            <div class="card card-flush">
              <DataTable<Case>
                id="cases-table"
                caption={t('relief.queue')}
                rows={p.items}
                rowKey={(c) => c.number}
                columns={[
                  { label: t('relief.number'), render: (c) => <a href={'/cases/' + encodeURIComponent(c.number)}>{c.number}</a> },
                  { label: t('relief.statusCol'), render: (c) => <StatusBadge c={c} /> },
                  { label: t('relief.channel'), render: (c) => tx('relief.channel.', c.channel) },
                  { label: t('relief.employer'), render: (c) => c.employer_name || c.employer },
                  { label: t('relief.project'), render: (c) => c.project || '—' },
                  { label: t('relief.received'), render: (c) => c.received, class: 'nowrap' },
                  { label: t('relief.deadline'), render: (c) => c.deadline || '—', class: 'nowrap' },
                  { label: t('relief.remaining'), render: (c) => <Remaining c={c} />, class: 'nowrap' },
                  { label: t('relief.claimed'), render: (c) => money(c.claimed), align: 'right' },
                  { label: t('relief.workers'), render: (c) => c.workers, align: 'right' },
                  { label: t('relief.priority'), render: (c) => (c.step ? c.priority : '—'), align: 'right' },
                ]}
              />
              <Pager page={p.page || page} perPage={p.per_page || PER_PAGE} total={p.total} onPage={(n) => go({ page: n })} />
            </div>
          );
        }}
      </Show>
    </>
  );
}
