// security.test.mjs — the probes of issue 9 against a real server (started by
// tests/cli/t0630-security-api.sh with the demo data behind https://wages.example.test/):
// each test is the probe that found a defect, asserting the behaviour that fixes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';

const BASE = process.env.WG_API;
const ctx = JSON.parse(process.env.WG_API_CTX);

async function call(method, path, { token, body, headers = {}, raw } = {}) {
  const h = { 'Accept-Language': 'en', ...headers };
  if (token) h.Authorization = `Bearer ${token}`;
  if (body !== undefined && !raw) h['Content-Type'] = 'application/json';
  const res = await fetch(BASE + path, { method, headers: h, body: raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
  const text = await res.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* text bodies */ }
  return { status: res.status, json, text, headers: res.headers };
}

// one request on a connection of its own from a loopback address of our choosing (127.0.0.x):
// the server tells clients apart by address
const url = new URL(BASE);
function from(local, method, path, { body, headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const r = http.request({ host: url.hostname, port: url.port, method, path, localAddress: local, agent: false,
      headers: { 'Accept-Language': 'en', ...headers, ...(data ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data) } : {}) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { text += c; });
      res.on('end', () => {
        let json = null;
        try { json = JSON.parse(text); } catch { /* text */ }
        resolve({ status: res.statusCode, json, text, headers: res.headers });
      });
    });
    r.on('error', reject);
    if (data) r.write(data);
    r.end();
  });
}
const login = (local, username, password) => from(local, 'POST', '/api/v1/session', { body: { username, password } });

// what the server answers to raw bytes, or 'closed' / 'silent' when it says nothing in ms
function raw(bytes, { local = '127.0.0.1', ms = 3000 } = {}) {
  return new Promise((resolve) => {
    const sock = net.connect({ host: url.hostname, port: Number(url.port), localAddress: local });
    let got = '';
    const done = (v) => { clearTimeout(timer); sock.destroy(); resolve(v); };
    const timer = setTimeout(() => done(got || 'silent'), ms);
    sock.on('connect', () => sock.write(bytes));
    sock.on('data', (c) => { got += c.toString(); if (got.includes('\r\n\r\n')) done(got); });
    sock.on('close', () => done(got || 'closed'));
    sock.on('error', () => done(got || 'closed'));
  });
}

// the demo files as rows of objects
function csv(kind) {
  const [head, ...lines] = readFileSync(`${ctx.demo}/${kind}.csv`, 'utf8').trim().split('\n');
  const cols = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}
const payroll = csv('payroll');
const slip = payroll.find((r) => r.project_code === ctx.project && r.id_number === ctx.worker);

test('1: a dispute with a bad amount answers a JSON 400 naming the amount (no use after free)', async () => {
  for (const amount of ['-5', '99999999999999999999.99', 'x'.repeat(300)]) {
    const r = await call('POST', `/api/v1/payslips/${ctx.worker}/${slip.period}/dispute`,
      { token: ctx.tokens.worker, body: { project: ctx.project, reason: 'x', amount } });
    assert.equal(r.status, 400, amount);
    assert.ok(r.json, `a JSON body for amount ${amount.slice(0, 30)}: ${JSON.stringify(r.text)}`);
    assert.equal(r.json.error.code, 'BAD_REQUEST');
    assert.ok(r.json.error.message.includes(`'${amount.slice(0, 20)}`), r.json.error.message);
  }
});

test('9a: a huge page number answers an empty page, not the first one', async () => {
  const r = await call('GET', '/api/v1/projects?page=9223372036854775807', { token: ctx.tokens.admin });
  assert.equal(r.status, 200);
  assert.deepEqual(r.json.items, []);
  assert.ok(r.json.total > 0);
  const w = await call('GET', '/api/v1/warnings?page=9223372036854775807&per_page=500', { token: ctx.tokens.admin });
  assert.deepEqual(w.json.items, []);
});

test('9c: a path is percent-decoded once', async () => {
  const r = await call('GET', '/api/v1/projects/%252F', { token: ctx.tokens.admin });
  assert.equal(r.status, 404);
  assert.match(r.json.error.message, /'%2F'/);
  const ok = await call('GET', `/api/v1/projects/${encodeURIComponent(ctx.project)}`, { token: ctx.tokens.admin });
  assert.equal(ok.status, 200);
});

