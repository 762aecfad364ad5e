// mycases.tsx — a worker's own cases on a phone, in plain words: where the case is, how many
// working days the bureau has left, what was claimed and what has been paid.
import { Page } from '../../api';
import { t, tx } from '../../i18n';
import { money } from '../../format';
import { PageTitle, Show, useFetch } from '../../components/ui';
import type { Case } from './types';

function plain(c: Case): string {
  if (c.status === 'received') return t('relief.plain.received', { date: c.accept_by });
  if (c.status === 'accepted') return c.overdue ? t('relief.plain.late') : t('relief.plain.accepted', { n: c.remaining_working_days ?? 0, date: c.conclude_by || '' });
  if (c.status === 'rejected') return t('relief.plain.rejected');
  return t('relief.plain.closed', { outcome: tx('relief.outcome.', c.outcome || '') });
}

export function MyCasesPage() {
  const res = useFetch<Page<Case>>('/cases?per_page=100');
  return (
    <div class="narrow">
      <PageTitle sub={t('relief.myCasesSub')}>{t('relief.myCases')}</PageTitle>
      <Show res={res}>
        {(p) =>
          p.items.length === 0 ? (
            <p class="muted" id="no-cases">
              {t('relief.noCases')}
            </p>
          ) : (
            <ul class="months" id="my-cases">
              {p.items.map((c) => (
                <li class="month card" data-number={c.number}>
                  <div class="month-head">
                    <strong>{c.employer_name || c.employer}</strong>
                    <span class="muted"> {c.number}</span>
                  </div>
                  <p class="plain">{plain(c)}</p>
                  <div class="month-figs">
                    <span>
                      {t('relief.myClaim')} {money(c.claimed)}
                    </span>{' '}
                    <span>
                      {t('relief.paid')} {money(c.paid)}
                    </span>
                  </div>
                  <a href={'/cases/' + encodeURIComponent(c.number)}>{t('relief.details')}</a>
                </li>
              ))}
            </ul>
          )
        }
      </Show>
    </div>
  );
}
