// projects.tsx — the projects in the user's scope: search by name or code, filter by region,
// paging; filters live in the address so a list can be bookmarked and the back button works.
import { useState } from 'preact/hooks';
import { asPage, Page, qs } from '../api';
import { t, tx } from '../i18n';
import { int, region } from '../format';
import { setQuery } from '../router';
import { currentUser } from '../session';
import { DataTable, PageTitle, Pager, Show, useFetch } from '../components/ui';

export interface ProjectRow {
  code: string;
  name: string;
  region_code: string;
  industry: string;
  owner: { uscc: string; name: string } | null;
  contractor: { uscc: string; name: string } | null;
  open_warnings: number;
  red_warnings: number;
}

const PER_PAGE = 20;

export function ProjectsPage({ query }: { query: URLSearchParams }) {
  const q = query.get('q') || '';
  const reg = query.get('region') || '';
  const page = Math.max(1, Number(query.get('page') || 1));
  const [qIn, setQ] = useState(q);
  const [regIn, setReg] = useState(reg);
  const res = useFetch<Page<ProjectRow> | ProjectRow[]>('/projects' + qs({ q, region: reg, page, per_page: PER_PAGE }));
  const showRegion = currentUser()?.role !== 'worker';

  return (
    <>
      <PageTitle>{t('proj.title')}</PageTitle>
      <form
        class="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery({ q: qIn.trim(), region: regIn.trim(), page: 1 }, true);
        }}
      >
        <div class="field field-inline grow">
          <label for="f-q">{t('list.search')}</label>
          <input id="f-q" type="search" value={qIn} onInput={(e) => setQ((e.target as HTMLInputElement).value)} />
        </div>
        {showRegion && (
          <div class="field field-inline">
            <label for="f-region">{t('list.region')}</label>
            <input id="f-region" inputMode="numeric" pattern="[0-9]*" maxLength={6} size={8} value={regIn} onInput={(e) => setReg((e.target as HTMLInputElement).value)} />
          </div>
        )}
        <div class="filter-actions">
          <button class="btn btn-primary" type="submit">
            {t('list.searchBtn')}
          </button>
          {(q || reg) && (
            <button
              class="btn"
              type="button"
              onClick={() => {
                setQ('');
                setReg('');
                setQuery({}, true);
              }}
            >
              {t('list.reset')}
            </button>
          )}
        </div>
      </form>
      <Show res={res}>
        {(raw) => {
          const p = asPage(raw);
          return (
            <div class="card card-flush">
              <DataTable<ProjectRow>
                caption={t('proj.title')}
                captionHidden
                id="projects-table"
                rowKey={(r) => r.code}
                columns={[
                  { label: t('col.code'), render: (r) => <a href={'/projects/' + encodeURIComponent(r.code)}>{r.code}</a>, class: 'nowrap' },
                  { label: t('col.projectName'), render: (r) => <a href={'/projects/' + encodeURIComponent(r.code)}>{r.name}</a> },
                  { label: t('col.region'), render: (r) => region(r.region_code), class: 'nowrap' },
                  { label: t('col.industry'), render: (r) => tx('industry.', r.industry), class: 'nowrap hide-sm' },
                  { label: t('col.contractor'), render: (r) => r.contractor?.name || '—', class: 'hide-sm' },
                  { label: t('col.openWarnings'), render: (r) => int(r.open_warnings), align: 'right' },
                  {
                    label: t('col.redWarnings'),
                    render: (r) => (r.red_warnings > 0 ? <span class="badge badge-red">{r.red_warnings}</span> : '0'),
                    align: 'right',
                  },
                ]}
                rows={p.items}
              />
              <Pager page={p.page || page} perPage={p.per_page || PER_PAGE} total={p.total} onPage={(n) => setQuery({ q, region: reg, page: n }, true)} />
            </div>
          );
        }}
      </Show>
    </>
  );
}
