// warnlist.tsx — the table of stored warnings (warnings queue and a project's warnings):
// names beside the codes (the worker's masked as the server sends them), each row leading to
// its project, employer (credit's file, once there) and worker (the project's roster), and
// — once relief's pages are there — to opening a case or dispatching an inspection.
import { t, tx } from '../i18n';
import { date, int, money, period, region } from '../format';
import { enc } from '../api';
import { currentUser } from '../session';
import { hasPage } from '../links';
import { Column, DataTable, LevelBadge } from './ui';

export interface Warning {
  id?: number;
  rule: string;
  level: string;
  project: string | null;
  employer: string | null;
  employer_name?: string | null;
  worker: string | null;
  worker_name?: string | null;
  project_name?: string | null;
  region?: string | null;
  period: string | null;
  amount: string;
  overdue_days: number;
  days: number;
  first_seen?: string;
  last_seen?: string;
  resolved_on?: string | null;
}

/** A code in small type under a name, or the code alone. */
function named(name: string | null | undefined, code: string | null | undefined, href?: string) {
  if (!code && !name) return '—';
  const main = name || code;
  return (
    <span class="named">
      {href ? <a href={href}>{main}</a> : main}
      {name && code ? <span class="code">{code}</span> : null}
    </span>
  );
}

export function WarningTable(props: { rows: Warning[]; caption: string; hideProject?: boolean; empty?: string; id?: string; sort?: string; onSort?: (s: string) => void }) {
  const role = currentUser()?.role;
  const cases = hasPage('/cases', role);
  const tasks = hasPage('/inspection-tasks', role);
  const creditFiles = hasPage('/credit/files/x', role);
  const cols: Column<Warning>[] = [
    { label: t('col.level'), render: (w) => <LevelBadge level={w.level} />, class: 'nowrap', sortKey: 'level' },
    {
      label: t('col.rule'),
      sortKey: 'rule',
      render: (w) => (
        <span title={w.rule}>
          {tx('rule.', w.rule)}
          {w.days ? <span class="muted"> · {t('warn.days', { n: w.days })}</span> : null}
        </span>
      ),
    },
    ...(props.hideProject
      ? []
      : [
          {
            label: t('col.project'),
            sortKey: 'project',
            render: (w: Warning) => named(w.project_name, w.project, w.project ? '/projects/' + enc(w.project) : undefined),
          },
        ]),
    {
      label: t('col.employer'),
      sortKey: 'employer',
      render: (w) => named(w.employer_name, w.employer, w.employer && creditFiles ? '/credit/files/' + enc(w.employer) : undefined),
    },
    {
      label: t('col.worker'),
      sortKey: 'worker',
      class: 'nowrap',
      render: (w) =>
        named(
          w.worker_name,
          w.worker,
          w.worker && w.project ? '/projects/' + enc(w.project) + '?tab=roster&worker=' + enc(w.worker) : undefined,
        ),
    },
    ...(props.hideProject ? [] : [{ label: t('warn.district'), render: (w: Warning) => region(w.region), class: 'nowrap hide-sm' }]),
    { label: t('col.period'), render: (w) => period(w.period), class: 'nowrap', sortKey: 'period' },
    { label: t('col.amount'), render: (w) => money(w.amount), align: 'right', class: 'nowrap', sortKey: 'amount' },
    { label: t('col.overdue'), render: (w) => (w.overdue_days ? int(w.overdue_days) : '—'), align: 'right', sortKey: 'overdue' },
    { label: t('col.firstSeen'), render: (w) => date(w.first_seen), class: 'nowrap hide-sm', sortKey: 'first_seen' },
    {
      label: t('col.status'),
      render: (w) => (w.resolved_on ? <span class="status-done">{t('warn.resolved', { date: w.resolved_on })}</span> : <span class="status-open">{t('warn.open')}</span>),
      class: 'nowrap',
    },
  ];
  if ((cases || tasks) && !props.hideProject)
    cols.push({
      label: t('warn.actions'),
      class: 'nowrap',
      render: (w) =>
        w.resolved_on ? (
          '—'
        ) : (
          <span class="row-actions">
            {cases && (
              <a href={'/cases?new=1' + (w.id ? '&warning=' + w.id : '') + (w.project ? '&project=' + enc(w.project) : '') + (w.employer ? '&employer=' + enc(w.employer) : '')}>{t('warn.openCase')}</a>
            )}
            {tasks && w.project && <a href={'/inspection-tasks?project=' + enc(w.project)}>{t('warn.inspect')}</a>}
          </span>
        ),
    });
  return (
    <DataTable<Warning>
      caption={props.caption}
      captionHidden
      id={props.id}
      empty={props.empty}
      rowKey={(w, i) => w.id ?? i}
      rowClass={(w) => 'lvl-' + w.level}
      sort={props.sort}
      onSort={props.onSort}
      columns={cols}
      rows={props.rows}
    />
  );
}
