// file.tsx — an enterprise's credit file: score, grade, listing, every event with its source,
// and its listing procedures. The regulator takes the procedure's steps here (notice,
// decision, removal); the enterprise sees its own file and states its case within the period.
import { useState } from 'preact/hooks';
import { ApiError, enc, post, qs } from '../../api';
import { t, tx } from '../../i18n';
import { money, paren, period } from '../../format';
import { currentUser } from '../../session';
import { Alert, Card, DataTable, Facts, Field, PageTitle, Show, errorText, useFetch } from '../../components/ui';
import { GradeBadge } from './overview';
import type { CreditEvent, CreditFile, Listing } from './types';

const today = () => new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);

function Step(props: { listing: Listing; onDone: () => void }) {
  const l = props.listing;
  const u = currentUser();
  const staff = u?.role === 'admin' || u?.role === 'regulator';
  const [on, setOn] = useState(today());
  const [text, setText] = useState('');
  const [paid, setPaid] = useState('');
  const [err, setErr] = useState<ApiError | null>(null);
  const [ok, setOk] = useState(false);
  const act = async (step: string, body: Record<string, unknown>) => {
    setErr(null);
    setOk(false);
    try {
      await post(`/credit/listings/${l.id}/${step}`, { on, ...body });
      setOk(true);
      props.onDone();
    } catch (x) {
      setErr(x as ApiError);
    }
  };
  let actions: preact.JSX.Element | null = null;
  if (staff && l.state === 'proposed')
    actions = (
      <button type="button" class="btn btn-primary" id={`notify-${l.id}`} onClick={() => act('notify', {})}>
        {t('credit.notifyBtn')}
      </button>
    );
  else if (staff && l.state === 'notified')
    actions = (
      <>
        <Field id={`note-${l.id}`} label={t('credit.note')}>
          <input id={`note-${l.id}`} value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} />
        </Field>
        <button type="button" class="btn btn-primary" id={`list-${l.id}`} onClick={() => act('decide', { decision: 'list', note: text || undefined })}>
          {t('credit.listBtn')}
        </button>{' '}
        <button type="button" class="btn" id={`reject-${l.id}`} onClick={() => act('decide', { decision: 'reject', note: text || undefined })}>
          {t('credit.rejectBtn')}
        </button>
      </>
    );
  else if (staff && l.state === 'listed')
    actions = (
      <>
        <Field id={`paid-${l.id}`} label={t('credit.paidOn')}>
          <input id={`paid-${l.id}`} type="date" value={paid} onInput={(e) => setPaid((e.target as HTMLInputElement).value)} />
        </Field>
        <Field id={`commit-${l.id}`} label={t('credit.commitment')}>
          <textarea id={`commit-${l.id}`} rows={2} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
        </Field>
        <button type="button" class="btn btn-primary" id={`remove-${l.id}`} onClick={() => act('remove', { paid_on: paid, commitment: text })}>
          {t('credit.removeBtn')}
        </button>{' '}
        <button type="button" class="btn" id={`revoke-${l.id}`} onClick={() => act('remove', { revoke: true, commitment: text })}>
          {t('credit.revokeBtn')}
        </button>
      </>
    );
  else if (u?.role === 'enterprise' && l.state === 'notified' && !l.statement_on)
    actions = (
      <>
        <Field id={`stmt-${l.id}`} label={t('credit.statement')} hint={t('credit.statementDue') + '：' + (l.statement_due || '')}>
          <textarea id={`stmt-${l.id}`} rows={4} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
        </Field>
        <button type="button" class="btn btn-primary" id={`statement-${l.id}`} onClick={() => act('statement', { text })}>
          {t('credit.statementBtn')}
        </button>
      </>
    );
  if (!actions) return null;
  return (
    <div class="listing-step">
      {err && <Alert kind="error">{errorText(err)}</Alert>}
      {ok && <Alert kind="success">{t('credit.done')}</Alert>}
      <Field id={`on-${l.id}`} label={t('credit.on')}>
        <input id={`on-${l.id}`} type="date" value={on} onInput={(e) => setOn((e.target as HTMLInputElement).value)} />
      </Field>
      {actions}
    </div>
  );
}

