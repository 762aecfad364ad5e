// mock.mjs — `npm run dev`: a throwaway stand-in for `wageguard serve`, for developing the web
// UI before (or beside) the real server. It answers the docs/api.md contract from a demo data
// set made by the real CLI (build/wageguard demo, scan, show, payslip, ledger check, notice),
// and serves the UI through Vite in middleware mode (hot reload). Never used by the tests.
//
//   npm run dev                      # http://127.0.0.1:5173, logins below, password "demo"
//   WG_BIN=build/wageguard PORT=5173 MOCK_STATIC=web/dist npm run dev   # serve the built UI
//
// Users: admin, regulator (3301), enterprise (the first project's contractor), bank (ICBC),
// worker (a worker with unpaid wages). Sessions are kept in memory; the CSRF header is checked.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const BIN = path.resolve(ROOT, process.env.WG_BIN || 'build/wageguard');
const PORT = Number(process.env.PORT || 5173);
const DIR = process.env.MOCK_DIR || path.join(os.tmpdir(), 'wageguard-webui-mock');
const DB = path.join(DIR, 'demo.db');
const STATIC = process.env.MOCK_STATIC ? path.resolve(ROOT, process.env.MOCK_STATIC) : '';
const env = { ...process.env, WAGEGUARD_NO_PROGRESS: '1', WAGEGUARD_DB: DB };

function wg(args, { allowFail = false } = {}) {
  const r = spawnSync(BIN, args, { env, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0 && !allowFail) throw new Error(`wageguard ${args.join(' ')}: ${r.stderr || r.stdout}`);
  return r;
}

// ---- data ----
if (!fs.existsSync(DB)) {
  fs.mkdirSync(DIR, { recursive: true });
  console.log(`mock: building the demo data set in ${DIR} ...`);
  wg(['demo', '--scale', process.env.MOCK_SCALE || '0.05', '--dir', path.join(DIR, 'data')]);
  wg(['scan']);
}

function csv(name) {
  const text = fs.readFileSync(path.join(DIR, 'data', name + '.csv'), 'utf8').trim().split('\n');
  const head = text[0].split(',');
  return text.slice(1).map((l) => {
    const cells = l.split(',');
    return Object.fromEntries(head.map((h, i) => [h, cells[i] ?? '']));
  });
}
const fen = (s) => Math.round(parseFloat(s || '0') * 100);
const yuan = (f) => (f / 100).toFixed(2);
const maskId = (id) => id.slice(0, 6) + '********' + id.slice(14);
const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idOk = (id) => /^\d{17}[\dX]$/.test(id) && '10X98765432'[W.reduce((s, w, i) => s + w * Number(id[i]), 0) % 11] === id[17];

const enterprises = new Map(csv('enterprises').map((e) => [e.uscc, e]));
const projects = csv('projects');
const workers = new Map(csv('workers').map((w) => [w.id_number, w]));
const employments = csv('employments');
const payroll = csv('payroll');
const payments = csv('payments');
const allocations = csv('allocations');
const accounts = new Map(csv('accounts').map((a) => [a.project_code, a]));
console.log('mock: reading attendance ...');
const attendance = csv('attendance');
const warnings = wg(['warnings', '--json'])
  .stdout.trim()
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l));
const summaries = new Map(projects.map((p) => [p.code, JSON.parse(wg(['show', 'project', p.code, '--json']).stdout)]));

const ent = (uscc) => (uscc ? { uscc, name: enterprises.get(uscc)?.name || uscc } : null);
const periods = [...new Set(payroll.map((p) => p.period))].sort();