test('9d: /metrics answers loopback only, not what a proxy forwards', async () => {
  assert.equal((await call('GET', '/metrics')).status, 200);
  for (const h of ['X-Forwarded-For', 'Forwarded', 'X-Real-IP']) {
    const r = await call('GET', '/metrics', { headers: { [h]: h === 'Forwarded' ? 'for=203.0.113.7' : '203.0.113.7' } });
    assert.equal(r.status, 403, h);
    assert.doesNotMatch(r.text, /wageguard_http_requests_total/);
  }
});

test('9e: behind an https public URL the session cookie is Secure', async () => {
  const login = await call('POST', '/api/v1/session', { body: { username: 'w1', password: ctx.password } });
  assert.equal(login.status, 200);
  assert.match(login.headers.get('set-cookie'), /;\s*Secure/);
  const jar = login.headers.get('set-cookie').split(';')[0];
  const out = await call('DELETE', '/api/v1/session', { headers: { Cookie: jar, 'X-CSRF-Token': login.json.csrf_token } });
  assert.match(out.headers.get('set-cookie'), /;\s*Secure/);
});

test('5: anonymous bodies are refused from their headers, before a byte of them is read', async () => {
  const big = 200 << 20;
  const imp = await raw(`POST /api/v1/imports/workers HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\nContent-Length: ${big}\r\n\r\n`);
  assert.match(imp, /^HTTP\/1\.1 401/, 'an anonymous upload is refused at once');
  const form = await raw(`POST /api/v1/complaints HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${8 << 20}\r\n\r\n`);
  assert.match(form, /^HTTP\/1\.1 413/, 'a form body over the JSON limit is refused at once');
  const tok = await raw(`POST /api/v1/imports/workers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer wg_forged\r\nContent-Length: ${big}\r\n\r\n`);
  assert.match(tok, /^HTTP\/1\.1 401/, 'a forged token is refused at once');
  const role = await raw(`POST /api/v1/imports/workers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${ctx.tokens.worker}\r\nContent-Length: ${big}\r\n\r\n`);
  assert.match(role, /^HTTP\/1\.1 403/, 'a role that may not upload is refused at once');
});

test('5: one address holds a bounded number of connections; others are still served', async () => {
  const held = [];
  for (let i = 0; i < 64; i++) {
    const s = net.connect({ host: url.hostname, port: Number(url.port), localAddress: '127.0.0.3' });
    s.on('error', () => {});
    s.on('connect', () => s.write('GET /healthz HTTP/1.1\r\nHost: x\r\n'));  // headers never finished
    held.push(s);
  }
  await new Promise((r) => setTimeout(r, 300));
  try {
    assert.equal(await raw('GET /healthz HTTP/1.1\r\nHost: x\r\n', { local: '127.0.0.3', ms: 2000 }), 'closed',
      'the 65th connection of one address is closed at once');
    const other = await from('127.0.0.4', 'GET', '/healthz');
    assert.equal(other.status, 200);
  } finally {
    for (const s of held) s.destroy();
  }
});

test('5: password checks wait in a bounded queue: a login flood gets 503 with Retry-After, not a stalled server', async () => {
  const tries = [];
  for (let i = 0; i < 100; i++) tries.push(login(`127.0.1.${10 + (i % 10)}`, `flood${i}`, 'wrong-password'));
  const answers = await Promise.all(tries);
  const busy = answers.filter((a) => a.status === 503);
  assert.ok(busy.length > 0, `some of 100 simultaneous logins are refused (got ${answers.map((a) => a.status).join(',')})`);
  assert.ok(busy.every((a) => Number(a.headers['retry-after']) >= 1 && a.json.error.code === 'BUSY'));
  assert.ok(answers.every((a) => a.status === 503 || a.status === 401 || a.status === 429));
  assert.equal((await from('127.0.0.4', 'GET', '/healthz')).status, 200);
});

