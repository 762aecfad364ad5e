// filters.test.mjs — list filters take the caller's text as text, against the server
// tests/cli/t0600-api.sh starts: a region prefix holding LIKE's wildcards (% and _) matches no
// region code, where it used to match every one.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const BASE = process.env.WG_API;
const ctx = JSON.parse(process.env.WG_API_CTX);

async function projects(query) {
  const res = await fetch(`${BASE}/api/v1/projects?${query}`, { headers: { Authorization: `Bearer ${ctx.tokens.admin}` } });
  return (await res.json()).total;
}

test('a region filter is a prefix of the region code, not a pattern', async () => {
  const all = await projects('');
  assert.ok(all > 0, 'the demo data has projects');
  const code = (await (await fetch(`${BASE}/api/v1/projects/${ctx.project}`, { headers: { Authorization: `Bearer ${ctx.tokens.admin}` } })).json()).region_code;
  const prefix = String(code).slice(0, 4);
  assert.ok((await projects(`region=${prefix}`)) > 0, `region=${prefix} finds the project of region ${code}`);
  assert.equal(await projects('region=%25'), 0, 'region=% matches no region code');
  assert.equal(await projects('region=_'), 0, 'region=_ matches no region code');
  assert.equal(await projects(`region=${prefix.slice(0, 2)}__`), 0, 'underscores are not wildcards');
});