function monthsOf(code) {
  const m = new Map();
  const get = (per) => {
    if (!m.has(per)) m.set(per, { period: per, attendance_days: 0, workers: new Set(), gross: 0, net: 0, paid: 0, allocated: 0 });
    return m.get(per);
  };
  for (const a of attendance) if (a.project_code === code && Number(a.hours) > 0) {
    const r = get(a.date.slice(0, 7));
    r.attendance_days++;
    r.workers.add(a.id_number);
  }
  for (const p of payroll) if (p.project_code === code) {
    const r = get(p.period);
    r.gross += fen(p.gross);
    r.net += fen(p.net);
  }
  for (const p of payments) if (p.project_code === code && p.status === 'ok') get(p.period).paid += fen(p.amount);
  for (const a of allocations) if (a.project_code === code) get(a.date.slice(0, 7)).allocated += fen(a.amount);
  return [...m.values()]
    .sort((a, b) => a.period.localeCompare(b.period))
    .map((r) => ({ ...r, workers: r.workers.size, gross: yuan(r.gross), net: yuan(r.net), paid: yuan(r.paid), allocated: yuan(r.allocated) }));
}

function inScope(user, code) {
  const p = projects.find((x) => x.code === code);
  if (!p) return false;
  if (user.role === 'admin') return true;
  if (user.role === 'regulator') return p.region_code.startsWith(user.scope);
  if (user.role === 'enterprise')
    return p.owner_uscc === user.scope || p.contractor_uscc === user.scope || employments.some((e) => e.project_code === code && e.employer_uscc === user.scope);
  if (user.role === 'bank') return accounts.get(code)?.bank_code === user.scope;
  return false;
}

function dashboard(user) {
  const ps = projects.filter((p) => inScope(user, p.code));
  const codes = new Set(ps.map((p) => p.code));
  const open = warnings.filter((w) => !w.resolved_on && (w.project ? codes.has(w.project) : true));
  const lv = { yellow: 0, orange: 0, red: 0 };
  const byRegion = new Map();
  const region = new Map(ps.map((p) => [p.code, p.region_code]));
  for (const w of open) {
    lv[w.level]++;
    const rc = w.project ? region.get(w.project) : null;
    if (!rc) continue;
    if (!byRegion.has(rc)) byRegion.set(rc, { region_code: rc, yellow: 0, orange: 0, red: 0 });
    byRegion.get(rc)[w.level]++;
  }
  const arrears = periods.map((per) => {
    let unpaid = 0;
    const ws = new Set();
    for (const p of payroll) if (p.period === per && codes.has(p.project_code)) {
      const paid = payments.filter((x) => x.period === per && x.id_number === p.id_number && x.project_code === p.project_code && x.status === 'ok').reduce((s, x) => s + fen(x.amount), 0);
      if (paid < fen(p.net)) {
        unpaid += fen(p.net) - paid;
        ws.add(p.id_number);
      }
    }
    return { period: per, unpaid: yuan(unpaid), workers: ws.size };
  });
  const top = ps
    .map((p) => {
      const w = open.filter((x) => x.project === p.code);
      const unpaid = w.filter((x) => x.rule === 'UNPAID' || x.rule === 'NO_PAYROLL').reduce((s, x) => s + fen(x.amount), 0);
      return { code: p.code, name: p.name, region_code: p.region_code, red: w.filter((x) => x.level === 'red').length, orange: w.filter((x) => x.level === 'orange').length, unpaid: yuan(unpaid) };
    })
    .sort((a, b) => b.red - a.red || fen(b.unpaid) - fen(a.unpaid))
    .slice(0, 10);
  return {
    as_of: new Date().toISOString().slice(0, 10),
    warnings_by_level: lv,
    warnings_by_region: [...byRegion.values()],
    arrears_by_period: arrears,
    top_projects: top,
    totals: { projects: ps.length, workers: new Set(employments.filter((e) => codes.has(e.project_code)).map((e) => e.id_number)).size, open_warnings: open.length },
  };
}

