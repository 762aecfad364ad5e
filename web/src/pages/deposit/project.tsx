// project.tsx — one project's deposit (SPEC §7): the quote with every factor that made it
// and the records behind it, the deposits with their balances, the life cycle, and the forms
// to lodge a deposit and record a life-cycle event.
import { useState } from 'preact/hooks';
import { ApiError, post, qs } from '../../api';
import { t } from '../../i18n';
import { date, money } from '../../format';
import { currentUser } from '../../session';
import { Alert, Card, DataTable, Facts, Field, PageTitle, Show, errorText, useFetch } from '../../components/ui';
import { Deposit, DepositTable } from './register';

interface Factor {
  factor: string;
  [k: string]: unknown;
}
interface Quote {
  project: string;
  contractor: string;
  as_of: string;
  contract_value: string;
  rate: string;
  multiplier: string;
  exempt: boolean;
  reason: string | null;
  amount: string;
  factors: Factor[];
}
interface DepositFile {
  project: string;
  as_of: string;
  phase: string;
  held: boolean;
  quote: Quote;
  deposits: Deposit[];
  events: { event: string; date: string; note: string | null }[];
  return_notice: { published_on: string; ends_on: string; status: string } | null;
}

const yes = (b: unknown) => (b ? t('deposit.yes') : t('deposit.no'));

function factorText(f: Factor): string {
  switch (f.factor) {
    case 'rate':
      return `${f.value}（${f.source}）`;
    case 'cap':
      return f.value ? money(f.value as string) : t('deposit.noCap');
    case 'industry':
      return `${f.industry}：${yes(f.required)}`;
    case 'listed':
      return yes(f.value);
    case 'arrears':
      return `${yes(f.value)}（${date(f.after as string)} – ${date(f.through as string)}${(f.warnings as unknown[]).length ? '，' + t('deposit.records', { n: (f.warnings as unknown[]).length }) : ''}${f.substantiated_case ? '，' + t('deposit.caseFound') : ''}）`;
    case 'violations':
      return `${yes(f.value)}${(f.warnings as unknown[]).length ? '（' + t('deposit.records', { n: (f.warnings as unknown[]).length }) + '）' : ''}`;
    case 'history':
      return `${yes(f.value)}（${t('deposit.earliest')} ${f.earliest_start ? date(f.earliest_start as string) : '—'}）`;
    case 'small_contract':
      return yes(f.value);
    case 'multiplier':
      return `${f.value} · ${t(('deposit.rule.' + f.rule) as 'deposit.rule.base')}${f.capped ? ' · ' + t('deposit.capped') : ''}`;
  }
  return JSON.stringify(f);
}

function factorLabel(f: Factor): string {
  const n = f.years ? t('deposit.years', { n: f.years as number }) : '';
  return t(('deposit.factor.' + f.factor) as 'deposit.factor.rate') + (n ? ' · ' + n : '');
}

function LodgeForm(props: { code: string; onDone: () => void }) {
  const [f, setF] = useState({ form: 'bank_guarantee', number: '', issuer: '', amount: '', lodged_on: '', expires_on: '' });
  const [msg, setMsg] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const set = (k: string) => (e: Event) => setF({ ...f, [k]: (e.target as HTMLInputElement).value });
  return (
    <form
      id="lodge-form"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          const body: Record<string, string> = { form: f.form, number: f.number, issuer: f.issuer, amount: f.amount };
          if (f.lodged_on) body.lodged_on = f.lodged_on;
          if (f.expires_on && f.form !== 'cash') body.expires_on = f.expires_on;
          await post(`/projects/${encodeURIComponent(props.code)}/deposits`, body);
          setMsg({ kind: 'success', text: t('deposit.lodged') });
          props.onDone();
        } catch (err) {
          setMsg({ kind: 'error', text: errorText(err as ApiError) });
        }
      }}
    >
      {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
      <div>
        <Field id="l-form" label={t('deposit.col.form')} required>
          <select id="l-form" value={f.form} onChange={set('form')}>
            {['cash', 'bank_guarantee', 'insurance', 'guarantor'].map((x) => (
              <option value={x}>{t(('deposit.form.' + x) as 'deposit.form.cash')}</option>
            ))}
          </select>
        </Field>
        <Field id="l-number" label={f.form === 'cash' ? t('deposit.account') : t('deposit.col.number')} required>
          <input id="l-number" required value={f.number} onInput={set('number')} />
        </Field>
        <Field id="l-issuer" label={f.form === 'cash' ? t('deposit.bank') : t('deposit.col.issuer')} required>
          <input id="l-issuer" required value={f.issuer} onInput={set('issuer')} />
        </Field>
        <Field id="l-amount" label={t('deposit.col.amount')} required>
          <input id="l-amount" required inputMode="decimal" value={f.amount} onInput={set('amount')} />
        </Field>
        <Field id="l-lodged" label={t('deposit.col.lodged')}>
          <input id="l-lodged" type="date" value={f.lodged_on} onInput={set('lodged_on')} />
        </Field>
        {f.form !== 'cash' && (
          <Field id="l-expires" label={t('deposit.col.expires')} required>
            <input id="l-expires" type="date" required value={f.expires_on} onInput={set('expires_on')} />
          </Field>
        )}
      </div>
      <button type="submit" class="btn btn-primary">
        {t('deposit.lodgeBtn')}
      </button>
    </form>
  );
}

