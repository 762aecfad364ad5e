// queue.test.mjs — issue 16: the warnings queue as a work list (most urgent first, names beside
// codes with the worker masked, district and date filters, sortable columns, XLSX/CSV export,
// rows leading to project and worker), Chinese formats (¥ money, 2026年9月, banks by name, no
// "+08:00"), and an expired session that says so and keeps what the user typed.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, PROJECT, launch, login, shot, withPage } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const RANK = { red: 2, orange: 1, yellow: 0 };

test('the warnings queue lists the most urgent first: level, then days overdue', async () => {
  await withPage(browser, 'queue-order', {}, async (page) => {
    await login(page, 'regulator');
    const api = await page.evaluate(() => fetch('/api/v1/warnings?open=1&per_page=500').then((r) => r.json()));
    assert.ok(api.items.length > 3, 'the demo has warnings');
    for (let i = 1; i < api.items.length; i++) {
      const a = api.items[i - 1], b = api.items[i];
      assert.ok(RANK[a.level] >= RANK[b.level], `row ${i}: ${a.level} before ${b.level}`);
      if (a.level === b.level) assert.ok(a.overdue_days >= b.overdue_days, `row ${i}: overdue ${a.overdue_days} before ${b.overdue_days}`);
    }
    await page.goto('/warnings');
    await page.waitForSelector('#warnings-table tbody tr .badge');
    const first = await page.$eval('#warnings-table tbody tr .badge', (b) => b.className);
    assert.match(first, new RegExp('badge-' + api.items[0].level));
    // names beside codes: the project's name with its code, a worker's name masked
    const named = api.items.find((w) => w.project && w.worker);
    assert.ok(named && named.project_name, 'a warning naming a project and a worker');
    assert.match(named.worker_name, /\*/, 'the worker name is masked for a regulator');
    assert.match(named.worker, /\*/, 'the worker ID is masked for a regulator');
    const text = await page.textContent('#warnings-table');
    assert.ok(text.includes(api.items.find((w) => w.project_name).project_name), 'project names shown');
    assert.match(text, /¥[0-9,]+\.\d\d/, 'amounts shown as ¥9,030.00');
    await shot(page, 'queue');
    assert.deepEqual(page.errors, []);
  });
});

test('the queue sorts by a column, filters by district and date, and each row leads to its project and worker', async () => {
  await withPage(browser, 'queue-sort-filter', {}, async (page) => {
    await login(page, 'regulator');
    await page.goto('/warnings');
    await page.waitForSelector('#warnings-table tbody tr .badge');
    await page.click('#warnings-table th button[data-sort="amount"]');
    await page.waitForURL(/sort=-amount/);
    await page.waitForFunction(() => document.querySelector('#warnings-table th[aria-sort="descending"] button[data-sort="amount"]'));
    const api = await page.evaluate(() => fetch('/api/v1/warnings?open=1&sort=-amount&per_page=50').then((r) => r.json()));
    const amounts = api.items.map((w) => Number(w.amount));
    assert.deepEqual(amounts, [...amounts].sort((a, b) => b - a), 'sorted by amount, highest first');
    // a district
    const district = (await page.$$eval('#w-region option', (o) => o.map((x) => x.value))).find((v) => v);
    assert.ok(district, 'districts offered');
    await page.selectOption('#w-region', district);
    await page.waitForURL(new RegExp('region=' + district));
    const inDistrict = await page.evaluate((d) => fetch('/api/v1/warnings?open=1&per_page=500&region=' + d).then((r) => r.json()), district);
    assert.ok(inDistrict.items.every((w) => (w.region || '').startsWith(district)), 'only that district');
    // dates: nothing was first seen in the future
    const none = await page.evaluate(() => fetch('/api/v1/warnings?from=2999-01-01').then((r) => r.json()));
    assert.equal(none.total, 0);
    const bad = await page.evaluate(() => fetch('/api/v1/warnings?from=soon', { headers: { 'Accept-Language': 'zh-CN' } }).then((r) => r.json()));
    assert.equal(bad.error.message_id, 'http.not_date');
    assert.match(bad.error.message, /不是日期/);
    // a row's worker leads to that worker in the project's roster
    await page.goto('/warnings');
    await page.waitForSelector('#warnings-table tbody tr .badge');
    const link = page.locator('#warnings-table a[href*="tab=roster&worker="]').first();
    const href = await link.getAttribute('href');
    await link.click();
    await page.waitForURL((u) => u.pathname + u.search === href);
    await page.waitForSelector('#roster-table tbody tr');
    const rows = await page.$$eval('#roster-table tbody tr', (r) => r.length);
    assert.ok(rows >= 1);
    const id = decodeURIComponent(href.split('worker=')[1]);
    assert.ok((await page.textContent('#roster-table')).includes(id), 'the worker is in the roster shown');
  });
});