function docFromHtml(html) {
  const body = html.slice(html.indexOf('<div class="page">'));
  const text = (s) => s.replace(/<br\s*\/?>/g, '\n').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').trim();
  const doc = { title: '', subtitle: null, blocks: [], sign: [], footer: null };
  const re = /<h1>([\s\S]*?)<\/h1>|<p class="sub">([\s\S]*?)<\/p>|<h2>([\s\S]*?)<\/h2>|<table class="fields">([\s\S]*?)<\/table>|<table>([\s\S]*?)<\/table>|<p class="note">([\s\S]*?)<\/p>|<p class="sign">([\s\S]*?)<\/p>|<div class="callout">([\s\S]*?)<\/div>|<p>([\s\S]*?)<\/p>/g;
  let m;
  while ((m = re.exec(body))) {
    if (m[1]) doc.title = text(m[1]);
    else if (m[2]) doc.subtitle = text(m[2]);
    else if (m[3]) doc.blocks.push({ kind: 'heading', text: text(m[3]) });
    else if (m[4]) doc.blocks.push({ kind: 'fields', fields: [...m[4].matchAll(/<tr><th>([\s\S]*?)<\/th><td[^>]*>([\s\S]*?)<\/td><\/tr>/g)].map((f) => ({ label: text(f[1]), value: text(f[2]) })) });
    else if (m[5]) {
      const head = [...m[5].matchAll(/<th>([\s\S]*?)<\/th>/g)].map((x) => text(x[1]));
      const rows = [...(m[5].split('<tbody>')[1] || '').matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => text(c[1])));
      const strong = [...(m[5].split('<tbody>')[1] || '').matchAll(/<tr([^>]*)>/g)].map((r) => r[1].includes('strong'));
      doc.blocks.push({ kind: 'table', head, rows, strong });
    } else if (m[6]) doc.blocks.push({ kind: 'note', text: text(m[6]) });
    else if (m[7]) doc.sign.push(text(m[7]));
    else if (m[8]) doc.blocks.push({ kind: 'callout', text: text(m[8]) });
    else if (m[9]) doc.blocks.push({ kind: 'para', text: text(m[9]) });
  }
  return doc;
}

function notice(kind, args) {
  const out = path.join(DIR, `notice-${process.pid}.html`);
  const r = wg(['notice', kind, ...args, '--format', 'html', '-o', out], { allowFail: true });
  if (r.status !== 0) return null;
  return docFromHtml(fs.readFileSync(out, 'utf8'));
}

// ---- users and sessions ----
const firstProject = projects[0];
const owed = payroll.find((p) => !payments.some((x) => x.id_number === p.id_number && x.period === p.period && x.status === 'ok'));
const users = {
  admin: { username: 'admin', role: 'admin', scope: '', display_name: '平台管理员' },
  regulator: { username: 'regulator', role: 'regulator', scope: '3301', display_name: '杭州市劳动保障监察支队' },
  enterprise: { username: 'enterprise', role: 'enterprise', scope: firstProject.contractor_uscc, display_name: enterprises.get(firstProject.contractor_uscc)?.name },
  bank: { username: 'bank', role: 'bank', scope: 'ICBC', display_name: '工商银行杭州分行' },
  worker: { username: 'worker', role: 'worker', scope: (owed || payroll[0]).id_number, display_name: workers.get((owed || payroll[0]).id_number)?.name },
};
const sessions = new Map();
const complaints = [];

// ---- HTTP ----
function send(res, status, body, headers = {}) {
  const data = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(data);
}
const fail = (res, status, code, message, details) => send(res, status, { error: { code, message, ...(details ? { details } : {}) } });

function page(items, q) {
  const per = Math.min(500, Math.max(1, Number(q.get('per_page') || 50)));
  const pg = Math.max(1, Number(q.get('page') || 1));
  return { items: items.slice((pg - 1) * per, pg * per), page: pg, per_page: per, total: items.length };
}

function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function cookie(req, name) {
  const m = new RegExp('(?:^|;\\s*)' + name + '=([^;]+)').exec(req.headers.cookie || '');
  return m ? m[1] : null;
}

