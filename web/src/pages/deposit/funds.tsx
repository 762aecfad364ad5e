// funds.tsx — the emergency wage fund (SPEC §8): the funds of the regulator's region with
// their balances; one fund's statement with its balance over time (an ECharts line drawn from
// the movements), the top-up form, and the applications to approve, reject and pay.
import { useState } from 'preact/hooks';
import { ApiError, post, qs } from '../../api';
import { t } from '../../i18n';
import { date, money, num } from '../../format';
import { Chart, axisStyle, palette } from '../../components/chart';
import { Alert, Card, DataTable, Facts, Field, PageTitle, Show, errorText, useFetch } from '../../components/ui';

interface Statement {
  fund: string;
  as_of: string;
  balance: string;
  topups: string;
  advanced: string;
  recovered: string;
  written_off: string;
  outstanding: string;
  reserved: string;
  available: string;
  moves?: { date: string; kind: string; amount: string; source: string | null; case: string | null; employer: string | null; reason: string | null }[];
}
interface Application {
  id: number;
  fund: string;
  case: string;
  employer: string | null;
  worker: string;
  amount: string;
  purpose: string;
  applied_on: string;
  status: string;
  reason: string | null;
}

export function FundsPage() {
  const res = useFetch<{ items: Statement[] }>('/funds');
  const [code, setCode] = useState('');
  return (
    <>
      <PageTitle sub={t('deposit.fund.sub')}>{t('deposit.fund.title')}</PageTitle>
      <Card title={t('deposit.fund.list')} id="c-funds">
        <Show res={res}>
          {(d) => (
            <DataTable<Statement>
              caption={t('deposit.fund.list')}
              captionHidden
              id="funds-table"
              rows={d.items}
              empty={t('deposit.fund.none')}
              columns={[
                { label: t('deposit.fund.code'), render: (f) => <a href={`/funds/${f.fund}`}>{f.fund}</a> },
                { label: t('deposit.fund.balance'), render: (f) => money(f.balance), align: 'right' },
                { label: t('deposit.fund.available'), render: (f) => money(f.available), align: 'right' },
                { label: t('deposit.fund.outstanding'), render: (f) => money(f.outstanding), align: 'right' },
              ]}
            />
          )}
        </Show>
      </Card>
      <Card title={t('deposit.fund.open')}>
        <form
          class="filters"
          onSubmit={(e) => {
            e.preventDefault();
            if (code.trim()) location.assign(`/funds/${encodeURIComponent(code.trim())}`);
          }}
        >
          <div class="field field-inline">
            <label for="f-code">{t('deposit.fund.code')}</label>
            <input id="f-code" value={code} size={8} inputMode="numeric" onInput={(e) => setCode((e.target as HTMLInputElement).value)} />
          </div>
          <div class="filter-actions">
            <button type="submit" class="btn">
              {t('deposit.fund.openBtn')}
            </button>
          </div>
        </form>
      </Card>
    </>
  );
}

/** The balance after each day with a movement: top-ups and recoveries add, advances take. */
function balanceSeries(s: Statement): [string, number][] {
  const out: [string, number][] = [];
  let b = 0;
  for (const m of s.moves || []) {
    const a = num(m.amount);
    if (m.kind === 'topup' || m.kind === 'recovery') b += a;
    else if (m.kind === 'advance') b -= a;
    if (out.length && out[out.length - 1][0] === m.date) out[out.length - 1][1] = b;
    else out.push([m.date, b]);
  }
  return out;
}

function TopupForm(props: { code: string; onDone: () => void }) {
  const [amount, setAmount] = useState('');
  const [source, setSource] = useState('budget');
  const [msg, setMsg] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  return (
    <form
      id="topup-form"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await post(`/funds/${props.code}/topups`, { amount, source });
          setMsg({ kind: 'success', text: t('deposit.fund.toppedUp') });
          setAmount('');
          props.onDone();
        } catch (err) {
          setMsg({ kind: 'error', text: errorText(err as ApiError) });
        }
      }}
    >
      {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
      <Field id="t-amount" label={t('deposit.fund.amount')} required>
        <input id="t-amount" required inputMode="decimal" value={amount} onInput={(e) => setAmount((e.target as HTMLInputElement).value)} />
      </Field>
      <Field id="t-source" label={t('deposit.fund.source')} required>
        <select id="t-source" value={source} onChange={(e) => setSource((e.target as HTMLSelectElement).value)}>
          {['budget', 'recovery', 'other'].map((x) => (
            <option value={x}>{t(('deposit.fund.src.' + x) as 'deposit.fund.src.budget')}</option>
          ))}
        </select>
      </Field>
      <button type="submit" class="btn btn-primary">
        {t('deposit.fund.topupBtn')}
      </button>
    </form>
  );
}

