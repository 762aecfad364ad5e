// project.tsx — one project: summary, real-name roster, attendance calendar of a month,
// payroll against payments with the dedicated-account balance per month, and its warnings.
import { useMemo, useState } from 'preact/hooks';
import { asPage, enc, Page, qs } from '../api';
import { t, tx } from '../i18n';
import { bank, daysOf, int, money, num, paren, period, region, shortMoney, weekday } from '../format';
import { setQuery } from '../router';
import { Card, DataTable, Facts, PageTitle, Pager, Show, useFetch } from '../components/ui';
import { Tabs } from '../components/tabs';
import { Chart, axisStyle, palette } from '../components/chart';
import { Warning, WarningTable } from '../components/warnlist';

interface Summary {
  code: string;
  name: string;
  region_code: string;
  industry: string;
  owner: { uscc: string; name: string } | null;
  contractor: { uscc: string; name: string } | null;
  contract_value: string;
  start_date: string | null;
  end_date: string | null;
  account: { bank_code: string; account_no: string } | null;
  subcontracts: number;
  employments: number;
  workers: number;
  attendance_days: number;
  payroll_lines: number;
  gross: string;
  net: string;
  paid: string;
  allocated: string;
  balance: string;
}

interface RosterRow {
  id_number: string;
  name: string;
  team: string;
  trade: string;
  employer: string | { uscc: string; name: string };
  employer_name?: string;
  wage_type: string;
  wage_rate: string;
  start_date: string;
  end_date: string | null;
}

interface Month {
  period: string;
  attendance_days: number;
  workers: number;
  gross: string;
  net: string;
  paid: string;
  allocated: string;
}

interface AttRow {
  id_number: string;
  name: string;
  days: number[];
}

function SummaryView({ s }: { s: Summary }) {
  return (
    <>
      <ul class="kpis kpis-sm">
        <li class="kpi">
          <span class="kpi-label">{t('proj.workers')}</span>
          <span class="kpi-value">{int(s.workers)}</span>
        </li>
        <li class="kpi">
          <span class="kpi-label">{t('proj.net')}</span>
          <span class="kpi-value">{money(s.net)}</span>
        </li>
        <li class="kpi">
          <span class="kpi-label">{t('proj.paid')}</span>
          <span class="kpi-value">{money(s.paid)}</span>
        </li>
        <li class={'kpi ' + (num(s.balance) < 0 ? 'kpi-red' : '')}>
          <span class="kpi-label">{t('proj.balance')}</span>
          <span class="kpi-value">{money(s.balance)}</span>
        </li>
      </ul>
      <Facts
        items={[
          [t('col.code'), s.code],
          [t('col.region'), paren(region(s.region_code), s.region_code)],
          [t('col.industry'), tx('industry.', s.industry)],
          [t('col.owner'), s.owner ? paren(s.owner.name, s.owner.uscc) : '—'],
          [t('col.contractor'), s.contractor ? paren(s.contractor.name, s.contractor.uscc) : '—'],
          [t('proj.contractValue'), money(s.contract_value)],
          [t('proj.period'), `${s.start_date || '—'} ~ ${s.end_date || '—'}`],
          [t('proj.account'), s.account ? `${bank(s.account.bank_code)} ${s.account.account_no}` : '—'],
          [t('proj.subcontracts'), int(s.subcontracts)],
          [t('proj.attendanceDays'), int(s.attendance_days)],
          [t('proj.payrollLines'), int(s.payroll_lines)],
          [t('proj.gross'), money(s.gross)],
          [t('proj.allocated'), money(s.allocated)],
        ]}
      />
    </>
  );
}

function employerText(r: RosterRow): string {
  if (r.employer && typeof r.employer === 'object') return r.employer.name || r.employer.uscc;
  return r.employer_name || (r.employer as string) || '—';
}