test('5: public forms are rate-limited and their fields bounded', async () => {
  const huge = await from('127.0.2.1', 'POST', '/api/v1/complaints', { body: { name: '张三', phone: '1'.repeat(300000), description: '欠薪' } });
  assert.equal(huge.status, 413);
  const long = await from('127.0.2.1', 'POST', '/api/v1/complaints', { body: { name: '张三', phone: '1'.repeat(1000), description: '欠薪' } });
  assert.equal(long.status, 400);
  assert.match(long.json.error.message, /phone/);
  const statuses = [];
  for (let i = 0; i < 32; i++) statuses.push((await from('127.0.2.2', 'POST', '/api/v1/complaints', { body: { name: '张三', description: `欠薪 ${i}` } })).status);
  assert.deepEqual(statuses.slice(0, 30), Array(30).fill(201));
  assert.deepEqual(statuses.slice(30), [429, 429]);
  const r = await from('127.0.2.2', 'POST', '/api/v1/complaints', { body: { name: '张三', description: '欠薪' } });
  assert.ok(Number(r.headers['retry-after']) > 0);
  assert.equal((await from('127.0.2.3', 'POST', '/api/v1/complaints', { body: { name: '李四', description: '欠薪' } })).status, 201, 'another address files');
  // the reason's own bound (1000 bytes) and the JSON body's (64 KiB), before the rate limit
  // is reached: a 429 here would hide either
  const longReason = await call('POST', `/api/v1/payslips/${ctx.worker}/${slip.period}/dispute`,
    { token: ctx.tokens.worker, body: { project: ctx.project, reason: 'x'.repeat(2000) } });
  assert.equal(longReason.status, 400, `a 2000-byte reason is refused (${longReason.text.slice(0, 200)})`);
  assert.equal(longReason.json.error.field ?? longReason.json.error.params.field, 'reason');
  const reason = await call('POST', `/api/v1/payslips/${ctx.worker}/${slip.period}/dispute`,
    { token: ctx.tokens.worker, body: { project: ctx.project, reason: 'x'.repeat(300000) } });
  assert.equal(reason.status, 413, `a 300 KB body is refused from its length (${reason.status})`);
  const disputes = [];
  for (let i = 0; i < 32; i++) {
    disputes.push((await call('POST', `/api/v1/payslips/${ctx.worker}/${slip.period}/dispute`,
      { token: ctx.tokens.worker, body: { project: ctx.project, reason: `第${i}次`, amount: '1' } })).status);
  }
  assert.ok(disputes.includes(429), `a worker's answers are rate-limited (${disputes.join(',')})`);
});

// FNV-1a of the old throttle's slots, to find a name sharing a slot with another
function slotOf(name) {
  let h = 2166136261;
  for (const c of Buffer.from(name)) h = Math.imul(h ^ c, 16777619) >>> 0;
  return h % 1024;
}

test('6: failures for another name never reset a user\'s count (no slot collisions)', async () => {
  let other = 'zz0';
  for (let i = 0; slotOf(other) !== slotOf('throttled'); i++) other = `zz${i}`;
  const statuses = [];
  for (let round = 0; round < 5; round++) {
    for (let i = 0; i < 4; i++) statuses.push((await login('127.0.3.1', 'throttled', 'wrong-password')).status);
    statuses.push((await login('127.0.3.1', other, 'wrong-password')).status);
  }
  assert.ok(statuses.includes(429), `20 wrong guesses get throttled (${statuses.join(',')})`);
  const right = await login('127.0.3.1', 'throttled', ctx.password);
  assert.equal(right.status, 429, 'and the right password is not tried after them');
});

test('6: a stranger cannot lock a user out; the 429 says how long to wait', async () => {
  for (let i = 0; i < 5; i++) assert.equal((await login('127.0.4.1', 'victim', 'wrong-password')).status, 401);
  const locked = await login('127.0.4.1', 'victim', ctx.password);
  assert.equal(locked.status, 429);
  assert.equal(locked.json.error.code, 'TOO_MANY_ATTEMPTS');
  assert.match(locked.json.error.message, /try again in 1[0-5] minutes/);
  assert.ok(Number(locked.headers['retry-after']) > 800 && Number(locked.headers['retry-after']) <= 900);
  assert.equal((await login('127.0.4.2', 'victim', ctx.password)).status, 200, 'the user logs in from their own address');
});