function Applications(props: { code: string; onChange: () => void }) {
  const res = useFetch<{ items: Application[] }>(`/funds/${props.code}/applications`);
  const [msg, setMsg] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const act = async (a: Application, what: 'approve' | 'reject' | 'pay') => {
    try {
      if (what === 'pay') await post(`/fund-applications/${a.id}/payment`, {});
      else await post(`/fund-applications/${a.id}/decision`, what === 'reject' ? { decision: 'reject', reason: prompt(t('deposit.fund.reasonPrompt')) || '' } : { decision: 'approve' });
      setMsg({ kind: 'success', text: t(('deposit.fund.done.' + what) as 'deposit.fund.done.approve') });
      res.reload();
      props.onChange();
    } catch (err) {
      setMsg({ kind: 'error', text: errorText(err as ApiError) });
    }
  };
  return (
    <Card title={t('deposit.fund.applications')} id="c-applications">
      {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
      <Show res={res}>
        {(d) => (
          <DataTable<Application>
            caption={t('deposit.fund.applications')}
            captionHidden
            id="applications-table"
            rows={d.items}
            empty={t('deposit.fund.noApplications')}
            columns={[
              { label: '#', render: (a) => a.id },
              { label: t('deposit.fund.case'), render: (a) => a.case },
              { label: t('deposit.fund.worker'), render: (a) => a.worker },
              { label: t('deposit.fund.amount'), render: (a) => money(a.amount), align: 'right' },
              { label: t('deposit.fund.purpose'), render: (a) => t(('deposit.fund.purpose.' + a.purpose) as 'deposit.fund.purpose.living') },
              { label: t('deposit.fund.applied'), render: (a) => date(a.applied_on) },
              { label: t('deposit.fund.status'), render: (a) => t(('deposit.fund.st.' + a.status) as 'deposit.fund.st.applied') },
              {
                label: t('deposit.fund.actions'),
                render: (a) =>
                  a.status === 'applied' ? (
                    <>
                      <button type="button" class="btn btn-primary btn-approve" onClick={() => act(a, 'approve')}>
                        {t('deposit.fund.approve')}
                      </button>{' '}
                      <button type="button" class="btn" onClick={() => act(a, 'reject')}>
                        {t('deposit.fund.reject')}
                      </button>
                    </>
                  ) : a.status === 'approved' ? (
                    <button type="button" class="btn btn-primary btn-pay" onClick={() => act(a, 'pay')}>
                      {t('deposit.fund.pay')}
                    </button>
                  ) : (
                    ''
                  ),
              },
            ]}
          />
        )}
      </Show>
    </Card>
  );
}

export function FundPage({ code }: { code: string }) {
  const res = useFetch<Statement>(`/funds/${encodeURIComponent(code)}` + qs({}));
  return (
    <>
      <PageTitle sub={code}>{t('deposit.fund.oneTitle')}</PageTitle>
      <Show res={res}>
        {(s) => {
          const series = balanceSeries(s);
          const option = {
            grid: { left: 70, right: 20, top: 30, bottom: 40 },
            tooltip: { trigger: 'axis' },
            xAxis: { type: 'category', data: series.map((p) => p[0]), ...axisStyle },
            yAxis: { type: 'value', ...axisStyle },
            series: [{ name: t('deposit.fund.balance'), type: 'line', step: 'end', areaStyle: { opacity: 0.15 }, itemStyle: { color: palette.blue }, data: series.map((p) => p[1]) }],
          };
          return (
            <>
              <Card title={t('deposit.fund.statement')} id="c-statement">
                <Facts
                  items={[
                    [t('deposit.fund.balance'), <strong id="fund-balance">{money(s.balance)}</strong>],
                    [t('deposit.fund.topups'), money(s.topups)],
                    [t('deposit.fund.advanced'), money(s.advanced)],
                    [t('deposit.fund.recovered'), money(s.recovered)],
                    [t('deposit.fund.writtenOff'), money(s.written_off)],
                    [t('deposit.fund.outstanding'), money(s.outstanding)],
                    [t('deposit.fund.reserved'), money(s.reserved)],
                    [t('deposit.fund.available'), money(s.available)],
                  ]}
                />
              </Card>
              <Card title={t('deposit.fund.chart')} id="c-chart">
                <Chart option={option} label={t('deposit.fund.chart')} height={300} id="chart-balance" />
              </Card>
              <Card title={t('deposit.fund.topup')} id="c-topup">
                <TopupForm code={code} onDone={res.reload} />
              </Card>
            </>
          );
        }}
      </Show>
      <Applications code={code} onChange={res.reload} />
    </>
  );
}
