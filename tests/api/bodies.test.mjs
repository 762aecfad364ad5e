// bodies.test.mjs — request bodies and the defects of a first try (issue 11), against the
// server tests/cli/t0600-api.sh starts: every endpoint that takes a JSON body (found in the
// OpenAPI document, so new ones are covered) refuses an unknown field naming it, and a body
// that is not JSON; a complaint naming a project that does not exist, or an employer code
// that is no USCC, is 422 naming the field; a payslip without ?project= is worked out.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const BASE = process.env.WG_API;
const ctx = JSON.parse(process.env.WG_API_CTX);

async function call(method, path, { token, body, raw } = {}) {
  const h = {};
  if (token) h.Authorization = `Bearer ${token}`;
  if (body !== undefined || raw !== undefined) h['Content-Type'] = 'application/json';
  const res = await fetch(BASE + path, { method, headers: h, body: raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
  const text = await res.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, json, text };
}

const doc = (await call('GET', '/api/v1/openapi.json')).json;
const jsonBodies = [];
for (const [path, ops] of Object.entries(doc.paths))
  for (const [method, op] of Object.entries(ops))
    if (op.requestBody?.content?.['application/json']) jsonBodies.push({ path, method, op });

// a caller the endpoint admits, and a body that would otherwise be good
function caller(op) {
  const role = op['x-roles'].find((r) => r !== 'public') ?? 'public';
  return op['x-roles'].includes('public') ? undefined : ctx.tokens[role];
}
function good(path) {
  if (path === '/api/v1/session') return { username: 'nobody', password: 'x' };
  if (path === '/api/v1/complaints') return { name: '张三', description: '工资拖欠' };
  if (/^\/api\/v1\/(cases|documents)\b/.test(path)) return {};
  // deposits and the fund (SPEC §7–8): their bodies have fields of their own
  if (/\/deposit|\/funds\/|\/fund-|\/events$/.test(path)) return {};
  // supervision (SPEC §10): an empty body is good as far as its fields go
  if (/^\/api\/v1\/(inspections|inspectors|rectifications|draws|campaigns|register)\b/.test(path)) return {};
  if (path.startsWith('/api/v1/credit/')) return { on: '2026-07-01' };
  return { project: ctx.project, reason: '少算加班' };
}
const concrete = (p) => p.replace('{id}', ctx.worker).replace('{period}', ctx.period);

test('the OpenAPI document lists the JSON-body endpoints', () => {
  assert.ok(jsonBodies.length >= 4, jsonBodies.map((b) => b.path).join(' '));
});

test('every JSON body with an unknown field is refused, naming the field', async () => {
  const failures = [];
  for (const { path, method, op } of jsonBodies) {
    const body = { ...good(path), project_code: 'HZ000001' };
    const r = await call(method.toUpperCase(), concrete(path), { token: caller(op), body });
    if (r.status !== 400 || r.json?.error?.code !== 'UNKNOWN_FIELD' || r.json?.error?.field !== 'project_code' ||
        !r.json?.error?.message.includes("'project_code'"))
      failures.push(`${method} ${path}: ${r.status} ${r.text}`);
  }
  assert.deepEqual(failures, []);
});

test('every JSON body that is not a JSON object is refused as such', async () => {
  const failures = [];
  for (const { path, method, op } of jsonBodies) {
    for (const raw of ['{"name": ', '[1, 2]', 'name=x']) {
      const r = await call(method.toUpperCase(), concrete(path), { token: caller(op), raw });
      if (r.status !== 400 || r.json?.error?.code !== 'BAD_JSON') failures.push(`${method} ${path} ${raw}: ${r.status} ${r.text}`);
    }
  }
  assert.deepEqual(failures, []);
});

test('a JSON body with the same field twice is refused', async () => {
  const r = await call('POST', '/api/v1/complaints', { raw: '{"name":"a","name":"b","description":"x"}' });
  assert.equal(r.status, 400);
  assert.equal(r.json.error.code, 'BAD_JSON');
});

test('a required field missing or not a string is named', async () => {
  const missing = await call('POST', '/api/v1/complaints', { body: { name: '张三' } });
  assert.equal(missing.status, 400);
  assert.equal(missing.json.error.field, 'description');
  const typed = await call('POST', '/api/v1/session', { body: { username: 7, password: 'x' } });
  assert.equal(typed.status, 400);
  assert.equal(typed.json.error.field, 'username');
});

test('a complaint naming a project that does not exist is 422 naming the field', async () => {
  const r = await call('POST', '/api/v1/complaints', { body: { name: '张三', description: '工资拖欠', project: 'NOPE0000' } });
  assert.equal(r.status, 422, r.text);
  assert.equal(r.json.error.code, 'INVALID_FIELD');
  assert.equal(r.json.error.field, 'project');
});

test('a complaint naming an employer code that is no USCC is 422 naming the field', async () => {
  const r = await call('POST', '/api/v1/complaints', { body: { name: '张三', description: '工资拖欠', employer: '91330000AAAAAAAAAA' } });
  assert.equal(r.status, 422, r.text);
  assert.equal(r.json.error.field, 'employer');
});

test('a complaint names its project by code or by name, its employer by name', async () => {
  const byCode = await call('POST', '/api/v1/complaints', { body: { name: '张三', description: '工资拖欠', project: ctx.project } });
  assert.equal(byCode.status, 201, byCode.text);
  const project = (await call('GET', `/api/v1/projects/${ctx.project}`, { token: ctx.tokens.admin })).json;
  const byName = await call('POST', '/api/v1/complaints', { body: { name: '张三', description: '工资拖欠', project: project.name, employer: '某劳务公司' } });
  assert.equal(byName.status, 201, byName.text);
});

test('a payslip without ?project= is that of the worker\'s only project in the period', async () => {
  const w = (await call('GET', `/api/v1/workers/${ctx.worker}`, { token: ctx.tokens.admin })).json;
  const paid = new Set(w.months.filter((m) => m.period === ctx.period && m.payroll === true).map((m) => m.project));
  assert.deepEqual([...paid], [ctx.project], JSON.stringify(w.months.filter((m) => m.period === ctx.period)));
  const named = await call('GET', `/api/v1/payslips/${ctx.worker}/${ctx.period}?project=${ctx.project}`, { token: ctx.tokens.worker });
  const worked = await call('GET', `/api/v1/payslips/${ctx.worker}/${ctx.period}`, { token: ctx.tokens.worker });
  assert.equal(worked.status, 200, worked.text);
  assert.equal(worked.json.project, ctx.project);
  assert.deepEqual(worked.json, named.json);
  const admin = await call('GET', `/api/v1/payslips/${ctx.worker}/${ctx.period}`, { token: ctx.tokens.admin });
  assert.equal(admin.json.receipt, named.json.receipt);
  const none = await call('GET', `/api/v1/payslips/${ctx.worker}/2001-01`, { token: ctx.tokens.worker });
  assert.equal(none.status, 404);
});
