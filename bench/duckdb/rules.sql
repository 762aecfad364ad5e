-- rules.sql — the early-warning rules of SPEC §5 as SQL on DuckDB: a second implementation,
-- independent of the C engine (`wageguard scan`), over the import CSV files themselves.
--
-- Input: the views raw_enterprises, raw_projects, raw_subcontracts, raw_accounts, raw_workers,
-- raw_employments, raw_attendance, raw_allocations, raw_payroll, raw_payments and raw_cases
-- (complaint cases as platform leads; empty without a cases.csv), one per CSV
-- file, every column VARCHAR exactly as read (an optional column absent from the file's header
-- is there as NULL). scan.mjs makes them.
--
-- Parameters, set with SET VARIABLE before this file runs:
--   as_of              DATE    the scan date D
--   ladder_orange      BIGINT  overdue days from which a ladder level is orange (15)
--   ladder_red         BIGINT  overdue days from which it is red (30)
--   low_balance_days   BIGINT  LOW_BALANCE counts what falls due by D + this (7)
--   criminal_worker    BIGINT  fen one worker's arrears must reach (500000)
--   criminal_periods   BIGINT  ... over this many distinct periods (3)
--   criminal_workers   BIGINT  or this many workers with arrears (10)
--   criminal_total     BIGINT  ... adding up to at least this many fen (3000000)
--   complaints_orange  BIGINT  cases in the window that raise COMPLAINTS (3)
--   complaints_red     BIGINT  ... that make it red (10)
--   complaints_window  BIGINT  days up to D the cases count in (30: D - 29 to D)
--
-- Output: the last statement, one row per warning, in the order the JSON Lines are printed.
-- All money is BIGINT fen (sums are HUGEINT until cast); no floating point anywhere.

-- ---------------------------------------------------------------- helpers

CREATE OR REPLACE TEMP MACRO as_of() AS CAST(getvariable('as_of') AS DATE);

-- a field as the importer sees it: spaces and tabs trimmed, empty = absent
CREATE OR REPLACE TEMP MACRO clean(s) AS NULLIF(trim(s, ' ' || chr(9)), '');

