// complaint.tsx — the complaint form (public, or a logged-in worker's with their details
// filled in): POST /api/v1/complaints, then the case number and date received.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, enc, get, post } from '../api';
import { Key, t, tx } from '../i18n';
import { currentUser } from '../session';
import { hasPage } from '../links';
import { date } from '../format';
import { Alert, Field, PageTitle, errorText } from '../components/ui';

interface Receipt {
  id: number | string;
  /** the case it became (relief): its number, whose progress page a worker may open */
  case_number?: string;
  received_on: string;
  status: string;
}

const empty = { name: '', phone: '', id_number: '', project: '', employer: '', claimed: '', description: '' };
type Form = typeof empty;

export function ComplaintPage({ worker }: { worker?: boolean }) {
  const [f, setF] = useState<Form>(empty);
  const [errs, setErrs] = useState<Partial<Record<keyof Form, string>>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Receipt | null>(null);
  const [error, setError] = useState('');
  const [projects, setProjects] = useState<{ code: string; name: string }[]>([]);

  useEffect(() => {
    const u = currentUser();
    if (!worker || !u) return;
    get<{ name: string; id_number: string; phone?: string; months?: { project: string; project_name?: string; unpaid: string }[] }>('/workers/' + enc(u.scope)).then(
      (w) => {
        const seen = new Map<string, string>();
        for (const m of w.months || []) if (!seen.has(m.project)) seen.set(m.project, m.project_name || m.project);
        setProjects([...seen].map(([code, name]) => ({ code, name })));
        const owed = (w.months || []).reduce((s, m) => s + Math.round(parseFloat(m.unpaid || '0') * 100), 0);
        setF((x) => ({
          ...x,
          name: x.name || w.name || '',
          id_number: x.id_number || (w.id_number && !w.id_number.includes('*') ? w.id_number : u.scope),
          phone: x.phone || (w.phone && !w.phone.includes('*') ? w.phone : ''),
          project: x.project || (seen.size === 1 ? [...seen.keys()][0] : ''),
          claimed: x.claimed || (owed > 0 ? (owed / 100).toFixed(2) : ''),
        }));
      },
      () => undefined,
    );
  }, [worker]);

  const set = (k: keyof Form) => (e: Event) => setF({ ...f, [k]: (e.target as HTMLInputElement).value });

  function validate(): boolean {
    const e: Partial<Record<keyof Form, string>> = {};
    const req: [keyof Form, Key][] = [
      ['name', 'cmp.name'],
      ['phone', 'cmp.phone'],
      ['employer', 'cmp.employer'],
      ['description', 'cmp.description'],
    ];
    for (const [k, label] of req) if (!f[k].trim()) e[k] = t('cmp.required', { field: t(label) });
    if (f.phone.trim() && !/^[0-9+\- ]{7,20}$/.test(f.phone.trim())) e.phone = t('cmp.badPhone');
    if (f.claimed.trim() && !/^\d+(\.\d{1,2})?$/.test(f.claimed.trim())) e.claimed = t('cmp.badAmount');
    setErrs(e);
    const first = Object.keys(e)[0];
    if (first) document.getElementById('c-' + first)?.focus();
    return !first;
  }

  async function submit(e: Event) {
    e.preventDefault();
    setError('');
    if (!validate()) return;
    setBusy(true);
    try {
      const body = {
        name: f.name.trim(),
        phone: f.phone.trim(),
        id_number: f.id_number.trim().toUpperCase(),
        project: f.project.trim(),
        employer: f.employer.trim(),
        claimed: f.claimed.trim() ? Number(f.claimed.trim()).toFixed(2) : '0.00',
        description: f.description.trim(),
      };
      setDone(await post<Receipt>('/complaints', body));
      window.scrollTo(0, 0);
    } catch (err) {
      setError(t('app.error', { msg: errorText(err as ApiError) }));
    } finally {
      setBusy(false);
    }
  }

  if (done)
    return (
      <div class="narrow">
        <PageTitle>{t('cmp.title')}</PageTitle>
        <section class="card done-card" id="complaint-done" aria-labelledby="done-h">
          <div class="card-body">
            <div class="done-mark" aria-hidden="true">
              ✓
            </div>
            <h2 id="done-h">{t('cmp.done')}</h2>
            <dl class="receipt-list">
              <div>
                <dt>{t('cmp.caseNo')}</dt>
                <dd class="mono case-no" data-testid="case-id">
                  {done.case_number && hasPage('/cases/' + done.case_number, currentUser()?.role) ? (
                    <a href={'/cases/' + enc(done.case_number)}>{done.case_number}</a>
                  ) : (
                    done.case_number || String(done.id)
                  )}
                </dd>
              </div>
              <div>
                <dt>{t('cmp.receivedOn')}</dt>
                <dd>{date(done.received_on)}</dd>
              </div>
              <div>
                <dt>{t('col.status')}</dt>
                <dd>{tx('cmp.status.', done.status)}</dd>
              </div>
            </dl>
            <p>{t('cmp.doneText')}</p>
            <button
              type="button"
              class="btn"
              onClick={() => {
                setDone(null);
                setF({ ...f, description: '', claimed: '' });
              }}
            >
              {t('cmp.another')}
            </button>
          </div>
        </section>
      </div>
    );

  const input = (k: keyof Form, label: Key, opts: { required?: boolean; type?: string; auto?: string; mode?: string; hint?: string } = {}) => (
    <Field id={'c-' + k} label={t(label)} required={opts.required} error={errs[k]} hint={opts.hint}>
      <input
        id={'c-' + k}
        name={k}
        type={(opts.type || 'text') as 'text'}
        autocomplete={opts.auto}
        inputMode={opts.mode as 'text'}
        value={f[k]}
        onInput={set(k)}
        aria-invalid={!!errs[k]}
        aria-describedby={errs[k] ? 'c-' + k + '-err' : undefined}
        aria-required={opts.required}
      />
    </Field>
  );

  return (
    <div class="narrow">
      <PageTitle>{t('cmp.title')}</PageTitle>
      <p class="muted">{t('cmp.lead')}</p>
      {error && <Alert kind="error">{error}</Alert>}
      <form class="form card card-body" onSubmit={submit} novalidate id="complaint-form">
        <div class="form-2">
          {input('name', 'cmp.name', { required: true, auto: 'name' })}
          {input('phone', 'cmp.phone', { required: true, type: 'tel', auto: 'tel', mode: 'tel' })}
        </div>
        {input('id_number', 'cmp.idNumber', { auto: 'off' })}
        {worker && projects.length > 0 ? (
          <Field id="c-project" label={t('cmp.project')}>
            <select id="c-project" name="project" value={f.project} onChange={set('project')}>
              <option value="">—</option>
              {projects.map((p) => (
                <option value={p.code}>
                  {p.name} ({p.code})
                </option>
              ))}
            </select>
          </Field>
        ) : (
          input('project', 'cmp.project')
        )}
        {input('employer', 'cmp.employer', { required: true })}
        {input('claimed', 'cmp.claimed', { mode: 'decimal' })}
        <Field id="c-description" label={t('cmp.description')} required error={errs.description} hint={t('cmp.descriptionHint')}>
          <textarea
            id="c-description"
            name="description"
            rows={5}
            value={f.description}
            onInput={set('description')}
            aria-invalid={!!errs.description}
            aria-describedby={'c-description-hint' + (errs.description ? ' c-description-err' : '')}
            aria-required
          />
        </Field>
        <button type="submit" class="btn btn-primary btn-block-sm" disabled={busy}>
          {busy ? t('cmp.busy') : t('cmp.submit')}
        </button>
      </form>
    </div>
  );
}
