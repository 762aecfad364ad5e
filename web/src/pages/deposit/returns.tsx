// returns.tsx — the public deposit-return notices (SPEC §7): every project whose contractor
// asked for its wage deposit back after completion, with the notice period in which anyone
// owed wages on it can still come forward, and the contractor's written promise.
import { t } from '../../i18n';
import { date } from '../../format';
import { DataTable, PageTitle, Show, useFetch } from '../../components/ui';

interface Notice {
  id: number;
  project: string;
  project_name: string;
  contractor: string;
  contractor_name: string;
  published_on: string;
  ends_on: string;
  status: string;
  returned_on: string | null;
  promise: string;
}

export function DepositReturnsPage() {
  const res = useFetch<{ items: Notice[] }>('/public/deposit-returns');
  return (
    <>
      <PageTitle sub={t('deposit.returns.sub')}>{t('deposit.returns.title')}</PageTitle>
      <Show res={res}>
        {(d) => (
          <DataTable<Notice>
            caption={t('deposit.returns.title')}
            id="returns-table"
            rows={d.items}
            empty={t('deposit.returns.none')}
            columns={[
              { label: t('col.project'), render: (n) => `${n.project_name}（${n.project}）` },
              { label: t('deposit.returns.contractor'), render: (n) => n.contractor_name },
              { label: t('deposit.returns.period'), render: (n) => `${date(n.published_on)} – ${date(n.ends_on)}` },
              { label: t('deposit.returns.promise'), render: (n) => n.promise },
              { label: t('deposit.col.status'), render: (n) => (n.status === 'returned' ? t('deposit.returns.returned', { d: date(n.returned_on) }) : t('deposit.returns.open')) },
            ]}
          />
        )}
      </Show>
    </>
  );
}
