// case.tsx — one case (SPEC §11): its clock (deadlines, working days left, overdue in red),
// complainants, the timeline of every event, the numbered documents (HTML and PDF), the
// joint-liability split, and — for the regulator — the next steps, each asked for and then
// confirmed before it is sent.
import { useState } from 'preact/hooks';
import { get, post, ApiError } from '../../api';
import { t, tx } from '../../i18n';
import { money } from '../../format';
import { currentUser } from '../../session';
import { Alert, Card, DataTable, errorText, Facts, Field, PageTitle, Show, useFetch } from '../../components/ui';
import { Remaining, StatusBadge } from './cases';
import type { Case, LiabilityParty } from './types';

type Action = 'accept' | 'reject' | 'extend' | 'order' | 'payments' | 'ignored' | 'close' | 'absconded';

function actionsFor(c: Case): Action[] {
  if (c.status === 'received') return c.absconded ? ['accept', 'reject'] : ['accept', 'reject', 'absconded'];
  if (c.status !== 'accepted') return [];
  const a: Action[] = c.absconded ? ['payments', 'close'] : ['payments', 'close', 'absconded'];
  if (!c.extended) a.unshift('extend');
  if (!c.order) a.unshift('order');
  else if (c.order.status === 'overdue') a.unshift('ignored');
  return a;
}

