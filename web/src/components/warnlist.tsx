// warnlist.tsx — the table of stored warnings (warnings queue and a project's warnings).
import { t, tx } from '../i18n';
import { int, money, period } from '../format';
import { DataTable, LevelBadge } from './ui';

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
  period: string | null;
  amount: string;
  overdue_days: number;
  days: number;
  first_seen?: string;
  last_seen?: string;
  resolved_on?: string | null;
}

export function WarningTable(props: { rows: Warning[]; caption: string; hideProject?: boolean; empty?: string; id?: string }) {
  return (
    <DataTable<Warning>
      caption={props.caption}
      captionHidden
      id={props.id}
      empty={props.empty}
      rowKey={(w, i) => w.id ?? i}
      columns={[
        { label: t('col.level'), render: (w) => <LevelBadge level={w.level} />, class: 'nowrap' },
        { label: t('col.rule'), render: (w) => (
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
                render: (w: Warning) => (w.project ? <a href={'/projects/' + encodeURIComponent(w.project)}>{w.project_name || w.project}</a> : '—'),
              },
            ]),
        { label: t('col.employer'), render: (w) => w.employer_name || w.employer || '—', class: 'mono-sm' },
        { label: t('col.worker'), render: (w) => (w.worker_name ? `${w.worker_name} ${w.worker || ''}` : w.worker || '—'), class: 'mono-sm nowrap' },
        { label: t('col.period'), render: (w) => period(w.period), class: 'nowrap' },
        { label: t('col.amount'), render: (w) => money(w.amount), align: 'right', class: 'nowrap' },
        { label: t('col.overdue'), render: (w) => (w.overdue_days ? int(w.overdue_days) : '—'), align: 'right' },
        { label: t('col.firstSeen'), render: (w) => w.first_seen || '—', class: 'nowrap hide-sm' },
        {
          label: t('col.status'),
          render: (w) => (w.resolved_on ? <span class="status-done">{t('warn.resolved', { date: w.resolved_on })}</span> : <span class="status-open">{t('warn.open')}</span>),
          class: 'nowrap',
        },
      ]}
      rows={props.rows}
    />
  );
}
