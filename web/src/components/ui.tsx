// ui.tsx — the building blocks every page uses: a data hook, tables with captions, a pager,
// alerts announced to screen readers, level badges, cards and form fields.
import type { ComponentChildren, JSX } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, get } from '../api';
import { t, tx } from '../i18n';
import { int } from '../format';
import { sessionLost } from '../session';

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/** GET path (null: nothing) and keep the answer; a 401 ends the session. */
export function useFetch<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: ApiError | null; loading: boolean }>({ data: null, error: null, loading: !!path });
  const [n, setN] = useState(0);
  const seq = useRef(0);
  useEffect(() => {
    if (!path) {
      setState({ data: null, error: null, loading: false });
      return;
    }
    const my = ++seq.current;
    setState((s) => ({ data: s.data, error: null, loading: true }));
    get<T>(path).then(
      (data) => my === seq.current && setState({ data, error: null, loading: false }),
      (e: ApiError) => {
        if (my !== seq.current) return;
        if (e.status === 401) sessionLost();
        setState({ data: null, error: e, loading: false });
      },
    );
  }, [path, n]);
  const reload = useCallback(() => setN((x) => x + 1), []);
  return { ...state, reload };
}

export function Loading() {
  return (
    <p class="loading" role="status">
      <span class="spinner" aria-hidden="true" />
      {t('app.loading')}
    </p>
  );
}

export function Alert(props: { kind: 'error' | 'success' | 'info' | 'warning'; children: ComponentChildren; id?: string }) {
  return (
    <div class={'alert alert-' + props.kind} role={props.kind === 'error' ? 'alert' : 'status'} id={props.id}>
      {props.children}
    </div>
  );
}

export function errorText(e: ApiError): string {
  if (e.status === 403) return t('app.forbidden');
  if (e.status === 401) return t('app.sessionExpired');
  return e.message;
}

/** Shows loading, an error with a retry button, or the content built from the data. */
export function Show<T>(props: { res: Loaded<T>; children: (data: T) => ComponentChildren }) {
  const { res } = props;
  if (res.error)
    return (
      <Alert kind="error">
        {t('app.error', { msg: errorText(res.error) })}{' '}
        {res.error.status !== 403 && res.error.status !== 404 && (
          <button type="button" class="btn btn-link" onClick={res.reload}>
            {t('app.retry')}
          </button>
        )}
      </Alert>
    );
  if (res.data === null) return <Loading />;
  return <>{props.children(res.data)}</>;
}

export interface Column<T> {
  label: string;
  render: (row: T, i: number) => ComponentChildren;
  align?: 'left' | 'right' | 'center';
  class?: string;
  /** the server's sort key of this column: its header becomes a button */
  sortKey?: string;
}

/** The state of a sortable column: "key" ascending, "-key" descending. */
function ariaSort(sort: string | undefined, key: string | undefined): 'ascending' | 'descending' | undefined {
  if (!key || !sort) return undefined;
  if (sort === key) return 'ascending';
  if (sort === '-' + key) return 'descending';
  return undefined;
}