function ListingCard(props: { l: Listing; onDone: () => void }) {
  const l = props.l;
  return (
    <Card title={`${tx('credit.grounds.', l.grounds)} · ${tx('credit.state.', l.state)}`} id={`listing-${l.id}`} headingLevel={3}>
      <Facts
        items={[
          [t('credit.state'), <span class={'state state-' + l.state}>{tx('credit.state.', l.state)}</span>],
          [t('credit.legalRep'), l.legal_rep],
          [t('credit.responsible'), l.responsible.join('、') || '—'],
          [t('credit.amount'), money(l.amount)],
          [t('credit.workers'), String(l.workers)],
          [t('credit.deadline'), l.deadline],
          [t('credit.proposedOn'), l.proposed_on],
          [t('credit.statementDue'), l.statement_due || '—'],
          [t('credit.listedOn'), l.listed_on || '—'],
          [t('credit.expiresOn'), l.expires_on || '—'],
          [t('credit.removedOn'), l.removed_on || '—'],
        ]}
      />
      {l.reason && <p class="listing-facts">{l.reason}</p>}
      {l.statement && (
        <p class="listing-statement">
          <strong>{t('credit.statement')}（{l.statement_on}）：</strong>
          {l.statement}
        </p>
      )}
      <Step listing={l} onDone={props.onDone} />
    </Card>
  );
}

export function CreditFilePage({ uscc, query }: { uscc: string; query: URLSearchParams }) {
  const asOf = query.get('as_of') || '';
  const res = useFetch<CreditFile>(`/credit/files/${enc(uscc)}` + qs({ as_of: asOf }));
  return (
    <Show res={res}>
      {(f) => (
        <>
          <PageTitle sub={f.uscc}>{t('credit.fileOf', { name: f.name || f.uscc })}</PageTitle>
          <ul class="kpis" id="credit-kpis">
            <li class="kpi">
              <span class="kpi-label">{t('credit.score')}</span>
              <span class="kpi-value" id="credit-score">{f.score}</span>
            </li>
            <li class="kpi">
              <span class="kpi-label">{t('credit.grade')}</span>
              <span class="kpi-value" id="credit-grade">
                <GradeBadge grade={f.grade} />
              </span>
            </li>
            <li class={'kpi' + (f.listed ? ' kpi-red' : '')}>
              <span class="kpi-label">{t('credit.listed')}</span>
              <span class="kpi-value" id="credit-listed">{f.listed ? paren(t('credit.listedYes'), f.listed_since) : t('credit.listedNo')}</span>
            </li>
            <li class="kpi">
              <span class="kpi-label">{t('credit.interval')}</span>
              <span class="kpi-value">{f.interval_months}</span>
            </li>
          </ul>
          <p class="report-links">
            <a class="btn" id="report-pdf" href={`/api/v1/credit/files/${enc(f.uscc)}/report` + qs({ format: 'pdf', as_of: asOf })} target="_blank" rel="noopener">
              {t('credit.reportPdf')}
            </a>{' '}
            <a class="btn" href={`/api/v1/credit/files/${enc(f.uscc)}/report` + qs({ format: 'html', as_of: asOf })} target="_blank" rel="noopener">
              {t('credit.reportHtml')}
            </a>
          </p>
          <Card title={t('credit.events')} id="credit-events">
            <DataTable
              caption={t('credit.eventsCaption')}
              captionHidden
              id="events-table"
              empty={t('credit.noEvents')}
              columns={[
                { label: t('credit.date'), render: (e: CreditEvent) => e.date },
                { label: t('credit.kind'), render: (e) => tx('credit.kind.', e.kind) },
                { label: t('credit.source'), render: (e) => (e.project ? <a href={'/projects/' + enc(e.project)}>{e.project}</a> : e.source) },
                { label: t('col.period'), render: (e) => (e.period ? period(e.period) : '—') },
                { label: t('credit.delta'), render: (e) => (e.delta > 0 ? '+' : '') + e.delta, align: 'right' },
                { label: t('credit.after'), render: (e) => e.score, align: 'right' },
              ]}
              rows={f.events}
            />
          </Card>
          {f.listings.map((l) => (
            <ListingCard l={l} onDone={res.reload} key={l.id} />
          ))}
        </>
      )}
    </Show>
  );
}

/** The enterprise's own file. */
export function MyCreditPage({ query }: { query: URLSearchParams }) {
  return <CreditFilePage uscc={currentUser()?.scope || ''} query={query} />;
}
