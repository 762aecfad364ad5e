// api.test.mjs — the HTTP API against a real server (started by tests/cli/t0600-api.sh on a
// free loopback port with generated demo data): every documented endpoint for every role,
// in and out of scope, answers per its x-roles; documented responses match their schemas;
// sessions, CSRF, throttling, masking, uploads, payslips and receipts behave.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { validate } from './validate.mjs';

const BASE = process.env.WG_API;
const ctx = JSON.parse(process.env.WG_API_CTX);   // tokens, passwords, codes
const ROLES = ['admin', 'regulator', 'enterprise', 'bank', 'worker', 'public'];

async function call(method, path, { token, body, headers = {}, raw } = {}) {
  const h = { ...headers };
  if (token) h.Authorization = `Bearer ${token}`;
  if (body !== undefined && !raw) h['Content-Type'] = 'application/json';
  const res = await fetch(BASE + path, { method, headers: h, body: raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
  const text = await res.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* text bodies */ }
  return { status: res.status, json, text, headers: res.headers };
}

const doc = JSON.parse((await call('GET', '/api/v1/openapi.json')).text);

// a project the enterprise has nothing to do with: all projects (admin) less its own
const everything = (await call('GET', '/api/v1/projects?per_page=500', { token: ctx.tokens.admin })).json.items.map((p) => p.code);
const its = new Set((await call('GET', '/api/v1/projects?per_page=500', { token: ctx.tokens.enterprise })).json.items.map((p) => p.code));
const foreign = everything.find((c) => !its.has(c));

function checkSchema(method, path, status, json) {
  const op = doc.paths[path][method];
  const r = op.responses[String(status)];
  if (!r || !json) return [];
  const s = r.content?.['application/json']?.schema;
  return s ? validate(doc, s, json) : [];
}

// concrete values for the path parameters: within every role's scope
function concrete(path, role) {
  return path
    .replace('{code}', path.startsWith('/api/v1/receipts') ? 'not-a-code' : ctx.project)
    .replace('{id}', ctx.worker)
    .replace('{period}', ctx.period)
    .replace('{kind}', role === 'bank' ? 'payments' : role === 'enterprise' ? 'attendance' : 'calendar');
}

test('every documented endpoint answers every role as its x-roles say', async () => {
  const failures = [];
  let checked = 0;
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      for (const role of ROLES) {
        const token = role === 'public' ? undefined : ctx.tokens[role];
        const body = method === 'get' || method === 'delete' ? undefined : {};
        const r = await call(method.toUpperCase(), concrete(path, role), { token, body });
        const allowed = op['x-roles'].includes(role);
        checked++;
        if (allowed && (r.status === 401 || r.status === 403)) failures.push(`${role} ${method} ${path}: ${r.status}, allowed`);
        if (!allowed && r.status !== (role === 'public' ? 401 : 403)) failures.push(`${role} ${method} ${path}: ${r.status}, not allowed`);
        if (r.status !== 204 && !op.responses[String(r.status)]) failures.push(`${role} ${method} ${path}: ${r.status} is undocumented`);
        for (const p of checkSchema(method, path, r.status, r.json)) failures.push(`${role} ${method} ${path} ${r.status}: ${p}`);
      }
    }
  }
  assert.ok(checked >= 6 * 19, `checked ${checked}`);
  assert.deepEqual(failures, []);
});

test('out of scope: another region, another enterprise, another worker get nothing', async () => {
  assert.equal((await call('GET', `/api/v1/projects/${ctx.project}`, { token: ctx.tokens.other_regulator })).status, 404);
  const list = await call('GET', '/api/v1/projects', { token: ctx.tokens.other_regulator });
  assert.equal(list.json.total, 0);
  assert.equal((await call('GET', `/api/v1/workers/${ctx.other_worker}`, { token: ctx.tokens.worker })).status, 403);
  // a regulator of another region: the worker and the payslip do not exist for them
  assert.equal((await call('GET', `/api/v1/workers/${ctx.worker}`, { token: ctx.tokens.other_regulator })).status, 404);
  assert.equal((await call('GET', `/api/v1/payslips/${ctx.worker}/${ctx.period}?project=${ctx.project}`, { token: ctx.tokens.other_regulator })).status, 404);
  assert.ok(foreign, 'the demo data has a project outside the enterprise');
  assert.equal((await call('GET', `/api/v1/projects/${foreign}`, { token: ctx.tokens.enterprise })).status, 404);
});