test('6: one address spraying many user names is throttled', async () => {
  const statuses = [];
  for (let i = 0; i < 22; i++) statuses.push((await login('127.0.5.1', `spray${i}`, 'wrong-password')).status);
  assert.deepEqual(statuses.slice(0, 20), Array(20).fill(401));
  assert.deepEqual(statuses.slice(20), [429, 429]);
  assert.equal((await login('127.0.5.2', 'sprayed', ctx.password)).status, 200);
});

// ---- scopes ------------------------------------------------------------------------------

const employments = csv('employments');
const workers = csv('workers');
const payments = csv('payments');
const accounts = csv('accounts');
const attendanceProjects = new Map();  // id_number → set of projects it has attendance on
for (const l of readFileSync(`${ctx.demo}/attendance.csv`, 'utf8').trim().split('\n').slice(1)) {
  const [p, id] = l.split(',');
  if (!attendanceProjects.has(id)) attendanceProjects.set(id, new Set());
  attendanceProjects.get(id).add(p);
}
// every project a person is on, by employment, payroll or attendance
function projectsOf(id) {
  const s = new Set(attendanceProjects.get(id) ?? []);
  for (const e of employments) if (e.id_number === id) s.add(e.project_code);
  for (const r of payroll) if (r.id_number === id) s.add(r.project_code);
  return s;
}
const regionOf = Object.fromEntries(csv('projects').map((p) => [p.code, p.region_code]));

// a valid resident ID number no one has: area 330106, born 1990-01-01, sequence 777
function freshId() {
  const body = '33010619900101777';
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((a, d, i) => a + Number(d) * w[i], 0);
  return body + '10X98765432'[sum % 11];
}

test('2: an enterprise cannot read or overwrite a worker of someone else\'s projects through uploads', async () => {
  const its = new Set((await call('GET', '/api/v1/projects?per_page=500', { token: ctx.tokens.enterprise })).json.items.map((p) => p.code));
  const foreign = workers.find((w) => w.phone && [...projectsOf(w.id_number)].length > 0 && [...projectsOf(w.id_number)].every((p) => !its.has(p)));
  assert.ok(foreign, 'the demo data has a worker only on other enterprises\' projects');
  const head = 'id_number,name,phone,bank_card,bank_code\n';
  const probes = [
    `${foreign.id_number},${foreign.name},13900000000,${foreign.bank_card},${foreign.bank_code}\n`,
    `${foreign.id_number},${foreign.name},${foreign.phone},6222000011112222333,${foreign.bank_code}\n`,
    `${foreign.id_number},某某,${foreign.phone},${foreign.bank_card},${foreign.bank_code}\n`,
    `${foreign.id_number},${foreign.name},${foreign.phone},${foreign.bank_card},${foreign.bank_code}\n`,  // a guess that is right
  ];
  for (const row of probes) {
    const r = await call('POST', '/api/v1/imports/workers', { token: ctx.tokens.enterprise, raw: head + row });
    assert.equal(r.status, 422, `refused: ${row.trim()} → ${r.text.slice(0, 200)}`);
    for (const secret of [foreign.phone, foreign.bank_card, foreign.name]) {
      if (!row.includes(secret)) assert.ok(!r.text.includes(secret), `the stored value ${secret} is not shown: ${r.text}`);
    }
    assert.match(r.json.error.details[0].message, /not on one of your projects/);
  }
  // its own worker with another phone: refused without the stored phone
  const own = workers.find((w) => w.phone && [...projectsOf(w.id_number)].some((p) => its.has(p)));
  const changed = await call('POST', '/api/v1/imports/workers', { token: ctx.tokens.enterprise,
    raw: head + `${own.id_number},${own.name},13900000001,${own.bank_card},${own.bank_code}\n` });
  assert.equal(changed.status, 422);
  assert.ok(!changed.text.includes(own.phone), changed.text);
  assert.match(changed.json.error.details[0].message, /already stored with another value/);
  // a new person registers as before
  const fresh = await call('POST', '/api/v1/imports/workers', { token: ctx.tokens.enterprise,
    raw: head + `${freshId()},新工人,13900000002,6222000011112222444,ICBC\n` });
  assert.equal(fresh.status, 200, fresh.text);
  assert.equal(fresh.json.inserted, 1);
});