test('the queue exports what it shows as Excel and CSV', async () => {
  await withPage(browser, 'queue-export', {}, async (page) => {
    await login(page, 'regulator');
    await page.goto('/warnings?level=red');
    await page.waitForSelector('#warnings-table tbody tr .badge');
    const xlsx = await page.getAttribute('#w-export-xlsx', 'href');
    const csv = await page.getAttribute('#w-export-csv', 'href');
    assert.match(xlsx, /format=xlsx/);
    assert.match(xlsx, /level=red/);
    const got = await page.evaluate(async ([x, c]) => {
      const rx = await fetch(x);
      const bytes = new Uint8Array(await rx.arrayBuffer());
      const rc = await fetch(c);
      return { type: rx.headers.get('content-type'), disp: rx.headers.get('content-disposition'), magic: String.fromCharCode(bytes[0], bytes[1]), csv: await rc.text() };
    }, [xlsx, csv]);
    assert.match(got.type, /spreadsheetml/);
    assert.match(got.disp, /attachment; filename="warnings-.*\.xlsx"/);
    assert.equal(got.magic, 'PK', 'an XLSX (zip) file');
    const lines = got.csv.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    assert.match(lines[0], /^预警等级,预警类型/, 'Chinese headers');
    assert.ok(lines.length > 1 && lines.slice(1).every((l) => l.startsWith('红色,')), 'only the red warnings');
  });
});

test('money, months, banks and moments read as Chinese users expect', async () => {
  await withPage(browser, 'formats', {}, async (page) => {
    await login(page, 'regulator');
    await page.goto('/projects/' + PROJECT);
    await page.waitForSelector('#summary .facts');
    const summary = await page.textContent('#summary');
    assert.match(summary, /¥[0-9,]+\.\d\d/, 'money as ¥9,030.00');
    assert.match(summary, /银行/, 'the wage account bank by its Chinese name');
    await page.goto(`/projects/${PROJECT}?tab=roster`);
    await page.waitForSelector('#roster-table tbody tr');
    // the receipt check shows when an entry was recorded without an offset
    const r = await page.evaluate(() => fetch('/api/v1/receipts/1-1-0000000000000000', { headers: { 'Accept-Language': 'zh-CN' } }).then((x) => x.json()));
    assert.equal(r.valid, false);
    assert.ok(r.reason_id.startsWith('receipt.'), r.reason_id);
    assert.doesNotMatch(r.reason, /[a-z]{4,}/, 'the reason is in Chinese: ' + r.reason);
    assert.doesNotMatch(await page.textContent('body'), /\+08:00/);
  });
});

test('an expired session says so and keeps what the user had typed', async () => {
  await withPage(browser, 'session-expired', {}, async (page) => {
    // the server names an unknown session cookie as expired
    const res = await fetch(BASE + '/api/v1/warnings', { headers: { Cookie: 'wg_session=no-such-session', 'Accept-Language': 'zh-CN' } });
    assert.equal(res.status, 401);
    const body = await res.json();
    assert.equal(body.error.message_id, 'auth.session_expired');
    assert.match(body.error.message, /登录已过期/);

    await login(page, 'enterprise');
    await page.goto('/upload');
    await page.waitForSelector('#up-kind');
    const kinds = await page.$$eval('#up-kind option', (o) => o.map((x) => x.value));
    const chosen = kinds[kinds.length - 1];
    await page.selectOption('#up-kind', chosen);
    await page.setInputFiles('#up-file', { name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n1,2\n') });
    // the session ends behind the user's back
    await page.context().clearCookies();
    await page.click('#upload-form button[type=submit]');
    await page.waitForURL(/\/login\?next=/);
    await page.waitForSelector('#login-expired');
    assert.match(await page.textContent('#login-expired'), /登录已过期/);
    assert.match(await page.textContent('#login-expired'), /已保留/);
    await page.fill('#username', (await import('./lib.mjs')).USERS.enterprise);
    await page.fill('#password', (await import('./lib.mjs')).PASSWORD);
    await Promise.all([page.waitForURL(/\/upload/), page.click('form button[type=submit]')]);
    await page.waitForSelector('#draft-restored');
    assert.equal(await page.$eval('#up-kind', (s) => s.value), chosen, 'the chosen kind is back');
    await shot(page, 'session-restored');
  });
});