test('responses carry the security headers', async () => {
  for (const path of ['/healthz', '/api/v1/me', '/']) {
    const r = await call('GET', path);
    assert.match(r.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(r.headers.get('x-frame-options'), 'DENY');
    assert.equal(r.headers.get('referrer-policy'), 'no-referrer');
  }
});

test('a session: login sets an HttpOnly SameSite cookie, writes need the CSRF token, logout ends it', async () => {
  const login = await call('POST', '/api/v1/session', { body: { username: 'w1', password: ctx.password } });
  assert.equal(login.status, 200);
  const cookie = login.headers.get('set-cookie');
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Strict/);
  const jar = cookie.split(';')[0];
  const csrf = login.json.csrf_token;
  assert.equal((await call('GET', '/api/v1/me', { headers: { Cookie: jar } })).json.role, 'worker');
  const complaint = { name: '张三', description: '工资拖欠三个月' };
  const noToken = await call('POST', '/api/v1/complaints', { headers: { Cookie: jar }, body: complaint });
  assert.equal(noToken.status, 403);
  assert.equal(noToken.json.error.code, 'CSRF');
  const ok = await call('POST', '/api/v1/complaints', { headers: { Cookie: jar, 'X-CSRF-Token': csrf }, body: complaint });
  assert.equal(ok.status, 201);
  assert.equal((await call('DELETE', '/api/v1/session', { headers: { Cookie: jar, 'X-CSRF-Token': csrf } })).status, 200);
  assert.equal((await call('GET', '/api/v1/me', { headers: { Cookie: jar } })).status, 401);
});

test('five wrong passwords lock the user name for a while', async () => {
  for (let i = 0; i < 5; i++) {
    assert.equal((await call('POST', '/api/v1/session', { body: { username: 'lockme', password: 'wrong-password' } })).status, 401);
  }
  const r = await call('POST', '/api/v1/session', { body: { username: 'lockme', password: ctx.password } });
  assert.equal(r.status, 429);
});

test('personal data is masked except for the worker themself and the admin', async () => {
  const masked = /^[0-9]{6}\*{8}[0-9]{3}[0-9X]$/;
  assert.match((await call('GET', `/api/v1/workers/${ctx.worker}`, { token: ctx.tokens.regulator })).json.id_number, masked);
  assert.equal((await call('GET', `/api/v1/workers/${ctx.worker}`, { token: ctx.tokens.worker })).json.id_number, ctx.worker);
  assert.equal((await call('GET', `/api/v1/workers/${ctx.worker}`, { token: ctx.tokens.admin })).json.id_number, ctx.worker);
  const roster = await call('GET', `/api/v1/projects/${ctx.project}/roster`, { token: ctx.tokens.regulator });
  assert.ok(roster.json.length > 0);
  assert.ok(roster.json.every((r) => masked.test(r.id_number)));
});

