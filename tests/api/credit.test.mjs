// credit.test.mjs — the credit API (SPEC §9) on the server t0600 starts: an enterprise's
// file for the regulator of its region and for itself only, the Order 45 procedure through
// the API (proposal, notice, the enterprise's own statement, decision), the public list and
// its export carrying only what Order 45 publishes, grades with movers, the due list; every
// answer checked against its documented schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validate } from './validate.mjs';

const BASE = process.env.WG_API;
const ctx = JSON.parse(process.env.WG_API_CTX);
const T = ctx.tokens;

async function call(method, path, { token, body } = {}) {
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(BASE + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const buf = Buffer.from(await res.arrayBuffer());
  let json = null;
  try { json = JSON.parse(buf.toString('utf8')); } catch { /* not JSON */ }
  return { status: res.status, json, buf, type: res.headers.get('content-type') };
}

const doc = (await call('GET', '/api/v1/openapi.json')).json;
function fits(method, template, r) {
  const s = doc.paths[template][method].responses[String(r.status)]?.content?.['application/json']?.schema;
  assert.ok(s, `${method} ${template} ${r.status} is documented`);
  assert.deepEqual(validate(doc, s, r.json), [], `${method} ${template} ${r.status} fits its schema`);
}

const project = (await call('GET', `/api/v1/projects/${ctx.project}`, { token: T.admin })).json;
const uscc = project.contractor.uscc;
const other = project.owner.uscc !== uscc ? project.owner.uscc : null;
const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);

test('a credit file: the regulator of its region and the enterprise itself, nobody else', async () => {
  const reg = await call('GET', `/api/v1/credit/files/${uscc}`, { token: T.regulator });
  assert.equal(reg.status, 200);
  fits('get', '/api/v1/credit/files/{uscc}', reg);
  assert.equal(reg.json.uscc, uscc);
  assert.ok(['A', 'B', 'C', 'D'].includes(reg.json.grade));
  const own = await call('GET', `/api/v1/credit/files/${uscc}`, { token: T.enterprise });
  assert.equal(own.status, 200);
  assert.equal(own.json.score, reg.json.score);
  if (other) assert.equal((await call('GET', `/api/v1/credit/files/${other}`, { token: T.enterprise })).status, 404);
  assert.equal((await call('GET', `/api/v1/credit/files/${uscc}`, { token: T.other_regulator })).status, 404);
  assert.equal((await call('GET', `/api/v1/credit/files/${uscc}`, { token: T.worker })).status, 403);
  assert.equal((await call('GET', `/api/v1/credit/files/${uscc}`)).status, 401);
  const rep = await call('GET', `/api/v1/credit/files/${uscc}/report`, { token: T.enterprise });
  assert.equal(rep.status, 200);
  fits('get', '/api/v1/credit/files/{uscc}/report', rep);
  assert.equal(rep.json.title, '企业工资支付信用报告');
  const pdf = await call('GET', `/api/v1/credit/files/${uscc}/report?format=pdf`, { token: T.regulator });
  assert.equal(pdf.status, 200);
  assert.equal(pdf.buf.subarray(0, 4).toString(), '%PDF');
  const html = await call('GET', `/api/v1/credit/files/${uscc}/report?format=html`, { token: T.regulator });
  assert.match(html.buf.toString('utf8'), /信用事件及来源/);
  if (other) assert.equal((await call('GET', `/api/v1/credit/files/${other}/report`, { token: T.enterprise })).status, 404);
  const bad = await call('GET', `/api/v1/credit/files/${uscc}?as_of=2026-02-30`, { token: T.regulator });
  assert.equal(bad.status, 400);
  assert.equal(bad.json.error.field, 'as_of');
});

