// public.tsx — public notices without login: pick a project by code, then its rights notice
// board and its wage publicity notice of a month.
import { useState } from 'preact/hooks';
import { period as fmtPeriod } from '../format';
import { enc } from '../api';
import { t } from '../i18n';
import { navigate, setQuery } from '../router';
import { Alert, Card, Field, PageTitle, Show, useFetch, Loading, errorText } from '../components/ui';
import { DocView } from '../components/docview';

export function PublicIndexPage() {
  const [code, setCode] = useState('');
  return (
    <div class="narrow">
      <PageTitle>{t('pub.title')}</PageTitle>
      <p class="muted">{t('pub.lead')}</p>
      <Card>
        <form
          class="form form-row"
          onSubmit={(e) => {
            e.preventDefault();
            if (code.trim()) navigate('/public/projects/' + enc(code.trim().toUpperCase()));
          }}
        >
          <Field id="pub-code" label={t('pub.code')} required>
            <input id="pub-code" class="mono" value={code} onInput={(e) => setCode((e.target as HTMLInputElement).value)} placeholder="HZ240004" autocomplete="off" />
          </Field>
          <button class="btn btn-primary" type="submit" disabled={!code.trim()}>
            {t('pub.open')}
          </button>
        </form>
      </Card>
    </div>
  );
}

interface Periods {
  project: string;
  periods: string[];
}

export function PublicProjectPage({ code, period }: { code: string; period: string }) {
  // the months with payroll, latest first: the page opens on the latest, not on an empty month
  const periods = useFetch<Periods>(`/public/projects/${enc(code)}/periods`);
  const known = periods.data?.periods || [];
  const per = /^\d{4}-\d{2}$/.test(period) ? period : known[0] || '';
  const board = useFetch<unknown>(`/public/projects/${enc(code)}/board`);
  const pub = useFetch<unknown>(per ? `/public/projects/${enc(code)}/publicity/${enc(per)}` : null);
  const missing = periods.error?.status === 404 || board.error?.status === 404;
  if (missing)
    return (
      <div class="narrow" id="public-not-found">
        <PageTitle>{t('app.notFound')}</PageTitle>
        <Alert kind="warning">{t('pub.notFound', { code })}</Alert>
        <p>
          <a class="btn btn-primary" href="/public">
            {t('pub.otherCode')}
          </a>
        </p>
      </div>
    );
  return (
    <>
      <PageTitle sub={t('pub.officialText') || undefined}>
        {t('pub.title')} · {code}
      </PageTitle>
      <div class="notices">
        <Card
          title={t('pub.board')}
          id="board"
          actions={
            board.data ? (
              <span class="btn-row no-print">
                <a class="btn btn-ghost-dark" href={`/api/v1/public/projects/${enc(code)}/board?format=pdf`}>
                  {t('pub.pdf')}
                </a>
                <button type="button" class="btn btn-ghost-dark" onClick={() => window.print()}>
                  {t('pub.print')}
                </button>
              </span>
            ) : undefined
          }
        >
          <Show res={board}>{(d) => <DocView doc={d} id="board-doc" />}</Show>
        </Card>
        <Card
          title={t('pub.publicity')}
          id="publicity"
          actions={
            pub.data ? (
              <a class="btn btn-ghost-dark no-print" href={`/api/v1/public/projects/${enc(code)}/publicity/${enc(per)}?format=pdf`}>
                {t('pub.pdf')}
              </a>
            ) : undefined
          }
        >
          {periods.data && known.length === 0 ? (
            <p class="muted" id="no-payroll-yet">
              {t('pub.noPayrollYet')}
            </p>
          ) : (
            <>
              <form class="filters no-print" onSubmit={(e) => e.preventDefault()}>
                <div class="field field-inline">
                  <label for="pub-period">{t('pub.period')}</label>
                  <select id="pub-period" value={per} onChange={(e) => setQuery({ period: (e.target as HTMLSelectElement).value })}>
                    {known.includes(per) || !per ? null : <option value={per}>{fmtPeriod(per)}</option>}
                    {known.map((p) => (
                      <option value={p}>{fmtPeriod(p)}</option>
                    ))}
                  </select>
                </div>
              </form>
              {(pub.loading && !pub.data) || (!per && periods.loading) ? (
                <Loading />
              ) : pub.error ? (
                pub.error.status === 404 ? (
                  <p class="muted">{t('pub.noPublicity')}</p>
                ) : (
                  <Alert kind="error">{t('app.error', { msg: errorText(pub.error) })}</Alert>
                )
              ) : (
                pub.data && <DocView doc={pub.data} id="publicity-doc" />
              )}
            </>
          )}
        </Card>
      </div>
    </>
  );
}
