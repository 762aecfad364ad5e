// tasks.tsx — the inspection tasks red warnings opened (SPEC §5), listed for the regulator of
// the region, open ones first by default.
import { asPage, Page, qs } from '../../api';
import { t, tx } from '../../i18n';
import { setQuery } from '../../router';
import { money } from '../../format';
import { DataTable, LevelBadge, PageTitle, Pager, Show, useFetch } from '../../components/ui';
import type { InspectionTask } from './types';

const PER_PAGE = 50;

export function TasksPage({ query }: { query: URLSearchParams }) {
  const open = query.get('open') !== '0';
  const page = Math.max(1, Number(query.get('page') || 1));
  const res = useFetch<Page<InspectionTask>>('/inspection-tasks' + qs({ open: open ? 1 : 0, page, per_page: PER_PAGE }));
  return (
    <>
      <PageTitle sub={t('relief.tasksSub')}>{t('relief.tasks')}</PageTitle>
      <div class="filters">
        <div class="field field-check">
          <input id="t-open" type="checkbox" checked={open} onChange={(e) => setQuery({ open: (e.target as HTMLInputElement).checked ? undefined : 0 }, true)} />
          <label for="t-open">{t('relief.openOnly')}</label>
        </div>
      </div>
      <Show res={res}>
        {(raw) => {
          const p = asPage(raw);
          return (
            <div class="card card-flush">
              <DataTable<InspectionTask>
                id="tasks-table"
                caption={t('relief.tasks')}
                rows={p.items}
                rowKey={(x) => x.id}
                columns={[
                  { label: t('relief.openedOn'), render: (x) => x.opened_on, class: 'nowrap' },
                  { label: t('col.level'), render: (x) => <LevelBadge level={x.level} /> },
                  { label: t('col.rule'), render: (x) => tx('rule.', x.rule) },
                  { label: t('relief.project'), render: (x) => (x.project ? <a href={'/projects/' + encodeURIComponent(x.project)}>{x.project_name || x.project}</a> : '—') },
                  { label: t('relief.employer'), render: (x) => x.employer_name || x.employer || '—' },
                  { label: t('relief.amount'), render: (x) => money(x.amount), align: 'right' },
                  { label: t('relief.statusCol'), render: (x) => (x.warning_resolved_on ? t('relief.warningResolved', { date: x.warning_resolved_on }) : tx('relief.taskStatus.', x.status)) },
                ]}
              />
              <Pager page={p.page || page} perPage={p.per_page || PER_PAGE} total={p.total} onPage={(n) => setQuery({ open: open ? undefined : 0, page: n }, true)} />
            </div>
          );
        }}
      </Show>
    </>
  );
}
