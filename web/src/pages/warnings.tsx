// warnings.tsx — the warnings queue: open or all, by project, level and rule, paged; the
// filters are kept in the address.
import { useState } from 'preact/hooks';
import { asPage, Page, qs } from '../api';
import { t } from '../i18n';
import { setQuery } from '../router';
import { PageTitle, Pager, Show, useFetch } from '../components/ui';
import { Warning, WarningTable } from '../components/warnlist';

const RULES = ['UNPAID', 'NO_PAYROLL', 'UNDERPAID', 'EXCESS_DEDUCTION', 'OFF_CARD', 'UNREGISTERED', 'NO_LABOR_COST', 'LOW_BALANCE', 'COMPLAINTS', 'CRIMINAL_THRESHOLD', 'LISTED_EMPLOYER'];
const PER_PAGE = 50;

export function WarningsPage({ query }: { query: URLSearchParams }) {
  const open = query.get('open') !== '0';
  const project = query.get('project') || '';
  const level = query.get('level') || '';
  const rule = query.get('rule') || '';
  const page = Math.max(1, Number(query.get('page') || 1));
  const [proj, setProj] = useState(project);
  const res = useFetch<Page<Warning> | Warning[]>('/warnings' + qs({ open: open ? 1 : 0, project, level, rule, page, per_page: PER_PAGE }));
  const go = (over: Record<string, string | number | undefined>) => setQuery({ open: open ? undefined : 0, project, level, rule, page: 1, ...over }, true);

  return (
    <>
      <PageTitle>{t('warn.title')}</PageTitle>
      <form
        class="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          go({ project: proj.trim() });
        }}
      >
        <div class="field field-inline">
          <label for="w-level">{t('col.level')}</label>
          <select id="w-level" value={level} onChange={(e) => go({ level: (e.target as HTMLSelectElement).value })}>
            <option value="">{t('level.all')}</option>
            <option value="red">{t('level.red')}</option>
            <option value="orange">{t('level.orange')}</option>
            <option value="yellow">{t('level.yellow')}</option>
          </select>
        </div>
        <div class="field field-inline">
          <label for="w-rule">{t('col.rule')}</label>
          <select id="w-rule" value={rule} onChange={(e) => go({ rule: (e.target as HTMLSelectElement).value })}>
            <option value="">{t('rule.all')}</option>
            {RULES.map((r) => (
              <option value={r}>{t(('rule.' + r) as 'rule.UNPAID')}</option>
            ))}
          </select>
        </div>
        <div class="field field-inline">
          <label for="w-project">{t('warn.projectFilter')}</label>
          <input id="w-project" value={proj} size={12} onInput={(e) => setProj((e.target as HTMLInputElement).value)} />
        </div>
        <div class="field field-check">
          <input id="w-open" type="checkbox" checked={open} onChange={(e) => go({ open: (e.target as HTMLInputElement).checked ? undefined : 0 })} />
          <label for="w-open">{t('warn.openOnly')}</label>
        </div>
        <div class="filter-actions">
          <button type="submit" class="btn btn-primary">
            {t('list.searchBtn')}
          </button>
        </div>
      </form>
      <Show res={res}>
        {(raw) => {
          const p = asPage(raw);
          return (
            <div class="card card-flush">
              <WarningTable rows={p.items} caption={t('warn.title')} id="warnings-table" />
              <Pager page={p.page || page} perPage={p.per_page || PER_PAGE} total={p.total} onPage={(n) => go({ page: n })} />
            </div>
          );
        }}
      </Show>
    </>
  );
}
