// deposit.test.mjs — deposits and the emergency fund over HTTP (SPEC §7–8): role and scope on
// every new endpoint beyond the matrix of api.test.mjs — another region's regulator, an
// enterprise that is not the contractor, a worker — and the shapes the UI relies on.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const BASE = process.env.WG_API;
const ctx = JSON.parse(process.env.WG_API_CTX);
const T = ctx.tokens;

async function call(method, path, token, body) {
  const h = {};
  if (token) h.Authorization = `Bearer ${token}`;
  if (body !== undefined) h['Content-Type'] = 'application/json';
  const res = await fetch(BASE + path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, json };
}

test('a project\'s deposit file: quote with its factors, in scope only', async () => {
  const r = await call('GET', `/api/v1/projects/${ctx.project}/deposit?as_of=2026-06-01`, T.regulator);
  assert.equal(r.status, 200);
  for (const k of ['project', 'contractor', 'contract_value', 'rate', 'multiplier', 'exempt', 'reason', 'amount', 'factors']) assert.ok(k in r.json.quote, k);
  assert.match(r.json.quote.amount, /^\d+\.\d\d$/);
  assert.ok(r.json.quote.factors.some((f) => f.factor === 'arrears' && f.years === 3));
  assert.equal((await call('GET', `/api/v1/projects/${ctx.project}/deposit`, T.enterprise)).status, 200);
  assert.equal((await call('GET', `/api/v1/projects/${ctx.project}/deposit`, T.other_regulator)).status, 404);
  assert.equal((await call('GET', `/api/v1/projects/${ctx.project}/deposit`, T.bank)).status, 403);
  assert.equal((await call('GET', `/api/v1/projects/${ctx.project}/deposit?as_of=2026-02-30`, T.admin)).status, 400);
});

test('lodging: the contractor and staff of the region, nobody else', async () => {
  const body = { form: 'bank_guarantee', number: `BG-API-${Date.now()}`, issuer: '工商银行', amount: '120000.00', lodged_on: '2026-01-10', expires_on: '2027-01-10' };
  assert.equal((await call('POST', `/api/v1/projects/${ctx.project}/deposits`, T.other_regulator, body)).status, 404);
  assert.equal((await call('POST', `/api/v1/projects/${ctx.project}/deposits`, T.worker, body)).status, 403);
  const r = await call('POST', `/api/v1/projects/${ctx.project}/deposits`, T.enterprise, body);
  assert.equal(r.status, 201, JSON.stringify(r.json));
  assert.equal(r.json.balance, '120000.00');
  assert.equal(r.json.status, 'held');
  assert.equal((await call('POST', `/api/v1/projects/${ctx.project}/deposits`, T.enterprise, body)).status, 422, 'the same letter twice');
  assert.equal((await call('POST', `/api/v1/projects/${ctx.project}/deposits`, T.enterprise, { ...body, colour: 'red' })).status, 400);
  assert.equal((await call('POST', `/api/v1/projects/${ctx.project}/deposits`, T.enterprise, { ...body, expires_on: undefined, number: 'X' })).status, 422, 'a guarantee needs an expiry');
  const mine = await call('GET', '/api/v1/deposits?as_of=2026-06-01', T.enterprise);
  assert.ok(mine.json.items.some((d) => d.number === body.number));
  const reg = await call('GET', '/api/v1/deposits?as_of=2026-06-01', T.regulator);
  assert.ok(reg.json.items.some((d) => d.number === body.number));
  const other = await call('GET', '/api/v1/deposits?as_of=2026-06-01', T.other_regulator);
  assert.equal(other.json.items.length, 0);
  assert.equal((await call('GET', '/api/v1/deposits', T.bank)).status, 403);
});

test('life cycle: events recorded by the contractor, read by everyone in scope', async () => {
  const r = await call('POST', `/api/v1/projects/${ctx.project}/events`, T.enterprise, { event: 'started', date: '2026-01-01' });
  assert.ok(r.status === 201 || r.status === 422, JSON.stringify(r.json));
  assert.equal((await call('POST', `/api/v1/projects/${ctx.project}/events`, T.enterprise, { event: 'settled', date: '2026-01-02' })).status, 422);
  const g = await call('GET', `/api/v1/projects/${ctx.project}/events`, T.worker);
  assert.equal(g.status, 200);
  assert.ok(g.json.events.some((e) => e.event === 'started'));
  assert.equal((await call('GET', `/api/v1/projects/${ctx.project}/events`, T.other_regulator)).status, 404);
});

test('the fund: top-ups and statements within the regulator\'s region', async () => {
  assert.equal((await call('POST', '/api/v1/funds/3301/topups', T.other_regulator, { amount: '1.00', source: 'budget' })).status, 404);
  assert.equal((await call('POST', '/api/v1/funds/3301/topups', T.regulator, { amount: '1.00', source: 'gift' })).status, 422);
  const t = await call('POST', '/api/v1/funds/3301/topups', T.regulator, { amount: '50000.00', source: 'budget', on: '2026-01-05' });
  assert.equal(t.status, 201, JSON.stringify(t.json));
  const f = await call('GET', '/api/v1/funds/3301?as_of=2026-12-31', T.admin);
  assert.equal(f.status, 200);
  for (const k of ['balance', 'topups', 'advanced', 'recovered', 'written_off', 'outstanding']) assert.match(f.json[k], /^-?\d+\.\d\d$/, k);
  assert.ok(f.json.moves.length >= 1);
  assert.ok((await call('GET', '/api/v1/funds', T.regulator)).json.items.some((x) => x.fund === '3301'));
  assert.ok(!(await call('GET', '/api/v1/funds', T.other_regulator)).json.items.some((x) => x.fund === '3301'));
  assert.equal((await call('GET', '/api/v1/funds/3301', T.other_regulator)).status, 404);
  assert.equal((await call('GET', '/api/v1/funds/3301/applications', T.regulator)).status, 200);
  assert.equal((await call('GET', '/api/v1/funds', T.enterprise)).status, 403);
});

test('applications: a worker for himself; decisions by staff only', async () => {
  const r = await call('POST', '/api/v1/fund-applications', T.worker, { case: 'NO-SUCH-CASE', amount: '100.00' });
  assert.equal(r.status, 404);
  assert.equal((await call('POST', '/api/v1/fund-applications', T.enterprise, { case: 'X', amount: '1' })).status, 403);
  assert.equal((await call('POST', '/api/v1/fund-applications/999999/decision', T.regulator, { decision: 'approve' })).status, 404);
  assert.equal((await call('POST', '/api/v1/fund-applications/999999/payment', T.worker, {})).status, 403);
  assert.equal((await call('POST', '/api/v1/fund-receivables/NO-CASE/recovery', T.regulator, {})).status, 404);
});

test('deposit-return notices are public', async () => {
  const r = await call('GET', '/api/v1/public/deposit-returns');
  assert.equal(r.status, 200);
  assert.ok(Array.isArray(r.json.items));
});