-- yuan text ('1234.5', '300', '0.07') to integer fen, split on '.', never through a float
CREATE OR REPLACE TEMP MACRO fen(s) AS
    CASE
        WHEN s IS NULL THEN NULL
        WHEN regexp_full_match(s, '[0-9]+(\.[0-9]{1,2})?')
            THEN CAST(split_part(s, '.', 1) AS BIGINT) * 100
               + CAST(rpad(split_part(s, '.', 2), 2, '0') AS BIGINT)
        ELSE error('not an amount in yuan: ''' || s || '''')
    END;

-- integer fen to the two-decimal text of every output ('1234.50')
CREATE OR REPLACE TEMP MACRO yuan(f) AS
    CAST(CAST(f AS BIGINT) // 100 AS VARCHAR) || '.' || lpad(CAST(CAST(f AS BIGINT) % 100 AS VARCHAR), 2, '0');

-- card and account numbers compare on digits: spaces and hyphens dropped
CREATE OR REPLACE TEMP MACRO digits(s) AS regexp_replace(clean(s), '[ -]', '', 'g');

CREATE OR REPLACE TEMP MACRO period_of(d) AS strftime(d, '%Y-%m');
CREATE OR REPLACE TEMP MACRO period_start(p) AS CAST(p || '-01' AS DATE);
-- the period after P ('2026-12' -> '2027-01')
CREATE OR REPLACE TEMP MACRO next_period(p) AS strftime(period_start(p) + INTERVAL 1 MONTH, '%Y-%m');
-- the last day of the month after P: the default pay day
CREATE OR REPLACE TEMP MACRO month_after_end(p) AS CAST(last_day(period_start(p) + INTERVAL 1 MONTH) AS DATE);

-- the level ladder on a number of overdue days (>= 1 wherever it is used)
CREATE OR REPLACE TEMP MACRO ladder(n) AS
    CASE
        WHEN n >= getvariable('ladder_red') THEN 'red'
        WHEN n >= getvariable('ladder_orange') THEN 'orange'
        ELSE 'yellow'
    END;

-- ---------------------------------------------------------------- typed, normalised records
-- What the importer stores: IDs in upper case (x -> X), cards as digits, money in fen, dates as
-- dates. A row repeated identically in a file is stored once (the importer takes the second
-- as a re-import), hence DISTINCT (attendance: in the rules' att). No filtering by D here; the
-- rules below do that.

CREATE OR REPLACE TEMP TABLE projects AS
SELECT DISTINCT clean(code) AS project, clean(owner_uscc) AS owner, clean(contractor_uscc) AS contractor
FROM raw_projects;

CREATE OR REPLACE TEMP TABLE workers AS
SELECT DISTINCT upper(clean(id_number)) AS worker, digits(bank_card) AS card
FROM raw_workers;

CREATE OR REPLACE TEMP TABLE employments AS
SELECT DISTINCT clean(project_code) AS project, upper(clean(id_number)) AS worker,
       clean(employer_uscc) AS employer, clean(wage_type) AS wage_type, fen(clean(wage_rate)) AS rate,
       CAST(clean(start_date) AS DATE) AS start_date, CAST(clean(end_date) AS DATE) AS end_date
FROM raw_employments;

CREATE OR REPLACE TEMP TABLE attendance AS
SELECT clean(project_code) AS project, upper(clean(id_number)) AS worker,
       CAST(clean(date) AS DATE) AS date, fen(clean(hours)) AS hours   -- hundredths of an hour
FROM raw_attendance;

CREATE OR REPLACE TEMP TABLE allocations AS
SELECT DISTINCT clean(txn_id) AS txn, clean(project_code) AS project, CAST(clean(date) AS DATE) AS date,
       fen(clean(amount)) AS amount
FROM raw_allocations;

CREATE OR REPLACE TEMP TABLE payroll AS
SELECT DISTINCT clean(project_code) AS project, clean(employer_uscc) AS employer, clean(period) AS period,
       upper(clean(id_number)) AS worker, fen(clean(gross)) AS gross,
       fen(clean(deductions)) AS deductions, fen(clean(net)) AS net,
       CAST(clean(due_date) AS DATE) AS due_date
FROM raw_payroll;

CREATE OR REPLACE TEMP TABLE payments AS
SELECT DISTINCT clean(txn_id) AS txn, clean(project_code) AS project, upper(clean(id_number)) AS worker,
       clean(period) AS period, fen(clean(amount)) AS amount, CAST(clean(paid_on) AS DATE) AS paid_on,
       digits(bank_card) AS card, clean(status) AS status
FROM raw_payments;

-- ---------------------------------------------------------------- the rules

WITH
-- attendance that counts: hours > 0, dated on or before D; one row per worker and day
att AS (
    SELECT DISTINCT project, worker, date, period_of(date) AS period
    FROM attendance
    WHERE hours > 0 AND date <= as_of()
),
-- each such day with the employment of the worker on the project covering it (NULLs: none)
covered_days AS (
    SELECT a.project, a.worker, a.period, a.date,
           e.start_date AS emp_start, e.employer, e.wage_type, e.rate
    FROM att a
    LEFT JOIN employments e
           ON e.project = a.project AND e.worker = a.worker
          AND e.start_date <= a.date AND a.date <= coalesce(e.end_date, DATE '9999-12-31')  -- open end
),
-- per worker-month: attendance days, days no employment covers, and the employer of the
-- employment covering the earliest covered day
att_month AS (
    SELECT project, worker, period,
           count(*) AS att_days,
           count(*) FILTER (WHERE emp_start IS NULL) AS uncovered_days,
           arg_min(employer, date) FILTER (WHERE emp_start IS NOT NULL) AS first_employer
    FROM covered_days
    GROUP BY project, worker, period
),
-- per worker-month and covering employment: its rate and its number of covered days
employment_days AS (
    SELECT project, worker, period, emp_start,
           any_value(wage_type) AS wage_type, any_value(rate) AS rate, count(*) AS days
    FROM covered_days
    WHERE emp_start IS NOT NULL
    GROUP BY project, worker, period, emp_start
),
-- expected = round_half_up((2175·Σ_daily rate·days + Σ_monthly rate·min(100·days, 2175)) / 2175)
-- in integers: round_half_up(n / 2175) = (2n + 2175) // 4350 for n >= 0; piece counts 0
expected AS (
    SELECT project, worker, period,
           CAST((2 * (2175 * sum(CASE WHEN wage_type = 'daily' THEN rate * days ELSE 0 END)
                      + sum(CASE WHEN wage_type = 'monthly' THEN rate * least(100 * days, 2175) ELSE 0 END))
                 + 2175) // 4350 AS BIGINT) AS expected
    FROM employment_days
    GROUP BY project, worker, period
),
-- payments that count: dated on or before D
payments_to_d AS (
    SELECT * FROM payments WHERE paid_on <= as_of()
),
-- paid = Σ ok payments of the worker-month
paid AS (
    SELECT project, worker, period, CAST(sum(amount) AS BIGINT) AS paid
    FROM payments_to_d
    WHERE status = 'ok'
    GROUP BY project, worker, period
),
-- every worker-month: attendance, a payroll line or a payment
worker_month_keys AS (
    SELECT project, worker, period FROM att_month
    UNION
    SELECT project, worker, period FROM payroll
    UNION
    SELECT project, worker, period FROM payments_to_d
),
-- everything the rules need per worker-month, with its due date
worker_months AS (
    SELECT k.project, k.worker, k.period,
           coalesce(am.att_days, 0) AS att_days,
           coalesce(am.uncovered_days, 0) AS uncovered_days,
           am.first_employer,
           coalesce(x.expected, 0) AS expected,
           pr.employer AS payroll_employer,
           pr.gross, pr.deductions, pr.net,            -- NULL: no payroll line
           coalesce(pd.paid, 0) AS paid,
           month_after_end(k.period) AS default_due,
           coalesce(pr.due_date, month_after_end(k.period)) AS due
    FROM worker_month_keys k
    LEFT JOIN att_month am USING (project, worker, period)
    LEFT JOIN expected x USING (project, worker, period)
    LEFT JOIN payroll pr USING (project, worker, period)
    LEFT JOIN paid pd USING (project, worker, period)
),
-- every project-month with attendance, and what its attendance is worth
project_months AS (
    SELECT project, period, CAST(sum(expected) AS BIGINT) AS expected
    FROM worker_months
    WHERE att_days > 0
    GROUP BY project, period
),
-- per project: allocations up to D, ok payments up to D, and what is left of them
allocated AS (
    SELECT project, sum(amount) AS allocated
    FROM allocations
    WHERE date <= as_of()
    GROUP BY project
),
paid_out AS (
    SELECT project, sum(amount) AS paid_out
    FROM payments_to_d
    WHERE status = 'ok'
    GROUP BY project
),
balance AS (
    SELECT p.project, coalesce(a.allocated, 0) - coalesce(o.paid_out, 0) AS balance
    FROM projects p
    LEFT JOIN allocated a USING (project)
    LEFT JOIN paid_out o USING (project)
),
-- per project: what is owed on payroll and falls due by D + 7, and whether some is overdue
need AS (
    SELECT project, sum(net - paid) AS need, bool_or(as_of() > due) AS overdue
    FROM worker_months
    WHERE net IS NOT NULL AND paid < net AND due <= as_of() + CAST(getvariable('low_balance_days') AS INTEGER)
    GROUP BY project
),

-- one SELECT per rule: rule, level, project, employer, worker, period, amount (fen),
-- overdue_days, days

unpaid AS (
    SELECT 'UNPAID' AS rule, ladder(as_of() - due) AS level, project, payroll_employer AS employer,
           worker, period, net - paid AS amount, as_of() - due AS overdue_days, 0 AS days
    FROM worker_months
    WHERE net IS NOT NULL AND as_of() > due AND paid < net
),
no_payroll AS (
    SELECT 'NO_PAYROLL' AS rule, ladder(as_of() - default_due) AS level, project,
           first_employer AS employer, worker, period, expected AS amount,
           as_of() - default_due AS overdue_days, 0 AS days
    FROM worker_months
    WHERE att_days > 0 AND net IS NULL AND as_of() > default_due
),
underpaid AS (
    SELECT 'UNDERPAID' AS rule, CASE WHEN 2 * gross < expected THEN 'orange' ELSE 'yellow' END AS level,
           project, payroll_employer AS employer, worker, period, expected - gross AS amount,
           0 AS overdue_days, 0 AS days
    FROM worker_months
    WHERE net IS NOT NULL AND gross + 100 < expected
),
excess_deduction AS (
    SELECT 'EXCESS_DEDUCTION' AS rule, 'orange' AS level, project, payroll_employer AS employer,
           worker, period, deductions - gross // 2 AS amount, 0 AS overdue_days, 0 AS days
    FROM worker_months
    WHERE net IS NOT NULL AND 2 * deductions > gross
),
off_card AS (
    SELECT 'OFF_CARD' AS rule, 'orange' AS level, m.project, p.contractor AS employer,
           m.worker, m.period, sum(m.amount) AS amount, 0 AS overdue_days, 0 AS days
    FROM payments_to_d m
    LEFT JOIN workers w ON w.worker = m.worker
    LEFT JOIN projects p ON p.project = m.project
    WHERE m.status = 'ok' AND m.card IS DISTINCT FROM w.card
    GROUP BY m.project, p.contractor, m.worker, m.period
),
unregistered AS (
    SELECT 'UNREGISTERED' AS rule, 'orange' AS level, project, NULL AS employer, worker, period,
           0 AS amount, 0 AS overdue_days, uncovered_days AS days
    FROM worker_months
    WHERE uncovered_days > 0
),
no_labor_cost AS (
    SELECT 'NO_LABOR_COST' AS rule, ladder(as_of() - month_after_end(pm.period)) AS level,
           pm.project, p.owner AS employer, NULL AS worker, pm.period, pm.expected AS amount,
           as_of() - month_after_end(pm.period) AS overdue_days, 0 AS days
    FROM project_months pm
    LEFT JOIN projects p ON p.project = pm.project
    WHERE as_of() > month_after_end(pm.period)
      AND NOT EXISTS (SELECT 1 FROM allocations a
                      WHERE a.project = pm.project AND a.date <= as_of()
                        AND period_of(a.date) IN (pm.period, next_period(pm.period)))
),
low_balance AS (
    SELECT 'LOW_BALANCE' AS rule, CASE WHEN n.overdue THEN 'orange' ELSE 'yellow' END AS level,
           n.project, p.contractor AS employer, NULL AS worker, NULL AS period,
           n.need - coalesce(b.balance, 0) AS amount, 0 AS overdue_days, 0 AS days
    FROM need n
    LEFT JOIN balance b USING (project)
    LEFT JOIN projects p USING (project)
    WHERE n.need > 0 AND coalesce(b.balance, 0) < n.need
),
-- COMPLAINTS: 3 or more complaint cases naming the project (10 or more: red), received on a
-- day in [D - 29, D] (window 30), tip-offs left out and so are cases rejected at acceptance on
-- or before D; amount the total claimed, employer null. The cases are the leads of cases.csv
-- (one case a lead_id, claimed the sum of its rows; channel platform unless it says).
case_rows AS (
    SELECT DISTINCT clean(lead_id) AS lead, CAST(clean(received) AS DATE) AS received,
           clean(project_code) AS project, coalesce(clean(channel), 'platform') AS channel,
           CAST(clean(rejected) AS DATE) AS rejected, upper(clean(id_number)) AS worker,
           fen(clean(amount)) AS amount
    FROM raw_cases
),
cases AS (
    SELECT lead, any_value(received) AS received, any_value(project) AS project,
           any_value(channel) AS channel, any_value(rejected) AS rejected, sum(amount) AS claimed
    FROM case_rows
    GROUP BY lead
),
complaints AS (
    SELECT 'COMPLAINTS' AS rule,
           CASE WHEN count(*) >= getvariable('complaints_red') THEN 'red' ELSE 'orange' END AS level,
           project, NULL AS employer, NULL AS worker, NULL AS period, sum(claimed) AS amount,
           0 AS overdue_days, 0 AS days
    FROM cases
    WHERE project IS NOT NULL AND channel <> 'tipoff'
      AND received BETWEEN as_of() - CAST(getvariable('complaints_window') - 1 AS INTEGER) AND as_of()
      AND (rejected IS NULL OR rejected > as_of())
    GROUP BY project
    HAVING count(*) >= getvariable('complaints_orange')
),
-- CRIMINAL_THRESHOLD: per employer E, over this scan's UNPAID and NO_PAYROLL warnings naming E,
-- S_v = Σ amounts per worker v, and the distinct periods in which v is owed something
-- (a 0.00 NO_PAYROLL, piece work, is no arrears and counts no period)
arrears_by_worker AS (
    SELECT employer, worker, sum(amount) AS s,
           count(DISTINCT period) FILTER (WHERE amount > 0) AS periods
    FROM (SELECT employer, worker, period, amount FROM unpaid
          UNION ALL
          SELECT employer, worker, period, amount FROM no_payroll)
    WHERE employer IS NOT NULL
    GROUP BY employer, worker
),
criminal_threshold AS (
    SELECT 'CRIMINAL_THRESHOLD' AS rule, 'red' AS level, NULL AS project, employer,
           NULL AS worker, NULL AS period, sum(s) AS amount, 0 AS overdue_days, 0 AS days
    FROM arrears_by_worker
    GROUP BY employer
    HAVING bool_or(s >= getvariable('criminal_worker') AND periods >= getvariable('criminal_periods'))
        OR (count(*) FILTER (WHERE s > 0) >= getvariable('criminal_workers')
            AND sum(s) >= getvariable('criminal_total'))
),
warnings AS (
    SELECT * FROM unpaid
    UNION ALL SELECT * FROM no_payroll
    UNION ALL SELECT * FROM underpaid
    UNION ALL SELECT * FROM excess_deduction
    UNION ALL SELECT * FROM off_card
    UNION ALL SELECT * FROM unregistered
    UNION ALL SELECT * FROM no_labor_cost
    UNION ALL SELECT * FROM low_balance
    UNION ALL SELECT * FROM complaints
    UNION ALL SELECT * FROM criminal_threshold
)
-- strings sort by bytes (DuckDB's default binary collation = C strcmp on UTF-8), nulls first
SELECT rule, level, project, employer, worker, period, yuan(amount) AS amount,
       CAST(overdue_days AS BIGINT) AS overdue_days, CAST(days AS BIGINT) AS days
FROM warnings
ORDER BY rule, project NULLS FIRST, employer NULLS FIRST, worker NULLS FIRST, period NULLS FIRST;