function Roster({ code, worker }: { code: string; worker?: string }) {
  const [page, setPage] = useState(1);
  // one worker (from the warnings queue): the whole roster, that worker's rows kept
  const res = useFetch<Page<RosterRow> | RosterRow[]>(`/projects/${enc(code)}/roster` + qs(worker ? { per_page: 500 } : { page, per_page: 50 }));
  return (
    <Show res={res}>
      {(raw) => {
        // a server that answers the whole roster as an array is paged here
        let p = Array.isArray(raw) ? { items: raw.slice((page - 1) * 50, page * 50), page, per_page: 50, total: raw.length } : asPage(raw);
        if (worker) {
          const items = (Array.isArray(raw) ? raw : p.items).filter((r) => r.id_number === worker);
          p = { items, page: 1, per_page: items.length || 1, total: items.length };
        }
        return (
          <>
            <DataTable<RosterRow>
              caption={t('proj.roster')}
              captionHidden
              id="roster-table"
              columns={[
                { label: t('col.workerName'), render: (r) => r.name, class: 'nowrap' },
                { label: t('col.idNumber'), render: (r) => r.id_number, class: 'mono nowrap' },
                { label: t('col.team'), render: (r) => r.team || '—' },
                { label: t('col.trade'), render: (r) => r.trade || '—' },
                { label: t('col.employer'), render: (r) => employerText(r), class: 'hide-sm' },
                { label: t('col.wageType'), render: (r) => tx('wage.', r.wage_type), class: 'nowrap' },
                { label: t('col.wageRate'), render: (r) => money(r.wage_rate), align: 'right' },
                { label: t('col.start'), render: (r) => r.start_date || '—', class: 'nowrap' },
                { label: t('col.end'), render: (r) => r.end_date || '—', class: 'nowrap' },
              ]}
              rows={p.items}
            />
            {p.total > p.items.length && <Pager page={p.page} perPage={p.per_page} total={p.total} onPage={setPage} />}
          </>
        );
      }}
    </Show>
  );
}

function Calendar({ code, months, per }: { code: string; months: Month[]; per: string }) {
  const choices = months.filter((m) => m.attendance_days > 0).map((m) => m.period);
  const cur = per && choices.includes(per) ? per : choices[choices.length - 1] || '';
  const res = useFetch<AttRow[] | Page<AttRow>>(cur ? `/projects/${enc(code)}/attendance` + qs({ period: cur }) : null);
  const days = cur ? daysOf(cur) : [];
  return (
    <>
      <div class="filters">
        <div class="field field-inline">
          <label for="att-month">{t('proj.month')}</label>
          <select id="att-month" value={cur} onChange={(e) => setQuery({ tab: 'attendance', period: (e.target as HTMLSelectElement).value })}>
            {choices.map((c) => (
              <option value={c}>{period(c)}</option>
            ))}
          </select>
        </div>
        <p class="legend" aria-hidden="true">
          <span class="cal-cell on" /> {t('proj.present')} <span class="cal-cell" /> {t('proj.absent')}
        </p>
      </div>
      {!cur ? (
        <p class="muted">{t('app.empty')}</p>
      ) : (
        <Show res={res}>
          {(raw) => {
            const rows = asPage(raw).items;
            const count = days.map((d) => rows.reduce((n, r) => n + (r.days.includes(d) ? 1 : 0), 0));
            return (
              <div class="table-wrap cal-wrap" tabIndex={0} role="region" aria-label={t('proj.attendance') + ' ' + period(cur)}>
                <table class="cal" id="attendance-calendar">
                  <caption class="sr-only">{t('proj.attendance') + ' ' + period(cur)}</caption>
                  <thead>
                    <tr>
                      <th scope="col" class="cal-name">
                        {t('col.workerName')}
                      </th>
                      {days.map((d) => (
                        <th scope="col" class={weekday(cur, d) % 6 === 0 ? 'we' : ''}>
                          {d}
                        </th>
                      ))}
                      <th scope="col">{t('col.attendanceDays')}</th>
                    </tr>
                    <tr class="cal-count">
                      <th scope="row" class="cal-name">
                        {t('proj.headcount')}
                      </th>
                      {count.map((c, i) => (
                        <td class={weekday(cur, i + 1) % 6 === 0 ? 'we' : ''}>{c || ''}</td>
                      ))}
                      <td>{int(count.reduce((a, b) => a + b, 0))}</td>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => {
                      const set = new Set(r.days);
                      return (
                        <tr>
                          <th scope="row" class="cal-name">
                            <span class="nowrap">{r.name}</span> <span class="mono-sm muted">{r.id_number}</span>
                          </th>
                          {days.map((d) => (
                            set.has(d) ? (
                              <td class={'on' + (weekday(cur, d) % 6 === 0 ? ' we' : '')} title={t('proj.present')}>
                                <span aria-hidden="true">●</span>
                                <span class="sr-only">{t('proj.present')}</span>
                              </td>
                            ) : (
                              <td class={weekday(cur, d) % 6 === 0 ? 'we' : ''} />
                            )
                          ))}
                          <td class="a-right">{set.size}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            );
          }}
        </Show>
      )}
    </>
  );
}

function MoneyChart({ months }: { months: Month[] }) {
  const rows = useMemo(() => {
    let bal = 0;
    return months.map((m) => {
      bal += num(m.allocated) - num(m.paid);
      return { ...m, balance: bal };
    });
  }, [months]);
  const opt = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 8, right: 8, top: 24, bottom: 36, containLabel: true },
      xAxis: { type: 'category', data: rows.map((m) => period(m.period)), ...axisStyle },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => shortMoney(v), color: palette.axis }, splitLine: axisStyle.splitLine },
      series: [
        { name: t('proj.chartNet'), type: 'bar', barMaxWidth: 26, itemStyle: { color: palette.blueLight }, data: rows.map((m) => num(m.net)) },
        { name: t('proj.chartPaid'), type: 'bar', barMaxWidth: 26, itemStyle: { color: palette.blue }, data: rows.map((m) => num(m.paid)) },
        { name: t('proj.chartAllocated'), type: 'bar', barMaxWidth: 26, itemStyle: { color: palette.green }, data: rows.map((m) => num(m.allocated)) },
        { name: t('proj.chartBalance'), type: 'line', symbolSize: 7, itemStyle: { color: palette.red }, lineStyle: { width: 2 }, data: rows.map((m) => Math.round(m.balance * 100) / 100) },
      ],
    }),
    [rows],
  );
  return (
    <>
      <Chart option={opt} label={t('proj.money')} height={340} id="chart-months" />
      <DataTable
        caption={t('proj.money')}
        captionHidden
        id="months-table"
        columns={[
          { label: t('col.period'), render: (m) => period(m.period), class: 'nowrap' },
          { label: t('col.workers'), render: (m) => int(m.workers), align: 'right' },
          { label: t('col.days'), render: (m) => int(m.attendance_days), align: 'right' },
          { label: t('col.gross'), render: (m) => money(m.gross), align: 'right' },
          { label: t('col.net'), render: (m) => money(m.net), align: 'right' },
          { label: t('col.paid'), render: (m) => <span class={num(m.paid) + 0.005 < num(m.net) ? 'num-red' : ''}>{money(m.paid)}</span>, align: 'right' },
          { label: t('col.allocated'), render: (m) => money(m.allocated), align: 'right' },
          { label: t('col.balance'), render: (m) => <span class={m.balance < 0 ? 'num-red' : ''}>{money(m.balance.toFixed(2))}</span>, align: 'right' },
        ]}
        rows={rows}
      />
    </>
  );
}

