// supervision.test.mjs — the supervision API (SPEC §10) on the demo data of t0600: an
// inspection refused for a declared conflict, one recorded with its findings, a
// rectification order the enterprise sees but cannot act on, compliance only with evidence,
// a draw whose public document `wageguard draw verify` reproduces byte for byte, a campaign
// with its register (clear-and-close refused without evidence), report and typical case,
// and the scope of each role.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BASE = process.env.WG_API;
const ctx = JSON.parse(process.env.WG_API_CTX);
const T = ctx.tokens;

async function call(method, path, { token, body } = {}) {
  const h = {};
  if (token) h.Authorization = `Bearer ${token}`;
  if (body !== undefined) h['Content-Type'] = 'application/json';
  const res = await fetch(BASE + path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  const buf = Buffer.from(await res.arrayBuffer());
  let json = null;
  try { json = JSON.parse(buf.toString('utf8')); } catch { /* binary */ }
  return { status: res.status, json, buf, headers: res.headers };
}

const project = (await call('GET', `/api/v1/projects/${ctx.project}`, { token: T.admin })).json;
const contractor = project.contractor.uscc;
const owner = project.owner.uscc;
const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);

test('inspections: a declared conflict keeps an inspector out; findings are recorded', async () => {
  const c = await call('POST', '/api/v1/inspectors/conflicts', { token: T.regulator, body: { inspector: 'insp2', uscc: owner, reason: '配偶在该单位任职' } });
  assert.equal(c.status, 201);
  const roster = await call('GET', '/api/v1/inspectors', { token: T.regulator });
  assert.deepEqual(roster.json.roster.map((r) => r.inspector).sort(), ['insp2', 'reg1']);
  assert.ok(roster.json.conflicts.some((x) => x.inspector === 'insp2' && x.uscc === owner));
  const refused = await call('POST', '/api/v1/inspections', { token: T.regulator, body: { kind: 'routine', target: owner, inspectors: ['reg1', 'insp2'], date: today } });
  assert.equal(refused.status, 422);
  assert.equal(refused.json.error.message_id, 'supervision.inspector_conflict');
  const one = await call('POST', '/api/v1/inspections', { token: T.regulator, body: { kind: 'routine', target: contractor, inspectors: ['reg1'], date: today } });
  assert.equal(one.status, 422, 'one inspector is not enough');
  const ok = await call('POST', '/api/v1/inspections', {
    token: T.regulator,
    body: { kind: 'routine', target: contractor, project: ctx.project, inspectors: ['reg1', 'insp2'], date: today, findings: { real_name: 'yes', bank_card_pay: { result: 'no', note: '班组长代领' } } },
  });
  assert.equal(ok.status, 201);
  assert.equal(ok.json.status, 'done');
  assert.deepEqual(ok.json.findings.bank_card_pay, { result: 'no', note: '班组长代领' });
  const other = await call('GET', `/api/v1/inspections/${ok.json.id}`, { token: T.other_regulator });
  assert.equal(other.status, 404, 'another region does not see it');
  const mine = await call('GET', `/api/v1/inspections/${ok.json.id}`, { token: T.enterprise });
  assert.equal(mine.status, 200, 'the inspected enterprise sees its inspection');
  const list = await call('GET', '/api/v1/inspections', { token: T.enterprise });
  assert.ok(list.json.items.every((i) => i.uscc === contractor));
  const comp = await call('GET', '/api/v1/inspection-compliance?by=project', { token: T.regulator });
  assert.ok(comp.json.items.some((r) => r.key === ctx.project && r.yes >= 1 && r.no >= 1));
});

test('rectification orders: the enterprise sees its order; compliance needs evidence', async () => {
  const ins = (await call('GET', `/api/v1/inspections?target=${contractor}`, { token: T.regulator })).json.items[0];
  const o = await call('POST', '/api/v1/rectifications', { token: T.regulator, body: { inspection: ins.id, items: '工资直接发放至农民工本人银行卡', days: 5, amount: '1200.50', workers: 2, date: today } });
  assert.equal(o.status, 201);
  assert.match(o.json.number, /改〔[0-9]{4}〕[0-9]+号$/);
  const doc = await call('GET', `/api/v1/documents/${o.json.document}?format=json`, { token: T.enterprise });
  assert.equal(doc.status, 200, 'the enterprise reads its order as a document');
  assert.equal(o.json.amount, '1200.50');
  assert.equal(o.json.state, 'open');
  const seen = await call('GET', '/api/v1/rectifications', { token: T.enterprise });
  assert.ok(seen.json.items.some((x) => x.number === o.json.number));
  assert.equal((await call('GET', `/api/v1/rectifications/${o.json.number}`, { token: T.other_regulator })).status, 404);
  assert.equal((await call('POST', `/api/v1/rectifications/${o.json.number}/comply`, { token: T.enterprise, body: { evidence: 'x' } })).status, 403);
  const none = await call('POST', `/api/v1/rectifications/${o.json.number}/comply`, { token: T.regulator, body: {} });
  assert.equal(none.status, 422);
  assert.equal(none.json.error.message_id, 'supervision.evidence_required');
  const done = await call('POST', `/api/v1/rectifications/${o.json.number}/comply`, { token: T.regulator, body: { evidence: '银行代发明细', date: today } });
  assert.equal(done.status, 200);
  assert.equal(done.json.state, 'complied');
});

