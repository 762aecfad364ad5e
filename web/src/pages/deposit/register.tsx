// register.tsx — the deposit register (SPEC §7): for a regulator the projects whose deposit
// is missing, guarantees expiring soon and deposits to replenish (from the open warnings),
// then every deposit held in the region; for an enterprise its own deposits with links to
// each project's quote.
import { useState } from 'preact/hooks';
import { asPage, Page, qs } from '../../api';
import { t } from '../../i18n';
import { date, money } from '../../format';
import { navigate } from '../../router';
import { currentUser } from '../../session';
import { Card, DataTable, PageTitle, Show, useFetch } from '../../components/ui';
import { Warning, WarningTable } from '../../components/warnlist';

export interface Deposit {
  id: number;
  project: string;
  contractor: string;
  contractor_name: string;
  form: string;
  number: string;
  issuer: string;
  amount: string;
  lodged_on: string;
  expires_on: string | null;
  status: string;
  activated: string;
  replenished: string;
  balance: string;
  closed_on: string | null;
}

export const formLabel = (f: string) => t(('deposit.form.' + f) as 'deposit.form.cash');
export const statusLabel = (s: string) => t(('deposit.status.' + s) as 'deposit.status.held');

export function DepositTable(props: { rows: Deposit[]; id?: string; hideProject?: boolean }) {
  return (
    <DataTable<Deposit>
      caption={t('deposit.list')}
      captionHidden
      id={props.id}
      rows={props.rows}
      empty={t('deposit.none')}
      columns={[
        ...(props.hideProject ? [] : [{ label: t('col.project'), render: (d: Deposit) => <a href={`/projects/${encodeURIComponent(d.project)}/deposit`}>{d.project}</a> }]),
        { label: t('deposit.col.form'), render: (d) => formLabel(d.form) },
        { label: t('deposit.col.number'), render: (d) => d.number },
        { label: t('deposit.col.issuer'), render: (d) => d.issuer },
        { label: t('deposit.col.amount'), render: (d) => money(d.amount), align: 'right' },
        { label: t('deposit.col.balance'), render: (d) => money(d.balance), align: 'right' },
        { label: t('deposit.col.lodged'), render: (d) => date(d.lodged_on) },
        { label: t('deposit.col.expires'), render: (d) => (d.expires_on ? date(d.expires_on) : '—') },
        { label: t('deposit.col.status'), render: (d) => statusLabel(d.status) },
      ]}
    />
  );
}

function RuleCard(props: { rule: string; title: string; id: string }) {
  const res = useFetch<Page<Warning> | Warning[]>('/warnings' + qs({ open: 1, rule: props.rule, per_page: 200 }));
  return (
    <Card title={props.title} id={props.id}>
      <Show res={res}>{(raw) => <WarningTable rows={asPage(raw).items} caption={props.title} empty={t('deposit.register.nothing')} />}</Show>
    </Card>
  );
}

export function DepositRegisterPage() {
  const staff = currentUser()?.role !== 'enterprise';
  const [code, setCode] = useState('');
  const res = useFetch<{ items: Deposit[] }>('/deposits' + qs({ open: 1 }));
  return (
    <>
      <PageTitle sub={staff ? t('deposit.register.sub') : t('deposit.mine.sub')}>{staff ? t('deposit.register.title') : t('deposit.mine.title')}</PageTitle>
      <form
        class="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          if (code.trim()) navigate(`/projects/${encodeURIComponent(code.trim())}/deposit`);
        }}
      >
        <div class="field field-inline">
          <label for="d-project">{t('deposit.quoteFor')}</label>
          <input id="d-project" value={code} size={14} onInput={(e) => setCode((e.target as HTMLInputElement).value)} />
        </div>
        <div class="filter-actions">
          <button type="submit" class="btn btn-primary">
            {t('deposit.quoteBtn')}
          </button>
        </div>
      </form>
      {staff && (
        <div class="deposit-register">
          <RuleCard rule="DEPOSIT_MISSING" title={t('deposit.register.missing')} id="c-missing" />
          <RuleCard rule="DEPOSIT_EXPIRING" title={t('deposit.register.expiring')} id="c-expiring" />
          <RuleCard rule="REPLENISH_OVERDUE" title={t('deposit.register.replenish')} id="c-replenish" />
        </div>
      )}
      <Card title={t('deposit.held')} id="c-deposits">
        <Show res={res}>{(d) => <DepositTable rows={d.items} id="deposits-table" />}</Show>
      </Card>
    </>
  );
}