test('an upload with bad lines is refused line by line and stores nothing', async () => {
  const csv = 'project_code,id_number,date,hours\n' +
    `${ctx.project},${ctx.worker},2026-13-01,8\n` +
    `${ctx.project},${ctx.worker},2026-09-01,25\n`;
  const r = await call('POST', '/api/v1/imports/attendance', { token: ctx.tokens.enterprise, raw: csv, headers: { 'Content-Type': 'text/csv' } });
  assert.equal(r.status, 422);
  assert.deepEqual(r.json.error.details.map((d) => [d.line, d.column]), [[2, 'date'], [3, 'hours']]);
  const other = 'project_code,id_number,date,hours\n' + `${foreign},${ctx.worker},2026-09-01,8\n`;
  const r2 = await call('POST', '/api/v1/imports/attendance', { token: ctx.tokens.enterprise, raw: other });
  assert.equal(r2.status, 422);
  // each rejected line carries its catalogue code and parameters; the text is Chinese unless
  // Accept-Language asks for English
  assert.equal(r2.json.error.details[0].message_id, 'import.scope.project');
  assert.deepEqual(r2.json.error.details[0].params, { project: foreign });
  assert.match(r2.json.error.details[0].message, new RegExp(`项目 '${foreign}' 不在您的管辖范围内`));
  assert.equal(r2.json.error.message_id, 'import.rejected_api');
  const r2en = await call('POST', '/api/v1/imports/attendance', { token: ctx.tokens.enterprise, raw: other, headers: { 'Accept-Language': 'en-GB,en;q=0.9,zh;q=0.5' } });
  assert.equal(r2en.json.error.details[0].message, `project '${foreign}' is not one of yours`);
  assert.equal(r2en.json.error.message, 'the file has problems; nothing was stored');
  const good = 'project_code,id_number,date,hours\n' + `${ctx.project},${ctx.worker},2026-11-02,8\n`;
  const r3 = await call('POST', '/api/v1/imports/attendance', { token: ctx.tokens.enterprise, raw: good });
  assert.equal(r3.status, 200);
  assert.equal(r3.json.inserted, 1);
  const again = await call('POST', '/api/v1/imports/attendance', { token: ctx.tokens.enterprise, raw: good });
  assert.equal(again.json.unchanged, 1);
  assert.equal((await call('POST', '/api/v1/imports/projects', { token: ctx.tokens.enterprise, raw: good })).status, 403);
});

test('answers served from the read cache follow every change of the data', async () => {
  const get = async () => (await call('GET', `/api/v1/projects/${ctx.project}`, { token: ctx.tokens.admin })).json;
  const before = await get();
  assert.deepEqual(await get(), before);  // the second answer comes from the cache
  const day = 'project_code,id_number,date,hours\n' + `${ctx.project},${ctx.worker},2026-11-03,8\n`;
  assert.equal((await call('POST', '/api/v1/imports/attendance', { token: ctx.tokens.admin, raw: day })).status, 200);
  const after = await get();
  assert.equal(after.attendance_days, before.attendance_days + 1);
});

test('a worker reads a payslip and anyone can check its receipt', async () => {
  const slip = await call('GET', `/api/v1/payslips/${ctx.worker}/${ctx.period}?project=${ctx.project}`, { token: ctx.tokens.worker });
  assert.equal(slip.status, 200);
  assert.match(slip.json.receipt, /^[0-9]+-[0-9]+-[0-9a-f]{16}$/);
  const check = await call('GET', `/api/v1/receipts/${slip.json.receipt}`);
  assert.equal(check.json.valid, true);
  assert.match(check.json.summary, /^payroll /);
  assert.doesNotMatch(check.json.summary, new RegExp(ctx.worker));
  const bad = await call('GET', `/api/v1/receipts/${slip.json.receipt.slice(0, -1)}0`);
  assert.equal(bad.json.valid, false);
  const d = await call('POST', `/api/v1/payslips/${ctx.worker}/${ctx.period}/dispute`, { token: ctx.tokens.worker, body: { project: ctx.project, reason: '少算加班', amount: '300' } });
  assert.equal(d.json.answer, 'disputed');
  // issue 16 (5): confirming later does not erase the dispute
  const c = await call('POST', `/api/v1/payslips/${ctx.worker}/${ctx.period}/confirm`, { token: ctx.tokens.worker, body: { project: ctx.project } });
  assert.equal(c.json.answer, 'confirmed');
  const after = await call('GET', `/api/v1/payslips/${ctx.worker}/${ctx.period}?project=${ctx.project}`, { token: ctx.tokens.worker });
  assert.equal(after.json.answer, 'confirmed');
  assert.equal(after.json.dispute_reason, '少算加班', 'the dispute stays on record');
  // the worker's months carry the project's name
  const me = await call('GET', `/api/v1/workers/${ctx.worker}`, { token: ctx.tokens.worker });
  assert.ok(me.json.months.every((m) => m.project_name), 'months name their project');
});

