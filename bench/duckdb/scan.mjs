#!/usr/bin/env node
// scan.mjs — the early-warning rules of SPEC §5 run as SQL (rules.sql) on DuckDB over the
// import CSV files: a second implementation to hold `wageguard scan` to, and its benchmark.
//
//   node bench/duckdb/scan.mjs --as-of YYYY-MM-DD [options] DIR
//
// reads DIR/{enterprises,projects,subcontracts,accounts,workers,employments,attendance,
// allocations,payroll,payments}.csv and prints one JSON object per warning, one a line, in the
// order and format of `wageguard scan --as-of D` (see README.md beside this file).
//
// Options (defaults are the spec's): --ladder-orange 15, --ladder-red 30 (overdue days),
// --low-balance-days 7, --criminal-worker 5000.00, --criminal-periods 3,
// --criminal-workers 10, --criminal-total 30000.00, --threads N (DuckDB's; default all cores),
// --timing (phase times on stderr).
import { readFileSync, openSync, readSync, closeSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

const HERE = dirname(fileURLToPath(import.meta.url));

// SPEC §4: the columns of each file; optional ones may be left out of the header
const KINDS = {
  enterprises: { req: ['uscc', 'name', 'region_code'], opt: ['legal_rep'] },
  projects: {
    req: ['code', 'name', 'region_code', 'industry', 'owner_uscc', 'contractor_uscc', 'contract_value', 'start_date'],
    opt: ['end_date'],
  },
  subcontracts: { req: ['project_code', 'subcontractor_uscc', 'contract_value', 'start_date'], opt: ['end_date'] },
  accounts: { req: ['project_code', 'bank_code', 'account_no', 'opened_on'], opt: [] },
  workers: { req: ['id_number', 'name', 'bank_card', 'bank_code'], opt: ['phone'] },
  employments: {
    req: ['project_code', 'id_number', 'employer_uscc', 'team', 'trade', 'wage_type', 'wage_rate', 'start_date'],
    opt: ['end_date'],
  },
  attendance: { req: ['project_code', 'id_number', 'date', 'hours'], opt: [] },
  allocations: { req: ['txn_id', 'project_code', 'date', 'amount'], opt: [] },
  payroll: {
    req: ['project_code', 'employer_uscc', 'period', 'id_number', 'days', 'gross', 'deductions', 'net'],
    opt: ['due_date'],
  },
  payments: { req: ['txn_id', 'project_code', 'id_number', 'period', 'amount', 'paid_on', 'bank_card', 'status'], opt: [] },
  // complaint cases, as leads of the national platform (docs/formats.md; `wageguard case
  // import` reads the same file): optional — without it no case exists
  cases: {
    req: ['lead_id', 'received', 'employer_uscc', 'id_number', 'amount'],
    opt: ['employer_name', 'project_code', 'region_code', 'name', 'phone', 'description', 'channel', 'rejected'],
    optional: true,
  },
};

function die(msg) {
  process.stderr.write(`scan.mjs: ${msg}\n`);
  process.exit(2);
}

function usage() {
  die('usage: node bench/duckdb/scan.mjs --as-of YYYY-MM-DD [--ladder-orange N] [--ladder-red N] ' +
      '[--low-balance-days N] [--criminal-worker YUAN] [--criminal-periods N] [--criminal-workers N] ' +
      '[--criminal-total YUAN] [--complaints-orange N] [--complaints-red N] [--complaints-window N] ' +
      '[--threads N] [--timing] DIR');
}

// yuan text to BigInt fen, exactly (the same rule as the importer's money fields)
function fen(s, what) {
  const m = /^([0-9]+)(?:\.([0-9]{1,2}))?$/.exec(s);
  if (!m) die(`${what}: '${s}' is not an amount in yuan`);
  return BigInt(m[1]) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
}

function count(s, what) {
  if (!/^[0-9]+$/.test(s)) die(`${what}: '${s}' is not a whole number`);
  return BigInt(s);
}

function parseArgs(argv) {
  const o = {
    asOf: null, dir: null, timing: false, threads: null,
    ladderOrange: 15n, ladderRed: 30n, lowBalanceDays: 7n,
    criminalWorker: 500000n, criminalPeriods: 3n, criminalWorkers: 10n, criminalTotal: 3000000n,
    complaintsOrange: 3n, complaintsRed: 10n, complaintsWindow: 30n,
  };
  const val = (i) => (i + 1 < argv.length ? argv[i + 1] : usage());
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    switch (a) {
      case '--as-of': o.asOf = val(i); i++; break;
      case '--ladder-orange': o.ladderOrange = count(val(i), a); i++; break;
      case '--ladder-red': o.ladderRed = count(val(i), a); i++; break;
      case '--low-balance-days': o.lowBalanceDays = count(val(i), a); i++; break;
      case '--criminal-worker': o.criminalWorker = fen(val(i), a); i++; break;
      case '--criminal-periods': o.criminalPeriods = count(val(i), a); i++; break;
      case '--criminal-workers': o.criminalWorkers = count(val(i), a); i++; break;
      case '--criminal-total': o.criminalTotal = fen(val(i), a); i++; break;
      case '--complaints-orange': o.complaintsOrange = count(val(i), a); i++; break;
      case '--complaints-red': o.complaintsRed = count(val(i), a); i++; break;
      case '--complaints-window': o.complaintsWindow = count(val(i), a); i++; break;
      case '--threads': o.threads = String(count(val(i), a)); i++; break;
      case '--timing': o.timing = true; break;
      case '-h': case '--help': usage(); break;
      default:
        if (a.startsWith('-') || o.dir !== null) usage();
        o.dir = a;
    }
  }
  if (o.asOf === null || o.dir === null) usage();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(o.asOf);
  const d = m && new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  if (!m || d.getUTCFullYear() !== +m[1] || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3])
    die(`--as-of: '${o.asOf}' is not a date (YYYY-MM-DD)`);
  if (o.ladderRed < o.ladderOrange) die('--ladder-red must not be below --ladder-orange');
  return o;
}