function checkCsv(kind, text) {
  const lines = text.replace(/\r/g, '').split('\n');
  const head = (lines[0] || '').split(',');
  const details = [];
  const want = { payroll: 9, payments: 8, attendance: 4, workers: 5, employments: 9, allocations: 4 }[kind];
  lines.slice(1).forEach((l, i) => {
    if (!l.trim()) return;
    const cells = l.split(',');
    if (want && cells.length !== want) details.push({ line: i + 2, column: null, message: `expected ${want} fields, found ${cells.length}` });
    head.forEach((h, j) => {
      const v = cells[j] ?? '';
      if (h === 'id_number' && v && !idOk(v)) details.push({ line: i + 2, column: h, message: `'${v}' is not a valid resident ID number` });
      if (['gross', 'net', 'amount', 'deductions', 'wage_rate'].includes(h) && v && !/^\d+(\.\d{1,2})?$/.test(v)) details.push({ line: i + 2, column: h, message: `'${v}' is not an amount` });
      if (['date', 'paid_on', 'due_date'].includes(h) && v && (!/^\d{4}-\d{2}-\d{2}$/.test(v) || isNaN(Date.parse(v + 'T00:00:00Z')))) details.push({ line: i + 2, column: h, message: `'${v}' is not a date (YYYY-MM-DD)` });
    });
  });
  return { rows: lines.slice(1).filter((l) => l.trim()).length, details };
}