test('the dashboard and lists answer with real figures', async () => {
  const d = await call('GET', '/api/v1/dashboard', { token: ctx.tokens.regulator });
  assert.ok(d.json.totals.projects > 0);
  assert.ok(d.json.warnings_by_level.red + d.json.warnings_by_level.orange + d.json.warnings_by_level.yellow > 0);
  const p = await call('GET', '/api/v1/projects?per_page=1&page=2', { token: ctx.tokens.admin });
  assert.equal(p.json.items.length, 1);
  assert.ok(p.json.total >= 2);
  const w = await call('GET', `/api/v1/warnings?open=1&level=red&project=${ctx.project}`, { token: ctx.tokens.regulator });
  assert.ok(w.json.items.every((x) => x.level === 'red' && x.project === ctx.project));
  assert.equal((await call('GET', '/api/v1/warnings?level=purple', { token: ctx.tokens.admin })).status, 400);
});

test('unknown paths, wrong methods, bad tokens and oversized bodies get the error shape', async () => {
  const nf = await call('GET', '/api/v1/nothing');
  assert.equal(nf.status, 404);
  assert.equal(nf.json.error.code, 'NOT_FOUND');
  assert.equal(nf.json.error.message_id, 'http.not_found');
  assert.deepEqual(nf.json.error.params, { path: '/api/v1/nothing' });
  assert.equal(nf.json.error.message, '没有该资源：/api/v1/nothing');
  const nfen = await call('GET', '/api/v1/nothing', { headers: { 'Accept-Language': 'en-US' } });
  assert.equal(nfen.json.error.message, 'no such resource: /api/v1/nothing');
  const nfzh = await call('GET', '/api/v1/nothing', { headers: { 'Accept-Language': 'en;q=0.3, zh-CN' } });
  assert.equal(nfzh.json.error.message, '没有该资源：/api/v1/nothing');
  assert.equal((await call('PUT', '/api/v1/me')).status, 405);
  assert.equal((await call('GET', '/api/v1/me', { token: 'wg_forged' })).status, 401);
  const big = await call('POST', '/api/v1/complaints', { raw: 'x'.repeat(2 << 20) });
  assert.equal(big.status, 413);
  const m = await call('GET', '/metrics');
  assert.match(m.text, /wageguard_http_requests_total\{class="2xx"\} [0-9]+/);
});

test('issue 16: what the server says reaches people in Chinese, with a stable code', async () => {
  const zh = { 'Accept-Language': 'zh-CN' };
  const board = await call('GET', '/api/v1/public/projects/NO-SUCH-PROJECT/board', { headers: zh });
  assert.equal(board.status, 404);
  assert.equal(board.json.error.message_id, 'http.project.not_found');
  assert.match(board.json.error.message, /没有项目/);
  const pub = await call('GET', `/api/v1/public/projects/${ctx.project}/publicity/1999-01`, { headers: zh });
  assert.equal(pub.status, 404);
  assert.equal(pub.json.error.message_id, 'http.publicity.no_payroll');
  assert.match(pub.json.error.message, /没有工资记录/);
  const noReason = await call('POST', `/api/v1/payslips/${ctx.worker}/${ctx.period}/dispute`, { token: ctx.tokens.worker, headers: zh, body: { project: ctx.project } });
  assert.equal(noReason.status, 400);
  assert.equal(noReason.json.error.message_id, 'http.payslip.reason_needed');
  const receipt = await call('GET', '/api/v1/receipts/not-a-code', { headers: { 'Accept-Language': 'en' } });
  assert.equal(receipt.json.reason_id, 'receipt.not_code');
  assert.match(receipt.json.reason, /not a receipt code/);
  const expired = await call('GET', '/api/v1/warnings', { headers: { ...zh, Cookie: 'wg_session=expired-long-ago' } });
  assert.equal(expired.status, 401);
  assert.equal(expired.json.error.message_id, 'auth.session_expired');
});

