// worker.tsx — the worker's own page (made for a phone): each month's attendance days,
// payroll, paid and unpaid; the payslip with its receipt code; confirm or dispute a payslip;
// a link to the complaint form.
import { useState } from 'preact/hooks';
import { ApiError, enc, post, qs } from '../api';
import { Key, t } from '../i18n';
import { bank, date, money, num, period } from '../format';
import { currentUser, sessionLost } from '../session';
import { Alert, Facts, Field, PageTitle, Show, useFetch, errorText } from '../components/ui';

interface WorkerMonth {
  project: string;
  project_name?: string;
  period: string;
  attendance_days: number;
  payroll: boolean;
  gross: string | null;
  deductions: string | null;
  net: string | null;
  paid: string;
  unpaid: string;
}

interface WorkerSummary {
  id_number: string;
  name: string;
  registered?: boolean;
  phone?: string | null;
  bank_card?: string | null;
  bank_code?: string | null;
  months: WorkerMonth[];
}

interface Payslip {
  project: string;
  project_name?: string;
  employer?: string;
  employer_name?: string;
  name: string;
  id_number: string;
  period: string;
  days: number;
  gross: string;
  deductions: string;
  net: string;
  paid: string;
  unpaid: string;
  bank_card?: string;
  payments: { txn_id: string; paid_on: string; status: string; amount: string; bank_card?: string }[];
  answer: string;
  dispute_reason?: string | null;
  receipt: string;
}

