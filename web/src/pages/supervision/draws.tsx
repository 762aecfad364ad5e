// draws.tsx — the random draw (双随机一公开, SPEC §10): the regulator records a seed and draws
// (POST /api/v1/draws), and the public page lists every published draw with its drawn
// targets and inspectors and the document itself, byte for byte, to verify with
// `wageguard draw verify FILE`; the typical cases campaigns published are shown beside.
import { useState } from 'preact/hooks';
import { ApiError, enc, post, qs } from '../../api';
import { t } from '../../i18n';
import { currentUser } from '../../session';
import { Alert, Card, DataTable, Field, PageTitle, Show, errorText, useFetch } from '../../components/ui';

interface DrawRow {
  id: number;
  region: string;
  seed: string;
  n: number;
  k: number;
  drawn_on: string;
  published: boolean;
}

interface DrawDoc {
  algorithm: string;
  seed: string;
  n: number;
  k: number;
  candidates: { uscc: string; weight: number }[];
  roster: (string | number)[];
  excluded: Record<string, (string | number)[]>;
  drawn: { uscc: string; inspectors: (string | number)[] }[];
}

function Drawn(props: { doc: DrawDoc; id: string }) {
  return (
    <DataTable
      caption={t('supervision.draws.result')}
      captionHidden
      id={props.id}
      rows={props.doc.drawn}
      columns={[
        { label: '#', render: (_r, i) => i + 1 },
        { label: t('supervision.col.target'), render: (r) => r.uscc },
        { label: t('supervision.col.inspectors'), render: (r) => r.inspectors.join('、') },
      ]}
    />
  );
}

export function DrawsPage() {
  const u = currentUser();
  const [f, setF] = useState({ seed: '', targets: '5', perTarget: '2', region: u?.role === 'regulator' ? u.scope : '', campaign: '' });
  const [result, setResult] = useState<{ id: number; document: DrawDoc } | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const list = useFetch<{ items: DrawRow[] }>('/draws');
  const set = (k: keyof typeof f) => (e: Event) => setF({ ...f, [k]: (e.target as HTMLInputElement).value });
  async function run(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      const body: Record<string, unknown> = { seed: f.seed, targets: Number(f.targets), per_target: Number(f.perTarget) };
      if (f.campaign) body.campaign = Number(f.campaign);
      else if (f.region) body.region = f.region;
      setResult(await post<{ id: number; document: DrawDoc }>('/draws', body));
      list.reload();
    } catch (x) {
      setError(errorText(x as ApiError));
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <PageTitle>{t('supervision.draws.title')}</PageTitle>
      {error && (
        <Alert kind="error" id="sv-draw-error">
          {error}
        </Alert>
      )}
      <form class="card" onSubmit={run} id="sv-draw-form">
        <div class="card-body">
          <Field id="sv-seed" label={t('supervision.draws.seed')} required>
            <input id="sv-seed" value={f.seed} onInput={set('seed')} required />
          </Field>
          <Field id="sv-n" label={t('supervision.draws.targets')} required>
            <input id="sv-n" inputMode="numeric" value={f.targets} onInput={set('targets')} />
          </Field>
          <Field id="sv-k" label={t('supervision.draws.perTarget')}>
            <input id="sv-k" inputMode="numeric" value={f.perTarget} onInput={set('perTarget')} />
          </Field>
          <Field id="sv-region" label={t('supervision.draws.region')}>
            <input id="sv-region" inputMode="numeric" value={f.region} onInput={set('region')} />
          </Field>
          <Field id="sv-campaign" label={t('supervision.draws.campaign')}>
            <input id="sv-campaign" inputMode="numeric" value={f.campaign} onInput={set('campaign')} />
          </Field>
          <button class="btn btn-primary" type="submit" disabled={busy} id="sv-draw-run">
            {t('supervision.draws.run')}
          </button>
        </div>
      </form>
      {result && (
        <Card title={t('supervision.draws.result')} id="sv-draw-result">
          <Drawn doc={result.document} id="sv-drawn" />
          <p>
            <a href={'/api/v1/public/draws/' + result.id} download={'draw-' + result.id + '.json'}>
              {t('supervision.draws.document')}
            </a>{' '}
            {t('supervision.draws.verifyHint')}
          </p>
        </Card>
      )}
      <Show res={list}>
        {(d) => (
          <div class="card card-flush">
            <DataTable
              caption={t('supervision.draws.title')}
              captionHidden
              id="sv-draws"
              rows={d.items}
              columns={[
                { label: t('supervision.col.id'), render: (r) => r.id },
                { label: t('supervision.col.date'), render: (r) => r.drawn_on },
                { label: t('supervision.col.region'), render: (r) => r.region },
                { label: t('supervision.col.seed'), render: (r) => r.seed },
                { label: t('supervision.col.targets'), render: (r) => r.n, align: 'right' },
                { label: t('supervision.col.status'), render: (r) => (r.published ? t('supervision.draws.published') : t('supervision.draws.seedOnly')) },
              ]}
            />
          </div>
        )}
      </Show>
    </>
  );
}

function PublicDraw(props: { row: DrawRow }) {
  const doc = useFetch<DrawDoc>('/public/draws/' + enc(String(props.row.id)));
  return (
    <Card title={`${props.row.drawn_on} · ${props.row.region} · ${t('supervision.col.seed')} ${props.row.seed}`} class="sv-public-draw">
      <Show res={doc}>{(d) => <Drawn doc={d} id={'sv-public-drawn-' + props.row.id} />}</Show>
      <p>
        <a href={'/api/v1/public/draws/' + props.row.id} download={'draw-' + props.row.id + '.json'}>
          {t('supervision.draws.document')}
        </a>{' '}
        {t('supervision.draws.verifyHint')}
      </p>
    </Card>
  );
}

export function PublicDrawsPage({ query }: { query: URLSearchParams }) {
  const res = useFetch<{ items: DrawRow[] }>('/public/draws' + qs({ region: query.get('region') || undefined }));
  const typical = useFetch<{ items: { id: number; title: string; summary: string; published_on: string }[] }>('/public/typical-cases');
  return (
    <>
      <PageTitle>{t('supervision.publicDraws.title')}</PageTitle>
      <Show res={res}>
        {(d) => (d.items.length === 0 ? <p>{t('supervision.publicDraws.none')}</p> : <>{d.items.slice(0, 20).map((r) => <PublicDraw row={r} />)}</>)}
      </Show>
      <Show res={typical}>
        {(d) =>
          d.items.length > 0 && (
            <Card title={t('supervision.publicDraws.typical')} id="sv-typical">
              {d.items.map((c) => (
                <article class="sv-typical">
                  <h3>{c.title}</h3>
                  <p class="page-sub">{c.published_on}</p>
                  <p>{c.summary}</p>
                </article>
              ))}
            </Card>
          )
        }
      </Show>
    </>
  );
}
