// check.tsx — the public payslip receipt check: /check?code=… looks the code up with
// GET /api/v1/receipts/{code} and says whether the line is in the ledger and intact.
import { useState } from 'preact/hooks';
import { enc } from '../api';
import { Key, t, tx } from '../i18n';
import { setQuery } from '../router';
import { Alert, Card, Facts, Field, PageTitle, useFetch, Loading, errorText } from '../components/ui';
import { GenericView } from '../components/docview';
import { bank, date, money, period } from '../format';

interface Receipt {
  valid: boolean;
  seq?: number;
  line?: unknown;
  kind?: string;
  recorded_at?: string;
  summary?: unknown;
}

const FIELD_KEYS: Record<string, Key> = {
  project_code: 'col.code',
  employer_uscc: 'col.employer',
  period: 'col.period',
  id_number: 'col.idNumber',
  days: 'col.days',
  gross: 'col.gross',
  deductions: 'col.deductions',
  net: 'col.net',
  due_date: 'chk.dueDate',
  amount: 'col.amount',
  paid_on: 'col.paidOn',
  txn_id: 'col.txn',
  bank_card: 'col.card',
  bank_code: 'chk.bank',
  status: 'col.status',
};

const MONEY = new Set(['gross', 'deductions', 'net', 'amount', 'paid']);

/** A ledger value as a person reads it: money with ¥, months as 2026年9月, banks by name. */
function shown(k: string, v: string): string {
  if (!v) return '—';
  if (MONEY.has(k)) return money(v);
  if (k === 'period') return period(v);
  if (k === 'bank_code') return bank(v);
  if (k.endsWith('_date') || k.endsWith('_on')) return date(v);
  return v;
}

/** "payroll project_code=P period=2026-05 …" (the ledger's canonical text) as label/value rows. */
function parseSummary(s: string): [string, string][] | null {
  const parts = s.trim().split(/\s+/);
  if (parts.length < 2 || !parts.slice(1).every((p) => /^[a-z_]+=/.test(p))) return null;
  return parts.slice(1).map((p) => {
    const i = p.indexOf('=');
    const k = p.slice(0, i);
    return [FIELD_KEYS[k] ? t(FIELD_KEYS[k]) : k, shown(k, p.slice(i + 1))];
  });
}

function Value({ v }: { v: unknown }) {
  if (v === null || v === undefined) return <>—</>;
  if (typeof v === 'string') {
    const rows = parseSummary(v);
    if (rows) return <Facts class="facts-tight summary-facts" items={rows} />;
  }
  if (typeof v === 'object') return <GenericView data={v as never} />;
  return <>{String(v)}</>;
}

export function CheckPage({ code }: { code: string }) {
  const [input, setInput] = useState(code);
  const res = useFetch<Receipt>(code ? '/receipts/' + enc(code) : null);
  return (
    <div class="narrow">
      <PageTitle>{t('chk.title')}</PageTitle>
      <p class="muted">{t('chk.lead')}</p>
      <Card>
        <form
          class="form form-row"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            setQuery({ code: input.trim() }, true);
          }}
        >
          <Field id="chk-code" label={t('chk.code')} required>
            <input id="chk-code" name="code" class="mono" autocomplete="off" spellcheck={false} value={input} onInput={(e) => setInput((e.target as HTMLInputElement).value)} placeholder="112-6-d1f1af52b9ff3c8c" />
          </Field>
          <button type="submit" class="btn btn-primary" disabled={!input.trim()}>
            {t('chk.submit')}
          </button>
        </form>
      </Card>
      <div aria-live="polite" id="check-result">
        {code && res.loading && <Loading />}
        {code && res.error && <Alert kind="error">{res.error.status === 404 || res.error.status === 400 ? t('chk.notFound') : t('app.error', { msg: errorText(res.error) })}</Alert>}
        {code && res.data && (
          <section class={'card verdict ' + (res.data.valid ? 'verdict-ok' : 'verdict-bad')} aria-labelledby="verdict-h">
            <div class="card-body">
              <h2 id="verdict-h" class="verdict-h">
                <span aria-hidden="true">{res.data.valid ? '✓ ' : '✗ '}</span>
                {res.data.valid ? t('chk.valid') : t('chk.invalid')}
              </h2>
              <Facts
                class="facts-tight"
                items={[
                  [t('chk.code'), <span class="mono">{code}</span>],
                  ...(res.data.seq !== undefined ? [[t('chk.seq'), String(res.data.seq)] as [string, preact.ComponentChildren]] : []),
                  ...(res.data.kind ? [[t('chk.kind'), tx('kind.', res.data.kind)] as [string, preact.ComponentChildren]] : []),
                  ...(res.data.recorded_at ? [[t('chk.recordedAt'), date(res.data.recorded_at)] as [string, preact.ComponentChildren]] : []),
                  ...(res.data.line !== undefined ? [[t('chk.line'), <Value v={res.data.line} />] as [string, preact.ComponentChildren]] : []),
                  ...(res.data.summary !== undefined ? [[t('chk.summary'), <Value v={res.data.summary} />] as [string, preact.ComponentChildren]] : []),
                ]}
              />
            </div>
          </section>
        )}
      </div>
    </div>
  );
}