test('issue 16: the warnings queue: most urgent first, names, filters, sorting and exports', async () => {
  const q = (s) => call('GET', '/api/v1/warnings' + s, { token: ctx.tokens.admin, headers: { 'Accept-Language': 'zh-CN' } });
  const first = (await q('?per_page=500')).json;
  const all = first.items;
  const rank = { red: 2, orange: 1, yellow: 0 };
  for (let i = 1; i < all.length; i++) {
    const a = all[i - 1], b = all[i];
    assert.ok(rank[a.level] > rank[b.level] || (a.level === b.level && a.overdue_days >= b.overdue_days), `row ${i} out of order`);
  }
  const withProject = all.find((w) => w.project);
  assert.ok(withProject.project_name, 'project names beside codes');
  assert.ok(all.filter((w) => w.employer).every((w) => w.employer_name), 'employer names beside codes');
  const asc = (await q('?per_page=500&sort=amount')).json.items.map((w) => Number(w.amount));
  assert.deepEqual(asc, [...asc].sort((x, y) => x - y));
  const region = withProject.region;
  assert.ok((await q('?per_page=500&region=' + region)).json.items.every((w) => w.region.startsWith(region)));
  assert.equal((await q('?sort=nope')).json.error.message_id, 'http.warnings.bad_sort');
  assert.equal((await q('?region=33x')).status, 400);
  const csvText = (await q('?format=csv')).text.replace(/^\uFEFF/, '');
  assert.equal(csvText.trim().split('\n').length, first.total + 1, 'the export holds the whole list');
  const x = await fetch(BASE + '/api/v1/warnings?format=xlsx', { headers: { Authorization: `Bearer ${ctx.tokens.admin}` } });
  assert.match(x.headers.get('content-type'), /spreadsheetml/);
  assert.equal(Buffer.from(await x.arrayBuffer()).subarray(0, 2).toString(), 'PK');
  // a worker's name is masked wherever the ID is
  const reg = (await call('GET', '/api/v1/warnings?per_page=500', { token: ctx.tokens.regulator })).json.items.filter((w) => w.worker);
  assert.ok(reg.every((w) => !w.worker_name || (w.worker.includes('*') === w.worker_name.includes('*'))));
});

test('issue 16 (2): a CSV saved by Excel in GBK is read as such; errors never show the server\'s spool path', async () => {
  const head = Buffer.from('id_number,name,phone,bank_card,bank_code\n11010519491231002X,');
  const gbk = Buffer.concat([head, Buffer.from([0xb3, 0xc2, 0xb7, 0xe5]), Buffer.from(',13800138000,6228480000000000001,ABC\n')]); // 陈峰 in GBK
  const ok = await call('POST', '/api/v1/imports/workers', { token: ctx.tokens.admin, raw: gbk, headers: { 'Content-Type': 'text/csv' } });
  assert.equal(ok.status, 200, ok.text);
  const w = await call('GET', '/api/v1/workers/11010519491231002X', { token: ctx.tokens.admin });
  assert.equal(w.json.name, '陈峰');
  const bad = Buffer.concat([head, Buffer.from([0xff, 0xfe, 0xff]), Buffer.from(',13800138000,6228480000000000001,ABC\n')]);
  const r = await call('POST', '/api/v1/imports/workers', { token: ctx.tokens.admin, raw: bad, headers: { 'Content-Type': 'text/csv', 'Accept-Language': 'zh-CN' } });
  assert.equal(r.status, 422);
  assert.doesNotMatch(r.text, /wageguard-upload|\/tmp\//);
  assert.match(r.json.error.details[0].message, /^workers\.csv:2/);
});

test('issue 16 (4): the dashboard is as of the last scan, not of today', async () => {
  const d = await call('GET', '/api/v1/dashboard', { token: ctx.tokens.admin });
  const all = (await call('GET', '/api/v1/warnings?open=0&per_page=500', { token: ctx.tokens.admin })).json.items;
  const last = all.map((w) => (w.resolved_on && w.resolved_on > w.last_seen ? w.resolved_on : w.last_seen)).sort().pop();
  assert.ok(last, 'a scan was recorded');
  assert.equal(d.json.as_of, last);
});

test('issue 16 (2): Chinese column headers are accepted as aliases', async () => {
  const csv = '身份证号,姓名,手机号码,银行卡号,开户银行\n11010519491231002X,陈峰,13800138000,6228480000000000001,ABC\n';
  const r = await call('POST', '/api/v1/imports/workers', { token: ctx.tokens.admin, raw: csv, headers: { 'Content-Type': 'text/csv' } });
  assert.equal(r.status, 200, r.text);
  const bad = await call('POST', '/api/v1/imports/workers', { token: ctx.tokens.admin, raw: '身份证,姓名\n', headers: { 'Content-Type': 'text/csv' } });
  assert.equal(bad.status, 422, 'an unknown header is still refused');
});