function EventForm(props: { code: string; onDone: () => void }) {
  const [ev, setEv] = useState('started');
  const [d, setD] = useState('');
  const [msg, setMsg] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  return (
    <form
      id="event-form"
      class="filters"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await post(`/projects/${encodeURIComponent(props.code)}/events`, { event: ev, date: d });
          setMsg({ kind: 'success', text: t('deposit.eventRecorded') });
          props.onDone();
        } catch (err) {
          setMsg({ kind: 'error', text: errorText(err as ApiError) });
        }
      }}
    >
      {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
      <div class="field field-inline">
        <label for="e-event">{t('deposit.event')}</label>
        <select id="e-event" value={ev} onChange={(e) => setEv((e.target as HTMLSelectElement).value)}>
          {['started', 'suspended', 'resumed', 'completed', 'settled'].map((x) => (
            <option value={x}>{t(('deposit.ev.' + x) as 'deposit.ev.started')}</option>
          ))}
        </select>
      </div>
      <div class="field field-inline">
        <label for="e-date">{t('deposit.date')}</label>
        <input id="e-date" type="date" required value={d} onInput={(e) => setD((e.target as HTMLInputElement).value)} />
      </div>
      <div class="filter-actions">
        <button type="submit" class="btn">
          {t('deposit.eventBtn')}
        </button>
      </div>
    </form>
  );
}

export function ProjectDepositPage({ code, query }: { code: string; query: URLSearchParams }) {
  const asOf = query.get('as_of') || '';
  const res = useFetch<DepositFile>(`/projects/${encodeURIComponent(code)}/deposit` + qs({ as_of: asOf }));
  const role = currentUser()?.role;
  return (
    <>
      <PageTitle sub={code}>{t('deposit.project.title')}</PageTitle>
      <Show res={res}>
        {(d) => (
          <>
            <Card title={t('deposit.quote')} id="c-quote">
              <Facts
                items={[
                  [t('deposit.contractValue'), money(d.quote.contract_value)],
                  [t('deposit.rate'), d.quote.rate],
                  [t('deposit.multiplier'), d.quote.multiplier],
                  [t('deposit.required'), <strong id="quote-amount">{money(d.quote.amount)}</strong>],
                  [t('deposit.exempt'), d.quote.exempt ? t(('deposit.rule.' + d.quote.reason) as 'deposit.rule.base') : t('deposit.no')],
                  [t('deposit.phase'), t(('deposit.phase.' + d.phase) as 'deposit.phase.started')],
                  [t('deposit.heldNow'), yes(d.held)],
                ]}
              />
              <DataTable<Factor>
                caption={t('deposit.factors')}
                id="quote-factors"
                rows={d.quote.factors}
                columns={[
                  { label: t('deposit.factor'), render: (f) => factorLabel(f) },
                  { label: t('deposit.finding'), render: (f) => factorText(f) },
                ]}
              />
            </Card>
            <Card title={t('deposit.list')} id="c-project-deposits">
              <DepositTable rows={d.deposits} hideProject />
            </Card>
            {role !== 'bank' && role !== 'worker' && (
              <Card title={t('deposit.lodgeTitle')} id="c-lodge">
                <LodgeForm code={code} onDone={res.reload} />
              </Card>
            )}
            <Card title={t('deposit.lifecycle')} id="c-events">
              <DataTable
                caption={t('deposit.lifecycle')}
                captionHidden
                rows={d.events}
                columns={[
                  { label: t('deposit.date'), render: (e) => date(e.date) },
                  { label: t('deposit.event'), render: (e) => t(('deposit.ev.' + e.event) as 'deposit.ev.started') },
                  { label: t('deposit.note'), render: (e) => e.note || '' },
                ]}
              />
              <EventForm code={code} onDone={res.reload} />
            </Card>
            {d.return_notice && (
              <Card title={t('deposit.returnNotice')} id="c-return">
                <p>{t('deposit.noticeRuns', { from: date(d.return_notice.published_on), to: date(d.return_notice.ends_on) })}</p>
              </Card>
            )}
          </>
        )}
      </Show>
    </>
  );
}