/** One step: its fields, then a confirmation naming what will happen, then the request. */
function StepForm({ c, action, onDone, onCancel }: { c: Case; action: Action; onDone: () => void; onCancel: () => void }) {
  const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
  const [v, setV] = useState<Record<string, string>>({ on: today, outcome: 'paid' });
  const [confirming, setConfirming] = useState(false);
  const [err, setErr] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (k: string) => (e: Event) => setV({ ...v, [k]: (e.target as HTMLInputElement).value });
  const send = async () => {
    setBusy(true);
    setErr('');
    const body: Record<string, string> = { on: v.on };
    if (action === 'reject' || action === 'extend') body.reason = v.reason || '';
    if (action === 'order') body.deadline = v.deadline || '';
    if (action === 'close') {
      body.outcome = v.outcome;
      if (v.amount) body.amount = v.amount;
    }
    if (action === 'payments') Object.assign(body, { id_number: v.id_number || '', amount: v.amount || '', ...(v.txn_id ? { txn_id: v.txn_id } : {}) });
    try {
      await post('/cases/' + encodeURIComponent(c.number) + '/' + action, body);
      onDone();
    } catch (x) {
      setErr(errorText(x as ApiError));
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      class="form"
      id={'step-' + action}
      onSubmit={(e) => {
        e.preventDefault();
        setConfirming(true);
      }}
    >
      <Field id="s-on" label={t('relief.on')}>
        <input id="s-on" type="date" value={v.on} onInput={set('on')} required />
      </Field>
      {(action === 'reject' || action === 'extend') && (
        <Field id="s-reason" label={t('relief.reason')} required>
          <textarea id="s-reason" rows={2} value={v.reason || ''} onInput={set('reason')} required />
        </Field>
      )}
      {action === 'order' && (
        <Field id="s-deadline" label={t('relief.orderDeadline')} required>
          <input id="s-deadline" type="date" value={v.deadline || ''} onInput={set('deadline')} required />
        </Field>
      )}
      {action === 'payments' && (
        <>
          <Field id="s-id" label={t('relief.idNumber')} required>
            <input id="s-id" value={v.id_number || ''} onInput={set('id_number')} required maxLength={18} />
          </Field>
          <Field id="s-txn" label={t('relief.txn')}>
            <input id="s-txn" value={v.txn_id || ''} onInput={set('txn_id')} />
          </Field>
        </>
      )}
      {action === 'close' && (
        <Field id="s-outcome" label={t('relief.outcome')}>
          <select id="s-outcome" value={v.outcome} onChange={set('outcome')}>
            {['paid', 'mediation', 'decision', 'arbitration', 'police', 'no_violation'].map((o) => (
              <option value={o}>{tx('relief.outcome.', o)}</option>
            ))}
          </select>
        </Field>
      )}
      {(action === 'payments' || (action === 'close' && (v.outcome === 'mediation' || v.outcome === 'decision'))) && (
        <Field id="s-amount" label={t('relief.amount')} required={action === 'payments' || v.outcome === 'mediation'}>
          <input id="s-amount" inputMode="decimal" value={v.amount || ''} onInput={set('amount')} />
        </Field>
      )}
      {err && <Alert kind="error">{err}</Alert>}
      {confirming ? (
        <div class="alert alert-warning" role="alertdialog" aria-labelledby="confirm-text" id="confirm-step">
          <p id="confirm-text">{t('relief.confirm', { action: tx('relief.action.', action), number: c.number })}</p>
          <div class="btn-row">
            <button type="button" class="btn btn-primary" id="confirm-yes" disabled={busy} onClick={send}>
              {t('relief.confirmYes')}
            </button>
            <button type="button" class="btn" onClick={() => setConfirming(false)}>
              {t('relief.confirmNo')}
            </button>
          </div>
        </div>
      ) : (
        <div class="btn-row">
          <button type="submit" class="btn btn-primary">
            {tx('relief.action.', action)}
          </button>
          <button type="button" class="btn" onClick={onCancel}>
            {t('relief.cancel')}
          </button>
        </div>
      )}
    </form>
  );
}

function Liability({ number }: { number: string }) {
  const [parties, setParties] = useState<LiabilityParty[] | null>(null);
  const [err, setErr] = useState('');
  const load = async () => {
    try {
      setParties((await get<{ parties: LiabilityParty[] }>('/cases/' + encodeURIComponent(number) + '/liability')).parties);
    } catch (x) {
      setErr(errorText(x as ApiError));
    }
  };
  if (err) return <Alert kind="error">{err}</Alert>;
  if (!parties)
    return (
      <button type="button" class="btn" id="load-liability" onClick={load}>
        {t('relief.computeLiability')}
      </button>
    );
  return (
    <>
    <DataTable<LiabilityParty>
      id="liability-table"
      caption={t('relief.liability')}
      rows={parties}
      columns={[
        { label: t('relief.party'), render: (p) => p.name || p.uscc },
        { label: t('relief.role'), render: (p) => tx('relief.role.', p.role) },
        { label: t('relief.owes'), render: (p) => money(p.owes), align: 'right' },
        { label: t('relief.recoveryFrom'), render: (p) => p.recovery_from || '—' },
        {
          label: t('relief.basis'),
          render: (p) => (
            <>
              {p.basis}
              <ul class="muted">
                {p.records.map((r) => (
                  <li>{r}</li>
                ))}
              </ul>
            </>
          ),
        },
      ]}
    />
    <IssueOrders number={number} />
    </>
  );
}

/** The split's orders, one to each party owing something, after a confirmation. */
function IssueOrders({ number }: { number: string }) {
  const [deadline, setDeadline] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [msg, setMsg] = useState('');
  const [err, setErr] = useState('');
  const send = async () => {
    setErr('');
    try {
      const r = await post<{ issued: { number: string }[] }>('/cases/' + encodeURIComponent(number) + '/liability-orders', { deadline });
      setMsg(t('relief.liabilityIssued', { n: r.issued.length }));
    } catch (x) {
      setErr(errorText(x as ApiError));
    }
    setConfirming(false);
  };
  return (
    <form
      class="form"
      id="liability-orders"
      onSubmit={(e) => {
        e.preventDefault();
        setConfirming(true);
      }}
    >
      <Field id="lo-deadline" label={t('relief.orderDeadline')} required>
        <input id="lo-deadline" type="date" value={deadline} onInput={(e) => setDeadline((e.target as HTMLInputElement).value)} required />
      </Field>
      {msg && <Alert kind="success">{msg}</Alert>}
      {err && <Alert kind="error">{err}</Alert>}
      {confirming ? (
        <div class="alert alert-warning" role="alertdialog">
          <p>{t('relief.liabilityConfirm')}</p>
          <div class="btn-row">
            <button type="button" class="btn btn-primary" onClick={send}>
              {t('relief.confirmYes')}
            </button>
            <button type="button" class="btn" onClick={() => setConfirming(false)}>
              {t('relief.confirmNo')}
            </button>
          </div>
        </div>
      ) : (
        <div class="btn-row">
          <button type="submit" class="btn">
            {t('relief.issueLiability')}
          </button>
        </div>
      )}
    </form>
  );
}

export function CasePage({ number }: { number: string }) {
  const res = useFetch<Case>('/cases/' + encodeURIComponent(number));
  const [action, setAction] = useState<Action | null>(null);
  const [done, setDone] = useState('');
  const me = currentUser();
  const staff = me?.role === 'admin' || me?.role === 'regulator';
  return (
    <Show res={res}>
      {(c) => (
        <>
          <PageTitle sub={(c.employer_name || c.employer) + (c.project ? ' · ' + c.project : '')}>
            {t('relief.caseTitle', { number: c.number })} <StatusBadge c={c} />
          </PageTitle>
          {done && <Alert kind="success">{done}</Alert>}
          {c.overdue && (
            <Alert kind="error" id="overdue-alert">
              {t('relief.overdueAlert', { deadline: c.deadline || '' })}
            </Alert>
          )}
          <div class="grid-2">
            <Card title={t('relief.clock')} id="clock">
              <Facts
                items={[
                  [t('relief.channel'), tx('relief.channel.', c.channel)],
                  [t('relief.received'), c.received],
                  [t('relief.acceptBy'), c.accept_by],
                  [t('relief.accepted'), c.accepted || c.rejected || '—'],
                  [t('relief.concludeBy'), c.conclude_by ? c.conclude_by + (c.extended ? ' ' + t('relief.extendedMark') : '') : '—'],
                  [t('relief.remaining'), <Remaining c={c} />],
                  [t('relief.outcome'), c.outcome ? tx('relief.outcome.', c.outcome) : '—'],
                ]}
              />
            </Card>
            <Card title={t('relief.money')} id="money">
              <Facts
                items={[
                  [t('relief.claimed'), money(c.claimed)],
                  [t('relief.paid'), money(c.paid)],
                  [t('relief.owed'), <span class={Number(c.owed) > 0 ? 'owed-red' : 'owed-ok'}>{money(c.owed)}</span>],
                  [t('relief.workers'), c.workers],
                  [t('relief.order'), c.order ? `${c.order.number} · ${c.order.deadline} · ${tx('relief.orderStatus.', c.order.status)}` : '—'],
                  ...(c.order && c.order.status === 'ignored' ? ([[t('relief.surcharge'), money(c.order.surcharge)]] as [string, string][]) : []),
                ]}
              />
            </Card>
          </div>
          {staff && actionsFor(c).length > 0 && (
            <Card title={t('relief.actions')} id="actions">
              {action ? (
                <StepForm
                  c={c}
                  action={action}
                  onCancel={() => setAction(null)}
                  onDone={() => {
                    setDone(t('relief.stepDone', { action: tx('relief.action.', action) }));
                    setAction(null);
                    res.reload();
                  }}
                />
              ) : (
                <div class="btn-row">
                  {actionsFor(c).map((a) => (
                    <button type="button" class={'btn' + (a === 'ignored' ? ' btn-danger' : '')} id={'act-' + a} onClick={() => setAction(a)}>
                      {tx('relief.action.', a)}
                    </button>
                  ))}
                </div>
              )}
            </Card>
          )}
          {c.description && (
            <Card title={t('relief.description')}>
              <p>{c.description}</p>
            </Card>
          )}
          <Card title={t('relief.complainants')} class="card-flush">
            <DataTable
              caption={t('relief.complainants')}
              captionHidden
              rows={c.complainants || []}
              columns={[
                { label: t('relief.name'), render: (w) => w.name || '—' },
                { label: t('relief.idNumber'), render: (w) => <span class="mono">{w.id_number || '—'}</span> },
                { label: t('relief.claimed'), render: (w) => money(w.claimed), align: 'right' },
                { label: t('relief.paid'), render: (w) => money(w.paid), align: 'right' },
                { label: t('relief.owed'), render: (w) => money(w.owed), align: 'right' },
              ]}
            />
          </Card>
          <Card title={t('relief.documents')} id="documents">
            {(c.documents || []).length === 0 ? (
              <p class="muted">{t('relief.noDocuments')}</p>
            ) : (
              <ul class="linklist">
                {(c.documents || []).map((d) => (
                  <li>
                    {tx('relief.docKind.', d.kind)} <strong>{d.number}</strong> · {d.issued} · {tx('relief.docStatus.', d.status)} ·{' '}
                    <a href={'/api/v1/documents/' + d.id + '?format=html'} target="_blank" rel="noopener">
                      HTML
                    </a>{' '}
                    ·{' '}
                    <a href={'/api/v1/documents/' + d.id + '?format=pdf'} target="_blank" rel="noopener" data-testid="doc-pdf">
                      PDF
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          {staff && (c.absconded || c.order?.status === 'ignored') && (
            <Card title={t('relief.dossier')} id="dossier">
              <p class="muted">{t('relief.dossierHint')}</p>
              <p>
                <a href={'/api/v1/cases/' + encodeURIComponent(c.number) + '/dossier?format=html'} target="_blank" rel="noopener">
                  HTML
                </a>{' '}
                ·{' '}
                <a href={'/api/v1/cases/' + encodeURIComponent(c.number) + '/dossier?format=pdf'} target="_blank" rel="noopener">
                  PDF
                </a>{' '}
                ·{' '}
                <a href={'/api/v1/cases/' + encodeURIComponent(c.number) + '/dossier'} target="_blank" rel="noopener">
                  JSON
                </a>
              </p>
            </Card>
          )}
          {staff && (
            <Card title={t('relief.liability')} id="liability">
              <Liability number={c.number} />
            </Card>
          )}
          <Card title={t('relief.timeline')} id="timeline">
            <ol class="linklist" id="timeline-list">
              {(c.events || []).map((e) => (
                <li data-kind={e.kind}>
                  <strong>{e.on}</strong> {tx('relief.event.', e.kind)}
                  {e.detail ? ' · ' + e.detail : ''}
                  {Number(e.amount) > 0 ? ' · ' + money(e.amount) : ''}
                  {e.actor ? <span class="muted"> · {e.actor}</span> : null}
                </li>
              ))}
            </ol>
          </Card>
        </>
      )}
    </Show>
  );
}