// The header row of a CSV file: RFC 4180 fields of its first record, a UTF-8 BOM dropped.
// Names are matched exactly, untrimmed, as the importer matches them.
function readHeader(path) {
  const fd = openSync(path, 'r');
  const chunks = [];
  const buf = Buffer.alloc(65536);
  let text = '';
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(Buffer.from(buf.subarray(0, n)));
      text = Buffer.concat(chunks).toString('utf8');
      if (headerEnd(text) >= 0) break;
    }
  } finally {
    closeSync(fd);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const fields = [];
  let f = '', q = false, i = 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') { f += '"'; i++; }
      else if (c === '"') q = false;
      else f += c;
    } else if (c === '"') q = true;
    else if (c === ',') { fields.push(f); f = ''; }
    else if (c === '\n' || c === '\r') break;
    else f += c;
  }
  fields.push(f);
  return fields;
}

// index of the first line break outside quotes, or -1
function headerEnd(text) {
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') q = !q;
    else if (!q && (c === '\n' || c === '\r')) return i;
  }
  return -1;
}

const sqlString = (s) => `'${s.replaceAll("'", "''")}'`;
const sqlIdent = (s) => `"${s.replaceAll('"', '""')}"`;

// CREATE VIEW raw_KIND over DIR/KIND.csv: every column of the header as VARCHAR, an optional
// column the header leaves out as NULL.
function rawView(dir, kind) {
  const path = join(dir, `${kind}.csv`);
  const spec = KINDS[kind];
  if (!existsSync(path) && spec.optional) {
    const none = [...spec.req, ...spec.opt].map((c) => `CAST(NULL AS VARCHAR) AS ${sqlIdent(c)}`).join(', ');
    return `CREATE OR REPLACE TEMP VIEW raw_${kind} AS SELECT ${none} WHERE false`;
  }
  if (!existsSync(path)) die(`${path}: no such file`);
  const header = readHeader(path);
  const known = new Set([...spec.req, ...spec.opt]);
  const seen = new Set();
  for (const h of header) {
    if (!known.has(h)) die(`${path}:1: column '${h}': unknown column`);
    if (seen.has(h)) die(`${path}:1: column '${h}': duplicate column`);
    seen.add(h);
  }
  for (const r of spec.req) if (!seen.has(r)) die(`${path}:1: column '${r}': missing required column`);
  const columns = header.map((h) => `${sqlString(h)}: 'VARCHAR'`).join(', ');
  const select = [...spec.req, ...spec.opt]
    .map((c) => (seen.has(c) ? sqlIdent(c) : `CAST(NULL AS VARCHAR) AS ${sqlIdent(c)}`))
    .join(', ');
  return `CREATE OR REPLACE TEMP VIEW raw_${kind} AS SELECT ${select} FROM read_csv(${sqlString(path)}, ` +
    `header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', ` +
    `columns = {${columns}})`;
}

// one warning row to its JSON line: keys in the spec's order, no spaces
function jsonLine(r) {
  const s = (v) => (v === null ? 'null' : JSON.stringify(String(v)));
  return `{"rule":${s(r[0])},"level":${s(r[1])},"project":${s(r[2])},"employer":${s(r[3])},` +
    `"worker":${s(r[4])},"period":${s(r[5])},"amount":${s(r[6])},"overdue_days":${r[7]},"days":${r[8]}}\n`;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  const lap = (what) => {
    if (o.timing) process.stderr.write(`${what}: ${((performance.now() - t0) / 1000).toFixed(3)} s\n`);
  };
  const config = o.threads ? { threads: o.threads } : {};
  const db = await DuckDBInstance.create(':memory:', config);
  const con = await db.connect();
  for (const kind of Object.keys(KINDS)) await con.run(rawView(o.dir, kind));
  const vars = {
    as_of: `DATE ${sqlString(o.asOf)}`,
    ladder_orange: o.ladderOrange, ladder_red: o.ladderRed, low_balance_days: o.lowBalanceDays,
    criminal_worker: o.criminalWorker, criminal_periods: o.criminalPeriods,
    criminal_workers: o.criminalWorkers, criminal_total: o.criminalTotal,
    complaints_orange: o.complaintsOrange, complaints_red: o.complaintsRed, complaints_window: o.complaintsWindow,
  };
  for (const [k, v] of Object.entries(vars))
    await con.run(`SET VARIABLE ${k} = ${typeof v === 'bigint' ? `CAST(${v} AS BIGINT)` : v}`);

  // rules.sql: the typed tables, then the one query whose rows are the warnings
  const sql = readFileSync(join(HERE, 'rules.sql'), 'utf8');
  const stmts = await con.extractStatements(sql);
  for (let i = 0; i < stmts.count - 1; i++) await (await stmts.prepare(i)).run();
  lap('load');
  const result = await (await stmts.prepare(stmts.count - 1)).stream();
  let out = '';
  let n = 0;
  for await (const rows of result.yieldRowsJs()) {
    for (const r of rows) out += jsonLine(r);
    n += rows.length;
    if (out.length > 1 << 20) {
      if (!process.stdout.write(out)) await new Promise((ok) => process.stdout.once('drain', ok));
      out = '';
    }
  }
  if (out && !process.stdout.write(out)) await new Promise((ok) => process.stdout.once('drain', ok));
  lap(`rules (${n} warnings)`);
}

main().catch((e) => die(e.message ?? String(e)));