function ProjectWarnings({ code }: { code: string }) {
  const res = useFetch<Page<Warning> | Warning[]>('/warnings' + qs({ project: code, open: 1, per_page: 200 }));
  return <Show res={res}>{(raw) => <WarningTable rows={asPage(raw).items} caption={t('proj.warnings')} hideProject empty={t('proj.noWarnings')} id="project-warnings" />}</Show>;
}

export function ProjectPage({ code }: { code: string }) {
  const q = new URLSearchParams(location.search);
  const tab = q.get('tab') || 'money';
  const per = q.get('period') || '';
  const sum = useFetch<Summary>(`/projects/${enc(code)}`);
  const months = useFetch<Month[] | Page<Month>>(`/projects/${enc(code)}/months`);
  const tabs = [
    { id: 'money', label: t('proj.money') },
    { id: 'attendance', label: t('proj.attendance') },
    { id: 'roster', label: t('proj.roster') },
    { id: 'warnings', label: t('proj.warnings') },
  ];
  return (
    <>
      <nav class="crumbs" aria-label="breadcrumb">
        <a href="/projects">{t('proj.title')}</a> <span aria-hidden="true">›</span> <span>{code}</span>
      </nav>
      <PageTitle sub={sum.data ? `${code} · ${region(sum.data.region_code)}` : code}>{sum.data?.name || code}</PageTitle>
      <Card title={t('proj.summary')} id="summary" actions={<a href={'/public/projects/' + enc(code)}>{t('proj.public')} ›</a>}>
        <Show res={sum}>{(s) => <SummaryView s={s} />}</Show>
      </Card>
      <div class="card">
        <div class="card-body">
          <Tabs tabs={tabs} current={tab} label={sum.data?.name || code} onSelect={(id) => setQuery({ tab: id, period: id === 'attendance' ? per : undefined })}>
            {tab === 'roster' ? (
              <Roster code={code} worker={q.get('worker') || undefined} />
            ) : tab === 'attendance' ? (
              <Show res={months}>{(m) => <Calendar code={code} months={asPage(m).items} per={per} />}</Show>
            ) : tab === 'warnings' ? (
              <ProjectWarnings code={code} />
            ) : (
              <Show res={months}>{(m) => <MoneyChart months={asPage(m).items} />}</Show>
            )}
          </Tabs>
        </div>
      </div>
    </>
  );
}