test('the Order 45 procedure through the API, and the public list', async () => {
  const base = `/api/v1/credit/listings`;
  const missing = await call('POST', base, { token: T.regulator, body: { uscc, grounds: 'mass_incident' } });
  assert.equal(missing.status, 400);
  assert.equal((await call('POST', base, { token: T.enterprise, body: {} })).status, 403);
  const p = await call('POST', base, {
    token: T.regulator,
    body: { uscc, grounds: 'mass_incident', deadline: '2020-01-10', on: today, reason: '拖欠工资引发群体性事件', amount: '120000.50', workers: 12, responsible: ['张三'] },
  });
  assert.equal(p.status, 201, JSON.stringify(p.json));
  fits('post', base, p);
  assert.equal(p.json.status, 'proposed');
  const id = p.json.id;
  const again = await call('POST', base, { token: T.regulator, body: { uscc, grounds: 'mass_incident', deadline: '2020-01-10', reason: 'x' } });
  assert.equal(again.status, 409);
  assert.equal((await call('POST', `${base}/${id}/decide`, { token: T.regulator, body: { decision: 'list', on: today } })).status, 409);
  const n = await call('POST', `${base}/${id}/notify`, { token: T.regulator, body: { on: today } });
  assert.equal(n.status, 200);
  fits('post', '/api/v1/credit/listings/{id}/notify', n);
  assert.ok(n.json.statement_due > today);
  // the enterprise sees its procedure and states its case itself
  const seen = await call('GET', `${base}/${id}`, { token: T.enterprise });
  assert.equal(seen.status, 200);
  assert.equal((await call('GET', `${base}/${id}`, { token: T.other_regulator })).status, 404);
  assert.equal((await call('POST', `${base}/${id}/decide`, { token: T.enterprise, body: {} })).status, 403);
  const st = await call('POST', `${base}/${id}/statement`, { token: T.enterprise, body: { on: today, text: '已筹措资金，请求从轻' } });
  assert.equal(st.status, 200);
  assert.equal(st.json.statement, '已筹措资金，请求从轻');
  const d = await call('POST', `${base}/${id}/decide`, { token: T.regulator, body: { on: today, decision: 'list', note: '决定列入' } });
  assert.equal(d.status, 200);
  assert.equal(d.json.state, 'listed');
  const file = await call('GET', `/api/v1/credit/files/${uscc}`, { token: T.enterprise });
  assert.equal(file.json.grade, 'D');
  assert.equal(file.json.listed, true);
  assert.equal(file.json.listings[0].id, id);

  const pub = await call('GET', '/api/v1/public/dishonest-list');
  assert.equal(pub.status, 200);
  fits('get', '/api/v1/public/dishonest-list', pub);
  const row = pub.json.items.find((i) => i.uscc === uscc);
  assert.ok(row, 'the public list names the enterprise');
  assert.deepEqual(row.responsible, ['张三']);
  // what Order 45 publishes, nothing of the procedure's inside
  for (const k of ['statement', 'decision_note', 'commitment', 'source', 'id']) assert.ok(!(k in row), `no ${k} in public`);
  const csv = await call('GET', '/api/v1/public/dishonest-list/export?format=csv');
  assert.equal(csv.status, 200);
  assert.match(csv.type, /text\/csv/);
  assert.ok(csv.buf.toString('utf8').includes(uscc));
  const xlsx = await call('GET', '/api/v1/public/dishonest-list/export?format=xlsx');
  assert.equal(xlsx.status, 200);
  assert.equal(xlsx.buf.subarray(0, 2).toString(), 'PK');
  assert.equal((await call('GET', '/api/v1/public/dishonest-list/export?format=doc')).status, 400);

  const g = await call('GET', `/api/v1/credit/grades?as_of=${today}`, { token: T.regulator });
  assert.equal(g.status, 200);
  fits('get', '/api/v1/credit/grades', g);
  const mover = g.json.movers.find((m) => m.uscc === uscc);
  assert.ok(mover && mover.grade === 'D' && mover.was_grade !== 'D', 'the listed enterprise is among the movers');
  assert.equal((await call('GET', '/api/v1/credit/grades?region=1101', { token: T.regulator })).status, 400);

  const due = await call('GET', `/api/v1/credit/due?as_of=${today}`, { token: T.regulator });
  assert.equal(due.status, 200);
  fits('get', '/api/v1/credit/due', due);
  assert.equal(due.json.items.find((i) => i.uscc === uscc)?.interval_months, 1);

  // withdrawn again, so the other suites see the data as generated
  const r = await call('POST', `${base}/${id}/remove`, { token: T.regulator, body: { on: today, revoke: true, commitment: '测试撤销' } });
  assert.equal(r.status, 200);
  assert.equal(r.json.state, 'removed');
  const list = await call('GET', `${base}?state=removed`, { token: T.regulator });
  fits('get', base, list);
  assert.ok(list.json.items.some((i) => i.id === id));
});