function PayslipView({ id, m }: { id: string; m: WorkerMonth }) {
  const res = useFetch<Payslip>(`/payslips/${enc(id)}/${enc(m.period)}` + qs({ project: m.project }));
  const [mode, setMode] = useState<'none' | 'dispute'>('none');
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState('');
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [reasonErr, setReasonErr] = useState('');

  async function answer(kind: 'confirm' | 'dispute') {
    setMsg(null);
    if (kind === 'dispute') {
      if (!reason.trim()) {
        setReasonErr(t('cmp.required', { field: t('me.disputeReason') }));
        return;
      }
      if (amount.trim() && !/^\d+(\.\d{1,2})?$/.test(amount.trim())) {
        setReasonErr(t('cmp.badAmount'));
        return;
      }
    }
    setReasonErr('');
    setBusy(true);
    try {
      const body: Record<string, string> = { project: m.project };
      if (kind === 'dispute') {
        body.reason = reason.trim();
        if (amount.trim()) body.amount = Number(amount.trim()).toFixed(2);
      }
      await post(`/payslips/${enc(id)}/${enc(m.period)}/${kind}`, body);
      setMsg({ kind: 'success', text: kind === 'confirm' ? t('me.confirmed') : t('me.disputed') });
      setMode('none');
      res.reload();
    } catch (e) {
      const ae = e as ApiError;
      if (ae.status === 401) sessionLost();
      setMsg({ kind: 'error', text: t('app.error', { msg: errorText(ae) }) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="payslip">
      <Show res={res}>
        {(p) => (
          <>
            <Facts
              class="facts-tight"
              items={[
                [t('col.employer'), p.employer_name || p.employer || '—'],
                [t('col.days'), String(p.days)],
                [t('col.gross'), money(p.gross)],
                [t('col.deductions'), money(p.deductions)],
                [t('col.net'), money(p.net)],
                [t('col.paid'), money(p.paid)],
                [t('col.card'), <span class="mono">{p.bank_card || '—'}</span>],
                [t('me.answer'), <span class={'answer answer-' + p.answer}>{t(('me.answer.' + (p.answer || 'none')) as Key)}</span>],
                ...(p.dispute_reason ? [[t('me.disputeWhy'), p.dispute_reason] as [string, preact.ComponentChildren]] : []),
              ]}
            />
            <h4 class="sub">{t('me.payments')}</h4>
            {p.payments.length === 0 ? (
              <p class="muted">{t('me.noPayments')}</p>
            ) : (
              <ul class="payments">
                {p.payments.map((x) => (
                  <li>
                    <span>{date(x.paid_on)}</span> <strong>{money(x.amount)}</strong> <span class="mono-sm muted">{x.txn_id}</span>
                    {x.status !== 'ok' && <span class="badge badge-orange">{x.status}</span>}
                  </li>
                ))}
              </ul>
            )}
            <div class="receipt">
              <span class="receipt-label">{t('me.receipt')}</span>
              <a class="receipt-code mono" href={'/check?code=' + enc(p.receipt)} data-testid="receipt">
                {p.receipt}
              </a>
              <p class="hint">{t('me.receiptHint')}</p>
            </div>
            {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
            {mode === 'dispute' ? (
              <form
                class="form dispute"
                onSubmit={(e) => {
                  e.preventDefault();
                  answer('dispute');
                }}
              >
                <Field id={`reason-${m.project}-${m.period}`} label={t('me.disputeReason')} required error={reasonErr}>
                  <textarea id={`reason-${m.project}-${m.period}`} rows={3} value={reason} onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)} />
                </Field>
                <Field id={`amount-${m.project}-${m.period}`} label={t('me.disputeAmount')}>
                  <input id={`amount-${m.project}-${m.period}`} inputMode="decimal" value={amount} onInput={(e) => setAmount((e.target as HTMLInputElement).value)} />
                </Field>
                <div class="btn-row">
                  <button type="submit" class="btn btn-danger" disabled={busy}>
                    {t('me.disputeSubmit')}
                  </button>
                  <button type="button" class="btn" onClick={() => setMode('none')}>
                    {t('me.cancel')}
                  </button>
                </div>
              </form>
            ) : (
              <div class="btn-row">
                {p.answer !== 'confirmed' && num(p.paid) > 0 && (
                  <button type="button" class="btn btn-primary" disabled={busy} onClick={() => answer('confirm')} aria-describedby={p.answer === 'disputed' ? `kept-${m.project}-${m.period}` : undefined}>
                    {t('me.confirm')}
                  </button>
                )}
                {p.answer !== 'confirmed' && num(p.paid) <= 0 && (
                  <p class="hint" data-testid="nothing-paid">
                    {t('me.confirmNothingPaid')}
                  </p>
                )}
                {p.answer === 'disputed' && num(p.paid) > 0 && (
                  <p class="hint" id={`kept-${m.project}-${m.period}`}>
                    {t('me.disputeKept')}
                  </p>
                )}
                {p.answer !== 'disputed' && (
                  <button type="button" class="btn" disabled={busy} onClick={() => setMode('dispute')}>
                    {t('me.dispute')}
                  </button>
                )}
              </div>
            )}
          </>
        )}
      </Show>
    </div>
  );
}

function MonthCard({ id, m }: { id: string; m: WorkerMonth }) {
  const [open, setOpen] = useState(false);
  const unpaid = num(m.unpaid) > 0;
  const panel = `slip-${m.project}-${m.period}`;
  return (
    <li class={'month' + (unpaid ? ' month-unpaid' : '')}>
      <div class="month-head">
        <h3>{period(m.period)}</h3>
        <span class="muted">{m.project_name || m.project}</span>
      </div>
      <dl class="month-figs">
        <div>
          <dt>{t('col.days')}</dt>
          <dd>{m.attendance_days}</dd>
        </div>
        <div>
          <dt>{t('col.net')}</dt>
          <dd>{m.payroll ? money(m.net) : <span class="muted">{t('me.noPayroll')}</span>}</dd>
        </div>
        <div>
          <dt>{t('col.paid')}</dt>
          <dd>{money(m.paid)}</dd>
        </div>
        <div>
          <dt>{t('col.unpaid')}</dt>
          <dd class={unpaid ? 'num-red' : ''}>{money(m.unpaid)}</dd>
        </div>
      </dl>
      {m.payroll && (
        <>
          <button type="button" class="btn btn-link" aria-expanded={open} aria-controls={panel} onClick={() => setOpen(!open)}>
            {open ? t('me.hidePayslip') : t('me.payslip')}
          </button>
          <div id={panel}>{open && <PayslipView id={id} m={m} />}</div>
        </>
      )}
    </li>
  );
}

export function WorkerPage() {
  const u = currentUser();
  const id = u?.scope || '';
  const res = useFetch<WorkerSummary>(`/workers/${enc(id)}`);
  return (
    <div class="narrow">
      <Show res={res}>
        {(w) => {
          const months = [...(w.months || [])].sort((a, b) => (a.period < b.period ? 1 : a.period > b.period ? -1 : a.project.localeCompare(b.project)));
          const unpaid = months.reduce((s, m) => s + Math.round(num(m.unpaid) * 100), 0);
          // "all paid" only where there is a payroll to have been paid
          const withPayroll = months.filter((m) => m.payroll).length;
          const noPayroll = months.filter((m) => !m.payroll && m.attendance_days > 0).length;
          return (
            <>
              <PageTitle sub={t('me.title')}>{t('me.hello', { name: w.name })}</PageTitle>
              <section class="card">
                <div class="card-body">
                  <Facts
                    class="facts-tight"
                    items={[
                      [t('me.idNumber'), <span class="mono">{w.id_number}</span>],
                      [t('me.phone'), <span class="mono">{w.phone || '—'}</span>],
                      [t('me.card'), <span>{w.bank_code ? bank(w.bank_code) + ' ' : ''}<span class="mono">{w.bank_card || '—'}</span></span>],
                    ]}
                  />
                  <div class={'owed ' + (unpaid > 0 ? 'owed-red' : withPayroll === 0 ? 'owed-none' : 'owed-ok')} id="owed">
                    {unpaid > 0 ? (
                      <>
                        <span>{t('me.unpaidTotal')}</span>
                        <strong>{money((unpaid / 100).toFixed(2))}</strong>
                        <a class="btn btn-danger" href="/me/complaint">
                          {t('me.complaint')}
                        </a>
                      </>
                    ) : withPayroll === 0 ? (
                      <span data-testid="no-wages">{t('me.noWagesYet')}</span>
                    ) : (
                      <span>{t('me.allPaid')}</span>
                    )}
                    {noPayroll > 0 && (
                      <p class="hint" data-testid="no-payroll-months">
                        {t('me.someNoPayroll', { n: noPayroll })}
                      </p>
                    )}
                  </div>
                </div>
              </section>
              <h2 class="section-h">{t('me.months')}</h2>
              <ul class="months" id="months">
                {months.map((m) => (
                  <MonthCard id={id} m={m} key={m.project + m.period} />
                ))}
              </ul>
              <p>
                <a href="/me/complaint">{t('me.complaint')} ›</a>
              </p>
            </>
          );
        }}
      </Show>
    </div>
  );
}
