// relief.test.mjs — complaint cases, documents and inspection tasks over HTTP (SPEC §11,
// issue 12): who sees which case (region, respondent, complainant), the regulator's steps,
// numbered documents as PDF and HTML, service records, and a tip-off's reporter never
// reaching the respondent, the lists or the documents — only the regulator, each look logged.
// Run by tests/cli/t0600-api.sh with the demo data (every endpoint is also in the
// authorisation matrix of api.test.mjs through the OpenAPI document).
import { test } from 'node:test';
import assert from 'node:assert/strict';

const BASE = process.env.WG_API;
const ctx = JSON.parse(process.env.WG_API_CTX);

async function call(method, path, { token, body } = {}) {
  const h = {};
  if (token) h.Authorization = `Bearer ${token}`;
  if (body !== undefined) h['Content-Type'] = 'application/json';
  const res = await fetch(BASE + path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  const buf = Buffer.from(await res.arrayBuffer());
  const text = buf.toString('utf8');
  let json = null;
  try { json = JSON.parse(text); } catch { /* html, pdf */ }
  return { status: res.status, json, text, buf, type: res.headers.get('content-type') || '' };
}

const reg = ctx.tokens.regulator, other = ctx.tokens.other_regulator, ent = ctx.tokens.enterprise, wrk = ctx.tokens.worker;
const employer = (await call('GET', '/api/v1/me', { token: ent })).json.scope;
const REPORTER = '举报人赵六六';

async function openCase(body) {
  const r = await call('POST', '/api/v1/cases', { token: reg, body: { channel: 'hotline', employer, project: ctx.project, received: '2026-03-02', ...body } });
  assert.ok(r.status === 201 || r.status === 200, r.text);
  return r.json;
}

test('a regulator opens a case; the respondent and the complainant see it, another region does not', async () => {
  const c = await openCase({ workers: [{ id_number: ctx.worker, amount: '3500' }, { id_number: ctx.other_worker, amount: '1200.50' }] });
  assert.match(c.number, /^C\d{6}-2026-\d{5}$/);
  // (the worker's payroll dispute of another test may have opened the case this joins)
  const cents = (m) => Math.round(Number(m) * 100);
  assert.equal(cents(c.claimed), c.complainants.reduce((t, w) => t + cents(w.claimed), 0));
  assert.equal(c.complainants.find((w) => w.id_number === ctx.other_worker).claimed, '1200.50');
  assert.equal(c.accept_by.length, 10);
  assert.equal((await call('GET', `/api/v1/cases/${c.number}`, { token: other })).status, 404);
  const asEnt = await call('GET', `/api/v1/cases/${c.number}`, { token: ent });
  assert.equal(asEnt.status, 200, asEnt.text);
  assert.ok(asEnt.json.complainants.every((w) => w.id_number.includes('*')), 'the respondent sees ID numbers masked');
  assert.ok(asEnt.json.events.every((e) => e.actor === null), 'the respondent does not see who acted');
  const asWorker = await call('GET', `/api/v1/cases/${c.number}`, { token: wrk });
  assert.equal(asWorker.status, 200, asWorker.text);
  assert.deepEqual(asWorker.json.complainants.map((w) => w.id_number), [ctx.worker], 'a worker sees only their own claim');
  const mine = await call('GET', '/api/v1/cases', { token: wrk });
  assert.ok(mine.json.items.some((x) => x.number === c.number), 'the worker lists their case');
  const theirs = await call('GET', '/api/v1/cases', { token: other });
  assert.equal(theirs.json.items.filter((x) => x.number === c.number).length, 0);
  // joining: the same worker against the same employer and project
  const again = await call('POST', '/api/v1/cases', { token: reg, body: { channel: 'walkin', employer, project: ctx.project, received: '2026-03-03', workers: [{ id_number: ctx.worker, amount: '3600' }] } });
  assert.equal(again.status, 200, again.text);
  assert.equal(again.json.number, c.number);
  assert.equal(again.json.joined, true);
});

test('the regulator works a case to an order; the order is a numbered PDF the respondent can fetch', async () => {
  const c = await openCase({ channel: 'walkin', workers: [{ name: '外包工甲', amount: '800' }] });
  const acc = await call('POST', `/api/v1/cases/${c.number}/accept`, { token: reg, body: { on: '2026-03-03' } });
  assert.equal(acc.status, 200, acc.text);
  assert.equal(acc.json.status, 'accepted');
  assert.equal((await call('POST', `/api/v1/cases/${c.number}/reject`, { token: reg, body: { on: '2026-03-03' } })).status, 400, 'a rejection needs a reason field');
  assert.equal((await call('POST', `/api/v1/cases/${c.number}/accept`, { token: reg, body: { on: '2026-03-04' } })).json.error.message_id, 'relief.case.not_received');
  assert.equal((await call('POST', `/api/v1/cases/${c.number}/accept`, { token: ent, body: {} })).status, 403);
  const ord = await call('POST', `/api/v1/cases/${c.number}/order`, { token: reg, body: { on: '2026-03-05', deadline: '2026-03-20' } });
  assert.equal(ord.status, 200, ord.text);
  const doc = ord.json.documents.find((d) => d.kind === 'order');
  assert.match(doc.number, /令〔2026〕\d+号$/);
  const pdf = await call('GET', `/api/v1/documents/${doc.id}?format=pdf`, { token: ent });
  assert.equal(pdf.status, 200);
  assert.equal(pdf.type, 'application/pdf');
  assert.equal(pdf.buf.subarray(0, 5).toString(), '%PDF-');
  const html = await call('GET', `/api/v1/documents/${doc.id}?format=html`, { token: reg });
  assert.match(html.text, /劳动保障监察限期改正指令书/);
  assert.equal((await call('GET', `/api/v1/documents/${doc.id}`, { token: other })).status, 404);
  const served = await call('POST', `/api/v1/documents/${doc.id}/services`, { token: reg, body: { method: 'personal', served_on: '2026-03-06', recipient: '法定代表人' } });
  assert.equal(served.status, 201, served.text);
  assert.equal(served.json.services.length, 1);
  assert.equal((await call('POST', `/api/v1/documents/${doc.id}/services`, { token: reg, body: { method: 'pigeon', recipient: 'x' } })).status, 422);
  const listed = await call('GET', '/api/v1/documents', { token: ent });
  assert.ok(listed.json.items.some((d) => d.id === doc.id), 'the order is among the documents addressed to the enterprise');
  const liab = await call('GET', `/api/v1/cases/${c.number}/liability`, { token: reg });
  assert.equal(liab.status, 200, liab.text);
  assert.ok(liab.json.parties.length >= 1);
});

test('a tip-off reporter reaches only the regulator, and each look is logged', async () => {
  const c = await openCase({ channel: 'tipoff', workers: [], reporter_name: REPORTER, reporter_phone: '13900001111', description: `${REPORTER}反映该公司拖欠工资` });
  for (const token of [reg, ent]) {
    const r = await call('GET', `/api/v1/cases/${c.number}`, { token });
    assert.ok(!r.text.includes(REPORTER) || token === reg, 'the respondent never sees the reporter');
    assert.ok(!r.text.includes('13900001111'), 'the reporter\'s phone is in no case view');
  }
  const list = await call('GET', '/api/v1/cases?per_page=500', { token: reg });
  assert.ok(!list.text.includes('13900001111'));
  assert.equal((await call('GET', `/api/v1/cases/${c.number}/reporter`, { token: ent })).status, 403);
  const who = await call('GET', `/api/v1/cases/${c.number}/reporter`, { token: reg });
  assert.equal(who.status, 200, who.text);
  assert.equal(who.json.name, REPORTER);
  const after = await call('GET', `/api/v1/cases/${c.number}`, { token: reg });
  assert.ok(after.json.events.some((e) => e.kind === 'reporter_viewed' && e.actor === 'reg1'), 'the look is in the timeline');
  const asEnt = await call('GET', `/api/v1/cases/${c.number}`, { token: ent });
  assert.ok(!asEnt.json.events.some((e) => e.kind === 'reporter_viewed'), 'the respondent does not learn of the looks');
  assert.ok(!asEnt.text.includes(REPORTER), 'nor the text of the tip-off');
  await call('POST', `/api/v1/cases/${c.number}/accept`, { token: reg, body: { on: '2026-03-03' } });
  const ord = await call('POST', `/api/v1/cases/${c.number}/close`, { token: reg, body: { on: '2026-03-10', outcome: 'decision', amount: '100' } });
  assert.equal(ord.status, 200, ord.text);
  const doc = ord.json.documents.find((d) => d.kind === 'decision');
  const html = await call('GET', `/api/v1/documents/${doc.id}?format=html`, { token: reg });
  assert.ok(!html.text.includes(REPORTER) && !html.text.includes('13900001111'), 'documents never name the reporter');
});

test('the inspection tasks red warnings opened are listed for the regulator of the region', async () => {
  const r = await call('GET', '/api/v1/inspection-tasks?open=0', { token: reg });
  assert.equal(r.status, 200, r.text);
  assert.ok(Array.isArray(r.json.items));
  for (const t of r.json.items) assert.ok(t.region.startsWith('3301'));
  assert.equal((await call('GET', '/api/v1/inspection-tasks', { token: ent })).status, 403);
  const others = await call('GET', '/api/v1/inspection-tasks?open=0', { token: other });
  assert.ok(others.json.items.every((t) => t.region.startsWith('1101')));
});

test('the priority queue orders open cases by points, overdue cases are flagged', async () => {
  const r = await call('GET', '/api/v1/cases?priority=1&as_of=2026-06-01', { token: reg });
  assert.equal(r.status, 200);
  const pts = r.json.items.map((c) => c.priority);
  assert.deepEqual(pts, [...pts].sort((a, b) => b - a));
  const overdue = await call('GET', '/api/v1/cases?overdue=1&as_of=2026-06-01', { token: reg });
  assert.ok(overdue.json.items.length >= 1 && overdue.json.items.every((c) => c.overdue || (c.order && c.order.status === 'overdue')));
});
