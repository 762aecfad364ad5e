// public.tsx — public notices without login: pick a project by code, then its rights notice
// board and its wage publicity notice of a month.
import { useState } from 'preact/hooks';
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

function lastMonth(): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

export function PublicProjectPage({ code, period }: { code: string; period: string }) {
  const per = /^\d{4}-\d{2}$/.test(period) ? period : lastMonth();
  const [perIn, setPerIn] = useState(per);
  const board = useFetch<unknown>(`/public/projects/${enc(code)}/board`);
  const pub = useFetch<unknown>(`/public/projects/${enc(code)}/publicity/${enc(per)}`);
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
            <span class="btn-row no-print">
              <a class="btn btn-ghost-dark" href={`/api/v1/public/projects/${enc(code)}/board?format=pdf`}>
                {t('pub.pdf')}
              </a>
              <button type="button" class="btn btn-ghost-dark" onClick={() => window.print()}>
                {t('pub.print')}
              </button>
            </span>
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
          <form
            class="filters no-print"
            onSubmit={(e) => {
              e.preventDefault();
              setQuery({ period: perIn });
            }}
          >
            <div class="field field-inline">
              <label for="pub-period">{t('pub.period')}</label>
              <input id="pub-period" type="month" value={perIn} onInput={(e) => setPerIn((e.target as HTMLInputElement).value)} />
            </div>
            <button class="btn btn-primary" type="submit">
              {t('pub.open')}
            </button>
          </form>
          {pub.loading && !pub.data ? (
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
        </Card>
      </div>
    </>
  );
}
