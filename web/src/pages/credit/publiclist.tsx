// publiclist.tsx — the public dishonest-employer list (Order 45): who is listed, their legal
// representative and responsible persons, the facts, the term; with CSV and Excel exports.
import { qs } from '../../api';
import { t, tx } from '../../i18n';
import { int, money } from '../../format';
import { Card, DataTable, PageTitle, Show, useFetch } from '../../components/ui';

interface PublicListing {
  uscc: string;
  name: string | null;
  legal_rep: string;
  responsible: string[];
  grounds: string;
  facts: string;
  amount: string;
  workers: number;
  listed_on: string;
  expires_on: string;
  region_code: string;
}

export function PublicListPage({ query }: { query: URLSearchParams }) {
  const asOf = query.get('as_of') || '';
  const res = useFetch<{ as_of: string; items: PublicListing[] }>('/public/dishonest-list' + qs({ as_of: asOf }));
  const exp = (format: string) => '/api/v1/public/dishonest-list/export' + qs({ as_of: asOf, format });
  return (
    <>
      <PageTitle sub={t('credit.listSub')}>{t('credit.listTitle')}</PageTitle>
      <Card
        id="dishonest-list"
        actions={
          <>
            <a class="btn" href={exp('csv')} download="dishonest-list.csv" id="export-csv">
              {t('credit.exportCsv')}
            </a>{' '}
            <a class="btn" href={exp('xlsx')} download="dishonest-list.xlsx" id="export-xlsx">
              {t('credit.exportXlsx')}
            </a>
          </>
        }
      >
        <Show res={res}>
          {(d) => (
            <DataTable
              caption={t('credit.listTitle')}
              captionHidden
              id="list-table"
              empty={t('credit.listEmpty')}
              columns={[
                { label: t('credit.enterprise'), render: (r: PublicListing) => <>{r.name || r.uscc}<br /><small>{r.uscc}</small></> },
                { label: t('credit.legalRep'), render: (r) => r.legal_rep },
                { label: t('credit.responsible'), render: (r) => r.responsible.join('、') || '—' },
                { label: t('credit.grounds'), render: (r) => tx('credit.grounds.', r.grounds) },
                { label: t('credit.facts'), render: (r) => r.facts || '—' },
                { label: t('credit.amount'), render: (r) => money(r.amount), align: 'right' },
                { label: t('credit.workers'), render: (r) => int(r.workers), align: 'right' },
                { label: t('credit.listedOn'), render: (r) => r.listed_on },
                { label: t('credit.expiresOn'), render: (r) => r.expires_on },
              ]}
              rows={d.items}
            />
          )}
        </Show>
      </Card>
    </>
  );
}