test('a draw is published and its public document verifies byte for byte', async () => {
  const d = await call('POST', '/api/v1/draws', { token: T.regulator, body: { seed: '2026 API 测试种子', targets: 2, roster: ['甲', '乙', '丙'] } });
  assert.equal(d.status, 201);
  assert.equal(d.json.document.algorithm, 'wg-draw-1');
  assert.equal(d.json.document.drawn.length, 2);
  const pub = await call('GET', '/api/v1/public/draws');
  assert.ok(pub.json.items.some((x) => x.id === d.json.id && x.published));
  const doc = await call('GET', `/api/v1/public/draws/${d.json.id}`);
  assert.equal(doc.status, 200);
  const dir = mkdtempSync(join(tmpdir(), 'wgdraw-'));
  writeFileSync(join(dir, 'd.json'), doc.buf);
  const out = execFileSync(process.env.WG_BIN, ['draw', 'verify', join(dir, 'd.json')], { encoding: 'utf8' });
  assert.match(out, /matches/);
  const tampered = doc.buf.toString('utf8').replace('"甲"', '"丁"');
  writeFileSync(join(dir, 't.json'), tampered);
  assert.throws(() => execFileSync(process.env.WG_BIN, ['draw', 'verify', join(dir, 't.json')], { stdio: 'pipe' }));
  assert.equal((await call('GET', '/api/v1/draws', { token: T.other_regulator })).json.items.length, 0);
  const out2 = await call('POST', '/api/v1/draws', { token: T.other_regulator, body: { region: '3301', seed: 's', targets: 1 } });
  assert.equal(out2.status, 404, 'no draws outside one\'s region');
});

test('a campaign: register, clear-and-close only with evidence, report, typical case', async () => {
  const c = await call('POST', '/api/v1/campaigns', { token: T.regulator, body: { kind: 'special', name: 'API 专项', from: today, to: today } });
  assert.equal(c.status, 201);
  const id = c.json.campaign.id;
  assert.deepEqual(c.json.campaign.regions, ['3301']);
  assert.equal((await call('GET', `/api/v1/campaigns/${id}`, { token: T.other_regulator })).status, 404);
  assert.equal((await call('POST', '/api/v1/campaigns', { token: T.other_regulator, body: { kind: 'special', name: 'x', region: '3301', from: today, to: today } })).status, 404);
  const e = await call('POST', `/api/v1/campaigns/${id}/register`, { token: T.regulator, body: { uscc: contractor, source: 'tip', cause: 'cash_flow', amount: '5000', workers: 3, responsible: '施工总承包单位' } });
  assert.equal(e.status, 201);
  const refused = await call('POST', `/api/v1/register/${e.json.id}/clear`, { token: T.regulator, body: {} });
  assert.equal(refused.status, 422);
  assert.equal(refused.json.error.message_id, 'supervision.register.needs_evidence');
  const s = await call('POST', `/api/v1/register/${e.json.id}/screen`, { token: T.regulator, body: { cause: 'owner_late' } });
  assert.equal(s.json.cause, 'owner_late');
  const p = await call('GET', `/api/v1/campaigns/${id}`, { token: T.regulator });
  assert.equal(p.status, 200);
  assert.ok(p.json.totals.entries >= 1);
  const r = await call('GET', `/api/v1/campaigns/${id}/report`, { token: T.regulator });
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /spreadsheetml/);
  assert.equal(r.buf.subarray(0, 2).toString(), 'PK');
  const t = await call('POST', `/api/v1/campaigns/${id}/typical`, { token: T.regulator, body: { title: '典型案例', summary: '约谈后三日内足额支付。' } });
  assert.equal(t.status, 201);
  const pub = await call('GET', '/api/v1/public/typical-cases');
  assert.ok(pub.json.items.some((x) => x.id === t.json.id));
});
