// warnings.tsx — the warnings queue: most urgent first (level, then days overdue), filtered by
// state, district, rule, level, first-seen dates and project, sorted by any column, paged,
// exported as Excel or CSV; the filters and the order are kept in the address.
import { useState } from 'preact/hooks';
import { asPage, Page, qs } from '../api';
import { t } from '../i18n';
import { setQuery } from '../router';
import { region as regionName } from '../format';
import { currentUser } from '../session';
import { PageTitle, Pager, Show, useFetch } from '../components/ui';
import { Warning, WarningTable } from '../components/warnlist';

const RULES = ['UNPAID', 'NO_PAYROLL', 'UNDERPAID', 'EXCESS_DEDUCTION', 'OFF_CARD', 'UNREGISTERED', 'NO_LABOR_COST', 'LOW_BALANCE', 'COMPLAINTS', 'CRIMINAL_THRESHOLD', 'LISTED_EMPLOYER'];
// the districts of the demo region (Hangzhou); a regulator sees those within their scope
const DISTRICTS = ['330102', '330105', '330106', '330108', '330109', '330110', '330111', '330112', '330113', '330114', '330122', '330127', '330182'];
const PER_PAGE = 50;

export function WarningsPage({ query }: { query: URLSearchParams }) {
  const open = query.get('open') !== '0';
  const f = {
    project: query.get('project') || '',
    level: query.get('level') || '',
    rule: query.get('rule') || '',
    region: query.get('region') || '',
    from: query.get('from') || '',
    to: query.get('to') || '',
    sort: query.get('sort') || '',
  };
  const page = Math.max(1, Number(query.get('page') || 1));
  const [proj, setProj] = useState(f.project);
  const filters = { open: open ? 1 : 0, ...f };
  const res = useFetch<Page<Warning> | Warning[]>('/warnings' + qs({ ...filters, page, per_page: PER_PAGE }));
  const go = (over: Record<string, string | number | undefined>) => setQuery({ open: open ? undefined : 0, ...f, page: 1, ...over }, true);
  const scope = currentUser()?.role === 'regulator' ? currentUser()?.scope || '' : '';
  const districts = DISTRICTS.filter((d) => d.startsWith(scope) || scope.startsWith(d));
  const exportHref = (format: string) => '/api/v1/warnings' + qs({ ...filters, format });

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
          <select id="w-level" value={f.level} onChange={(e) => go({ level: (e.target as HTMLSelectElement).value })}>
            <option value="">{t('level.all')}</option>
            <option value="red">{t('level.red')}</option>
            <option value="orange">{t('level.orange')}</option>
            <option value="yellow">{t('level.yellow')}</option>
          </select>
        </div>
        <div class="field field-inline">
          <label for="w-rule">{t('col.rule')}</label>
          <select id="w-rule" value={f.rule} onChange={(e) => go({ rule: (e.target as HTMLSelectElement).value })}>
            <option value="">{t('rule.all')}</option>
            {RULES.map((r) => (
              <option value={r}>{t(('rule.' + r) as 'rule.UNPAID')}</option>
            ))}
          </select>
        </div>
        {currentUser()?.role !== 'enterprise' && (
          <div class="field field-inline">
            <label for="w-region">{t('warn.district')}</label>
            <select id="w-region" value={f.region} onChange={(e) => go({ region: (e.target as HTMLSelectElement).value })}>
              <option value="">{t('warn.allDistricts')}</option>
              {districts.map((d) => (
                <option value={d}>{regionName(d)}</option>
              ))}
            </select>
          </div>
        )}
        <div class="field field-inline">
          <label for="w-from">{t('warn.from')}</label>
          <input id="w-from" type="date" value={f.from} onChange={(e) => go({ from: (e.target as HTMLInputElement).value })} />
        </div>
        <div class="field field-inline">
          <label for="w-to">{t('warn.to')}</label>
          <input id="w-to" type="date" value={f.to} onChange={(e) => go({ to: (e.target as HTMLInputElement).value })} />
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
          <a class="btn" id="w-export-xlsx" href={exportHref('xlsx')} download>
            {t('warn.exportXlsx')}
          </a>
          <a class="btn" id="w-export-csv" href={exportHref('csv')} download>
            {t('warn.exportCsv')}
          </a>
        </div>
      </form>
      <Show res={res}>
        {(raw) => {
          const p = asPage(raw);
          return (
            <div class="card card-flush">
              <WarningTable rows={p.items} caption={t('warn.title')} id="warnings-table" sort={f.sort || '-level'} onSort={(s) => go({ sort: s })} />
              <Pager page={p.page || page} perPage={p.per_page || PER_PAGE} total={p.total} onPage={(n) => go({ page: n })} />
            </div>
          );
        }}
      </Show>
    </>
  );
}