async function api(req, res, url) {
  const p = url.pathname.replace(/^\/api\/v1/, '');
  const q = url.searchParams;
  const sid = cookie(req, 'wg_session');
  const sess = sid ? sessions.get(sid) : null;
  const user = sess?.user || null;
  const m = req.method;
  if (m !== 'GET' && sess && req.headers['x-csrf-token'] !== sess.csrf) return fail(res, 403, 'FORBIDDEN', 'missing or wrong X-CSRF-Token');
  const need = (...roles) => {
    if (!user) return fail(res, 401, 'UNAUTHENTICATED', 'log in first'), false;
    if (roles.length && !roles.includes(user.role)) return fail(res, 403, 'FORBIDDEN', 'not allowed for role ' + user.role), false;
    return true;
  };
  let mm;

  if (p === '/session' && m === 'POST') {
    const b = JSON.parse((await readBody(req)) || '{}');
    const u = users[b.username];
    if (!u || b.password !== 'demo') return fail(res, 401, 'UNAUTHENTICATED', 'wrong user name or password');
    const id = crypto.randomBytes(16).toString('hex');
    const csrf = crypto.randomBytes(16).toString('hex');
    sessions.set(id, { user: u, csrf });
    return send(res, 200, { user: u, csrf_token: csrf }, { 'Set-Cookie': `wg_session=${id}; Path=/; HttpOnly; SameSite=Strict` });
  }
  if (p === '/session' && m === 'DELETE') {
    if (sid) sessions.delete(sid);
    return send(res, 200, { ok: true }, { 'Set-Cookie': 'wg_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict' });
  }
  if (p === '/me' && m === 'GET') {
    if (!need()) return;
    return send(res, 200, { ...user, csrf_token: sess.csrf });
  }
  if (p === '/dashboard') return need('admin', 'regulator') && send(res, 200, dashboard(user));
  if (p === '/projects') {
    if (!need('admin', 'regulator', 'enterprise', 'bank')) return;
    const s = (q.get('q') || '').toLowerCase();
    const rc = q.get('region') || '';
    const rows = projects
      .filter((x) => inScope(user, x.code) && (!s || x.code.toLowerCase().includes(s) || x.name.includes(s)) && (!rc || x.region_code.startsWith(rc)))
      .map((x) => {
        const w = warnings.filter((y) => y.project === x.code && !y.resolved_on);
        return { code: x.code, name: x.name, region_code: x.region_code, industry: x.industry, owner: ent(x.owner_uscc), contractor: ent(x.contractor_uscc), open_warnings: w.length, red_warnings: w.filter((y) => y.level === 'red').length };
      });
    return send(res, 200, page(rows, q));
  }
  if ((mm = /^\/projects\/([^/]+)(\/(roster|months|attendance))?$/.exec(p))) {
    const code = decodeURIComponent(mm[1]);
    if (!need('admin', 'regulator', 'enterprise', 'bank')) return;
    if (!projects.some((x) => x.code === code)) return fail(res, 404, 'NOT_FOUND', 'no such project');
    if (!inScope(user, code)) return fail(res, 403, 'FORBIDDEN', 'project out of scope');
    if (!mm[3]) return send(res, 200, summaries.get(code));
    if (mm[3] === 'months') return send(res, 200, monthsOf(code));
    if (mm[3] === 'roster') {
      const rows = employments
        .filter((e) => e.project_code === code)
        .map((e) => ({ id_number: maskId(e.id_number), name: workers.get(e.id_number)?.name || '', team: e.team, trade: e.trade, employer: ent(e.employer_uscc), wage_type: e.wage_type, wage_rate: e.wage_rate, start_date: e.start_date, end_date: e.end_date || null }));
      return send(res, 200, page(rows, q));
    }
    const per = q.get('period') || '';
    const by = new Map();
    for (const a of attendance) if (a.project_code === code && a.date.startsWith(per + '-') && Number(a.hours) > 0) {
      if (!by.has(a.id_number)) by.set(a.id_number, []);
      by.get(a.id_number).push(Number(a.date.slice(8)));
    }
    return send(res, 200, [...by].map(([id, days]) => ({ id_number: maskId(id), name: workers.get(id)?.name || '（未登记）', days: days.sort((a, b) => a - b) })));
  }
  if ((mm = /^\/workers\/([^/]+)$/.exec(p))) {
    const id = decodeURIComponent(mm[1]);
    if (!need('admin', 'regulator', 'worker')) return;
    if (user.role === 'worker' && user.scope !== id) return fail(res, 403, 'FORBIDDEN', 'not your record');
    const r = wg(['show', 'worker', id, '--json', ...(user.role === 'worker' || user.role === 'admin' ? ['--reveal'] : [])], { allowFail: true });
    if (r.status !== 0) return fail(res, 404, 'NOT_FOUND', 'no such worker');
    return send(res, 200, r.stdout);
  }
  if (p === '/warnings') {
    if (!need('admin', 'regulator', 'enterprise')) return;
    const open = q.get('open');
    const rows = warnings.filter(
      (w) =>
        (open === '0' || !w.resolved_on) &&
        (!q.get('project') || w.project === q.get('project')) &&
        (!q.get('level') || w.level === q.get('level')) &&
        (!q.get('rule') || w.rule === q.get('rule')) &&
        (user.role === 'admin' || (user.role === 'regulator' ? !w.project || inScope(user, w.project) : w.employer === user.scope || (w.project && inScope(user, w.project)))),
    );
    return send(res, 200, page(rows.map((w) => ({ ...w, worker: w.worker && user.role !== 'admin' ? maskId(w.worker) : w.worker })), q));
  }
  if ((mm = /^\/imports\/([a-z]+)$/.exec(p)) && m === 'POST') {
    if (!need('admin', 'enterprise', 'bank')) return;
    const { rows, details } = checkCsv(mm[1], await readBody(req));
    if (details.length) return fail(res, 422, 'IMPORT_REJECTED', `${details.length} problems; nothing stored`, details);
    return send(res, 200, { rows, inserted: rows, unchanged: 0, amended: 0, status_changes: 0 });
  }
  if ((mm = /^\/payslips\/([^/]+)\/(\d{4}-\d{2})(\/(confirm|dispute))?$/.exec(p))) {
    const id = decodeURIComponent(mm[1]);
    if (!need('admin', 'regulator', 'worker')) return;
    if (user.role === 'worker' && user.scope !== id) return fail(res, 403, 'FORBIDDEN', 'not your payslip');
    if (mm[4]) {
      if (m !== 'POST') return fail(res, 405, 'METHOD_NOT_ALLOWED', 'POST');
      if (user.role !== 'worker') return fail(res, 403, 'FORBIDDEN', 'only the worker answers');
      const b = JSON.parse((await readBody(req)) || '{}');
      const args = ['payroll', mm[4], id, mm[2], '--project', b.project || ''];
      if (mm[4] === 'dispute') args.push('--reason', b.reason || '-', ...(b.amount ? ['--amount', b.amount] : []));
      const r = wg(args, { allowFail: true });
      if (r.status !== 0) return fail(res, 409, 'CONFLICT', (r.stderr || r.stdout).trim());
      return send(res, 200, { ok: true });
    }
    const r = wg(['payslip', id, mm[2], ...(q.get('project') ? ['--project', q.get('project')] : []), '--json', ...(user.role === 'worker' ? ['--reveal'] : [])], { allowFail: true });
    if (r.status !== 0) return fail(res, 404, 'NOT_FOUND', (r.stderr || 'no payslip').trim());
    return send(res, 200, r.stdout);
  }
  if ((mm = /^\/receipts\/([^/]+)$/.exec(p))) {
    const code = decodeURIComponent(mm[1]);
    if (!/^\d+-\d+-[0-9a-f]+$/.test(code)) return fail(res, 404, 'NOT_FOUND', 'no such receipt');
    const r = wg(['ledger', 'check', code], { allowFail: true });
    const first = (r.stdout || '').split('\n')[0];
    const k = /entry (\d+) line (\d+), recorded (.*)$/.exec(first);
    return send(res, 200, { valid: r.status === 0, seq: k ? Number(k[1]) : undefined, line: k ? Number(k[2]) : undefined, recorded_at: k ? k[3] : undefined, summary: (r.stdout || '').split('\n')[1] || first });
  }
  if (p === '/complaints' && m === 'POST') {
    const b = JSON.parse((await readBody(req)) || '{}');
    if (!b.name || !b.description) return fail(res, 400, 'BAD_REQUEST', 'name and description are required');
    const c = { id: 'TS' + String(20260000 + complaints.length + 1), received_on: new Date().toISOString().slice(0, 10), status: 'received' };
    complaints.push({ ...b, ...c });
    return send(res, 201, c);
  }
  if ((mm = /^\/public\/projects\/([^/]+)\/board$/.exec(p))) {
    const d = notice('board', [decodeURIComponent(mm[1])]);
    return d ? send(res, 200, d) : fail(res, 404, 'NOT_FOUND', 'no such project');
  }
  if ((mm = /^\/public\/projects\/([^/]+)\/publicity\/(\d{4}-\d{2})$/.exec(p))) {
    const d = notice('publicity', [decodeURIComponent(mm[1]), mm[2]]);
    return d ? send(res, 200, d) : fail(res, 404, 'NOT_FOUND', 'no publicity for that project and month');
  }
  return fail(res, 404, 'NOT_FOUND', 'no such endpoint');
}