export function DataTable<T>(props: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  captionHidden?: boolean;
  rowKey?: (r: T, i: number) => string | number;
  rowClass?: (r: T) => string;
  empty?: string;
  class?: string;
  id?: string;
  /** the current sort ("key" or "-key") and what a header's click asks for */
  sort?: string;
  onSort?: (sort: string) => void;
}) {
  return (
    <div class={'table-wrap ' + (props.class || '')} tabIndex={0} role="region" aria-label={props.caption} id={props.id}>
      <table class="data">
        <caption class={props.captionHidden ? 'sr-only' : ''}>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c) => {
              const as = ariaSort(props.sort, c.sortKey);
              return (
                <th scope="col" class={(c.align ? 'a-' + c.align : '') + (c.class ? ' ' + c.class : '')} aria-sort={as}>
                  {c.sortKey && props.onSort ? (
                    <button type="button" class="th-sort" data-sort={c.sortKey} onClick={() => props.onSort!(as === 'descending' ? c.sortKey! : '-' + c.sortKey)}>
                      {c.label}
                      <span aria-hidden="true" class="sort-mark">
                        {as === 'ascending' ? ' ▲' : as === 'descending' ? ' ▼' : ' ⇅'}
                      </span>
                    </button>
                  ) : (
                    c.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {props.rows.length === 0 ? (
            <tr>
              <td colSpan={props.columns.length} class="empty">
                {props.empty || t('app.empty')}
              </td>
            </tr>
          ) : (
            props.rows.map((r, i) => (
              <tr key={props.rowKey ? props.rowKey(r, i) : i} class={props.rowClass ? props.rowClass(r) : undefined}>
                {props.columns.map((c) => (
                  <td class={(c.align ? 'a-' + c.align : '') + (c.class ? ' ' + c.class : '')}>{c.render(r, i)}</td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

export function Pager(props: { page: number; perPage: number; total: number; onPage: (p: number) => void }) {
  const pages = Math.max(1, Math.ceil(props.total / Math.max(1, props.perPage)));
  return (
    <nav class="pager" aria-label={t('list.pageOf', { page: props.page, pages })}>
      <span class="pager-total">{t('list.total', { n: int(props.total) })}</span>
      <button type="button" class="btn" disabled={props.page <= 1} onClick={() => props.onPage(props.page - 1)}>
        {t('list.prev')}
      </button>
      <span aria-current="page">{t('list.pageOf', { page: props.page, pages })}</span>
      <button type="button" class="btn" disabled={props.page >= pages} onClick={() => props.onPage(props.page + 1)}>
        {t('list.next')}
      </button>
    </nav>
  );
}

export function LevelBadge(props: { level: string }) {
  return <span class={'badge badge-' + props.level}>{tx('level.', props.level)}</span>;
}

export function Card(props: { title?: ComponentChildren; children: ComponentChildren; class?: string; id?: string; actions?: ComponentChildren; headingLevel?: 2 | 3 }) {
  const H = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <section class={'card ' + (props.class || '')} id={props.id} aria-labelledby={props.id && props.title ? props.id + '-h' : undefined}>
      {(props.title || props.actions) && (
        <div class="card-head">
          {props.title && <H id={props.id ? props.id + '-h' : undefined}>{props.title}</H>}
          {props.actions && <div class="card-actions">{props.actions}</div>}
        </div>
      )}
      <div class="card-body">{props.children}</div>
    </section>
  );
}

export function Field(props: { id: string; label: string; required?: boolean; hint?: string; error?: string; children: JSX.Element }) {
  return (
    <div class={'field' + (props.error ? ' has-error' : '')}>
      <label for={props.id}>
        {props.label}
        {props.required && (
          <span class="req" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {props.children}
      {props.hint && (
        <p class="hint" id={props.id + '-hint'}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="field-error" id={props.id + '-err'}>
          {props.error}
        </p>
      )}
    </div>
  );
}

/** A list of label/value pairs (a <dl> shown as a grid). */
export function Facts(props: { items: [string, ComponentChildren][]; class?: string }) {
  return (
    <dl class={'facts ' + (props.class || '')}>
      {props.items.map(([k, v]) => (
        <div class="fact">
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function PageTitle(props: { children: ComponentChildren; sub?: ComponentChildren }) {
  useEffect(() => {
    // after a navigation, move focus to the new page's heading (screen readers announce it),
    // unless the user is already in a field of the page
    const a = document.activeElement;
    if (a && a !== document.body && document.contains(a) && !a.closest('nav')) return;
    const h = document.querySelector('main h1') as HTMLElement | null;
    h?.focus({ preventScroll: true });
  }, []);
  return (
    <div class="page-title">
      <h1 tabIndex={-1}>{props.children}</h1>
      {props.sub && <p class="page-sub">{props.sub}</p>}
    </div>
  );
}

/** The wage arrears hotline, a number a phone dials when tapped. */
export function Hotline(props: { class?: string }) {
  return (
    <span class={props.class}>
      {t('app.hotlineLabel')}{' '}
      <a href="tel:12333" class="tel" data-testid="hotline">
        12333
      </a>
    </span>
  );
}
