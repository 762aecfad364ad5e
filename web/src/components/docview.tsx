// docview.tsx — shows a public notice as the server sends it: a document (title, blocks of
// headings, paragraphs, label/value fields, tables, a call-out, signature lines), or, for any
// other JSON, its values as label/value lists and tables.
import type { ComponentChildren } from 'preact';
import { Facts } from './ui';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

interface Block {
  kind: string;
  text?: string;
  fields?: { label: string; value: string }[];
  head?: string[];
  rows?: (string | null)[][];
  strong?: boolean[];
  align?: string[];
  table?: { head: string[]; rows: (string | null)[][]; strong?: boolean[]; align?: string[] };
}

export interface Doc {
  title: string;
  subtitle?: string | null;
  blocks: Block[];
  sign?: string[];
  footer?: string | null;
}

function isDoc(d: unknown): d is Doc {
  return !!d && typeof d === 'object' && Array.isArray((d as Doc).blocks);
}

function BlockView({ b, i }: { b: Block; i: number }) {
  const kind = (b.kind || '').toLowerCase();
  if (kind === 'heading') return <h3 class="doc-h">{b.text}</h3>;
  if (kind === 'para' || kind === 'paragraph') return <p class="doc-p">{b.text}</p>;
  if (kind === 'note') return <p class="doc-note">{b.text}</p>;
  if (kind === 'callout') return <p class="doc-callout">{b.text}</p>;
  if (kind === 'fields') return <Facts class="doc-fields" items={(b.fields || []).map((f) => [f.label, f.value] as [string, ComponentChildren])} />;
  if (kind === 'table') {
    const tb = b.table || { head: b.head || [], rows: b.rows || [], strong: b.strong, align: b.align };
    return (
      <div class="table-wrap" tabIndex={0} role="region" aria-label={'table ' + (i + 1)}>
        <table class="data doc-table">
          <thead>
            <tr>
              {tb.head.map((h, c) => (
                <th scope="col" class={tb.align?.[c] ? 'a-' + tb.align[c] : ''}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {tb.rows.map((r, ri) => (
              <tr class={tb.strong?.[ri] ? 'strong' : ''}>
                {r.map((c, ci) => (
                  <td class={tb.align?.[ci] ? 'a-' + tb.align[ci] : ''}>{c ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  return b.text ? <p class="doc-p">{b.text}</p> : null;
}

function scalar(v: Json): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? '✓' : '✗';
  return String(v);
}

/** Any JSON value as readable blocks: objects as label/value lists, arrays of objects as tables. */
export function GenericView({ data }: { data: Json }): preact.JSX.Element {
  if (Array.isArray(data)) {
    if (data.length && data.every((x) => x && typeof x === 'object' && !Array.isArray(x))) {
      const cols = [...new Set(data.flatMap((x) => Object.keys(x as object)))];
      return (
        <div class="table-wrap" tabIndex={0} role="region" aria-label="data">
          <table class="data">
            <thead>
              <tr>
                {cols.map((c) => (
                  <th scope="col">{c}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.map((row) => (
                <tr>
                  {cols.map((c) => {
                    const v = (row as Record<string, Json>)[c];
                    return <td>{v && typeof v === 'object' ? JSON.stringify(v) : scalar(v)}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    return <p>{data.map(scalar).join('、')}</p>;
  }
  if (data && typeof data === 'object') {
    const items: [string, ComponentChildren][] = Object.entries(data).map(([k, v]) => [k, v && typeof v === 'object' ? <GenericView data={v} /> : scalar(v)]);
    return <Facts items={items} />;
  }
  return <p>{scalar(data)}</p>;
}

export function DocView({ doc, id }: { doc: unknown; id?: string }) {
  if (!isDoc(doc))
    return (
      <article class="doc" id={id}>
        <GenericView data={doc as Json} />
      </article>
    );
  return (
    <article class="doc" id={id} lang="zh-CN">
      <header class="doc-head">
        <h2 class="doc-title">{doc.title}</h2>
        {doc.subtitle && <p class="doc-subtitle">{doc.subtitle}</p>}
      </header>
      {doc.blocks.map((b, i) => (
        <BlockView b={b} i={i} />
      ))}
      {doc.sign && doc.sign.length > 0 && (
        <div class="doc-sign">
          {doc.sign.map((s) => (
            <p>{s}</p>
          ))}
        </div>
      )}
      {doc.footer && <p class="doc-footer">{doc.footer}</p>}
    </article>
  );
}