test('2: a bank reusing another bank\'s transaction id learns nothing of that payment', async () => {
  const mine = new Set(accounts.filter((a) => a.bank_code === accounts.find((x) => x.project_code === ctx.project).bank_code).map((a) => a.project_code));
  const theirs = payments.find((p) => !mine.has(p.project_code));
  assert.ok(theirs, 'the demo data has a payment at another bank');
  const row = `txn_id,project_code,id_number,period,amount,paid_on,bank_card,status\n${theirs.txn_id},${ctx.project},${ctx.worker},${slip.period},1.00,${theirs.paid_on},6222000011112222555,ok\n`;
  const r = await call('POST', '/api/v1/imports/payments', { token: ctx.tokens.bank, raw: row });
  assert.equal(r.status, 422);
  for (const secret of [theirs.project_code, theirs.id_number, theirs.amount, theirs.bank_card]) {
    assert.ok(!r.text.includes(secret), `${secret} is not shown: ${r.text}`);
  }
  assert.match(r.json.error.details[0].message, /outside your scope/);
});

test('3: a regulator reads the workers and payslips of their own region only', async () => {
  const elsewhere = payroll.find((r) => regionOf[r.project_code] !== ctx.region &&
    [...projectsOf(r.id_number)].every((p) => regionOf[p] !== ctx.region));
  assert.ok(elsewhere, 'the demo data has a worker only outside the regulator\'s region');
  const w = await call('GET', `/api/v1/workers/${elsewhere.id_number}`, { token: ctx.tokens.regulator });
  assert.equal(w.status, 404);
  assert.ok(!w.text.includes(workers.find((x) => x.id_number === elsewhere.id_number).name));
  const p = await call('GET', `/api/v1/payslips/${elsewhere.id_number}/${elsewhere.period}?project=${elsewhere.project_code}`, { token: ctx.tokens.regulator });
  assert.equal(p.status, 404);
  // within the region: both answer
  assert.equal((await call('GET', `/api/v1/workers/${ctx.worker}`, { token: ctx.tokens.regulator })).status, 200);
  assert.equal((await call('GET', `/api/v1/payslips/${ctx.worker}/${slip.period}?project=${ctx.project}`, { token: ctx.tokens.regulator })).status, 200);
  // the admin sees both
  assert.equal((await call('GET', `/api/v1/workers/${elsewhere.id_number}`, { token: ctx.tokens.admin })).status, 200);
});

test('8: the ledger\'s signed checkpoint is public and comes with every payslip and notice', async () => {
  const cp = await call('GET', '/api/v1/public/ledger/checkpoint');
  assert.equal(cp.status, 200);
  assert.equal(cp.json.algorithm, 'wg-checkpoint-1');
  assert.match(cp.json.signature, /^[0-9a-f]{128}$/);
  assert.match(cp.json.public_key, /^[0-9a-f]{64}$/);
  assert.ok(cp.json.seq > 0);
  const p = await call('GET', `/api/v1/payslips/${ctx.worker}/${slip.period}?project=${ctx.project}`, { token: ctx.tokens.worker });
  assert.equal(p.json.checkpoint.public_key, cp.json.public_key);
  assert.ok(p.json.checkpoint.seq >= cp.json.seq);
  const n = await call('GET', `/api/v1/public/projects/${ctx.project}/publicity/${slip.period}?format=html`);
  assert.equal(n.status, 200);
  assert.ok(n.text.includes(cp.json.public_key), 'the notice names the key');
  assert.ok(n.text.includes('wg-checkpoint-1'));
});

test('3: the dashboard counts the open warnings the regulator\'s list shows, no employer-wide one from elsewhere', async () => {
  for (const token of [ctx.tokens.regulator, ctx.tokens.admin]) {
    const d = await call('GET', '/api/v1/dashboard', { token });
    const list = await call('GET', '/api/v1/warnings?open=1&per_page=1', { token });
    const levels = d.json.warnings_by_level;
    assert.equal(levels.yellow + levels.orange + levels.red, list.json.total, 'by level');
    assert.equal(d.json.totals.open_warnings, list.json.total, 'in the totals');
  }
  // the demo data has employer-wide warnings of employers outside the regulator's region
  const all = await call('GET', '/api/v1/warnings?open=1&per_page=500&rule=CRIMINAL_THRESHOLD', { token: ctx.tokens.admin });
  assert.ok(all.json.total > 0, 'the scan found employer-wide warnings');
});
