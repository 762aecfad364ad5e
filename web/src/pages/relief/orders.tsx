// orders.tsx — the enterprise's "orders addressed to us": every numbered document the bureau
// issued to it (orders to pay with their deadlines, decisions, referrals), each as HTML or PDF.
import { asPage, Page } from '../../api';
import { t, tx } from '../../i18n';
import { money } from '../../format';
import { DataTable, PageTitle, Show, useFetch } from '../../components/ui';
import type { DocumentRow } from './types';

export function OrdersPage() {
  const res = useFetch<Page<DocumentRow>>('/documents?per_page=200');
  return (
    <>
      <PageTitle sub={t('relief.ordersSub')}>{t('relief.orders')}</PageTitle>
      <Show res={res}>
        {(raw) => (
          <div class="card card-flush">
            <DataTable<DocumentRow>
              id="orders-table"
              caption={t('relief.orders')}
              rows={asPage(raw).items}
              rowKey={(d) => d.id}
              empty={t('relief.noOrders')}
              columns={[
                { label: t('relief.docNumber'), render: (d) => d.number, class: 'nowrap' },
                { label: t('relief.docKindCol'), render: (d) => tx('relief.docKind.', d.kind) },
                { label: t('relief.issued'), render: (d) => d.issued, class: 'nowrap' },
                { label: t('relief.orderDeadline'), render: (d) => d.deadline || '—', class: 'nowrap' },
                { label: t('relief.amount'), render: (d) => money(d.amount), align: 'right' },
                { label: t('relief.statusCol'), render: (d) => tx('relief.docStatus.', d.status) },
                {
                  label: t('relief.view'),
                  render: (d) => (
                    <>
                      <a href={'/api/v1/documents/' + d.id + '?format=html'} target="_blank" rel="noopener">
                        HTML
                      </a>{' '}
                      ·{' '}
                      <a href={'/api/v1/documents/' + d.id + '?format=pdf'} target="_blank" rel="noopener">
                        PDF
                      </a>
                    </>
                  ),
                },
              ]}
            />
          </div>
        )}
      </Show>
    </>
  );
}