const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'";

let vite = null;
if (!STATIC) {
  const { createServer } = await import('vite');
  vite = await createServer({ configFile: path.join(ROOT, 'web/vite.config.ts'), server: { middlewareMode: true, hmr: { port: PORT + 1 } }, appType: 'spa' });
}

http
  .createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    try {
      if (url.pathname === '/healthz') return send(res, 200, { status: 'ok' });
      if (url.pathname.startsWith('/api/')) return await api(req, res, url);
      if (vite) return vite.middlewares(req, res);
      let f = path.join(STATIC, path.normalize(url.pathname));
      if (!f.startsWith(STATIC) || !fs.existsSync(f) || fs.statSync(f).isDirectory()) f = path.join(STATIC, 'index.html');
      const type = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' }[path.extname(f)] || 'application/octet-stream';
      res.writeHead(200, { 'Content-Type': type, 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff' });
      fs.createReadStream(f).pipe(res);
    } catch (e) {
      console.error(e);
      fail(res, 500, 'INTERNAL', String(e.message || e));
    }
  })
  .listen(PORT, '127.0.0.1', () => {
    console.log(`mock: http://127.0.0.1:${PORT}/  (users: ${Object.keys(users).join(', ')}; password "demo")`);
    console.log(`mock: worker ${users.worker.scope}, enterprise ${users.enterprise.scope}`);
  });
