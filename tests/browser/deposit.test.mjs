// deposit.test.mjs — the pages of deposits and the emergency fund (SPEC §7–8): the
// regulator tops a fund up through its page and sees the balance and its chart drawn from
// the API's figures, the deposit register shows its three lists; the enterprise looks up a
// project's quote with its factors and lodges a guarantee; the public sees return notices;
// the fund page works on a phone.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { PHONE, PROJECT, drawnPixels, launch, login, shot, withPage } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const digits = (s) => String(s).replace(/[^0-9]/g, '');

test('the regulator tops up a fund and sees its balance and chart', async () => {
  await withPage(browser, 'fund-topup', {}, async (page) => {
    await login(page, 'regulator');
    await page.goto('/funds/3301');
    await page.waitForSelector('#topup-form');
    await page.fill('#t-amount', '5000');
    await page.selectOption('#t-source', 'budget');
    await page.click('#topup-form button[type=submit]');
    await page.waitForSelector('#topup-form .alert-success');
    const api = await page.evaluate(() => fetch('/api/v1/funds/3301').then((r) => r.json()));
    assert.ok(Number(api.balance) >= 5000, `balance ${api.balance}`);
    await page.waitForFunction((want) => (document.querySelector('#fund-balance')?.textContent || '').replace(/[^0-9]/g, '') === want, digits(api.balance));
    assert.ok((await drawnPixels(page, '#chart-balance')) > 500, 'the balance chart is drawn');
    await shot(page, 'fund');
    await page.goto('/funds');
    await page.waitForSelector('#funds-table a[href="/funds/3301"]');
    assert.deepEqual(page.errors, []);
  });
});

test('the deposit register lists missing, expiring and overdue deposits', async () => {
  await withPage(browser, 'deposit-register', {}, async (page) => {
    await login(page, 'regulator');
    await page.goto('/deposits');
    for (const id of ['#c-missing', '#c-expiring', '#c-replenish', '#c-deposits']) await page.waitForSelector(id);
    const api = await page.evaluate(() => fetch('/api/v1/warnings?open=1&rule=DEPOSIT_MISSING&per_page=200').then((r) => r.json()));
    const items = Array.isArray(api) ? api : api.items;
    if (items.length) assert.ok((await page.textContent('#c-missing')).includes(items[0].project));
    await shot(page, 'deposit-register');
    assert.deepEqual(page.errors, []);
  });
});

test('the enterprise looks up its quote and lodges a guarantee', async () => {
  await withPage(browser, 'deposit-enterprise', {}, async (page) => {
    await login(page, 'enterprise');
    await page.goto('/deposits');
    await page.fill('#d-project', PROJECT);
    await Promise.all([page.waitForURL((u) => u.pathname.endsWith('/deposit')), page.click('form[role=search] button[type=submit]')]);
    await page.waitForSelector('#quote-amount');
    const api = await page.evaluate((p) => fetch(`/api/v1/projects/${p}/deposit`).then((r) => r.json()), PROJECT);
    assert.equal(digits(await page.textContent('#quote-amount')), digits(api.quote.amount));
    assert.ok((await page.locator('#quote-factors tbody tr').count()) >= 10, 'every factor is shown');
    await page.selectOption('#l-form', 'bank_guarantee');
    await page.fill('#l-number', 'BG-UI-0001');
    await page.fill('#l-issuer', '中国工商银行杭州分行');
    await page.fill('#l-amount', '1000');
    await page.fill('#l-expires', '2030-01-01');
    await page.click('#lodge-form button[type=submit]');
    await page.waitForSelector('#lodge-form .alert-success');
    await page.waitForFunction(() => (document.querySelector('#c-project-deposits')?.textContent || '').includes('BG-UI-0001'));
    await shot(page, 'deposit-project');
    assert.deepEqual(page.errors, []);
  });
});

test('deposit-return notices are on the public pages', async () => {
  await withPage(browser, 'deposit-returns', {}, async (page) => {
    await page.goto('/public/deposit-returns');
    await page.waitForSelector('#returns-table');
    assert.deepEqual(page.errors, []);
  });
});

test('the fund page works on a phone-sized screen', async () => {
  await withPage(browser, 'fund-phone', { viewport: PHONE }, async (page) => {
    await login(page, 'regulator');
    await page.goto('/funds/3301');
    await page.waitForSelector('#c-statement');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    await shot(page, 'fund-phone');
  });
});
