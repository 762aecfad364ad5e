// supervision.test.mjs — supervision's pages (SPEC §10): the on-site inspection form on a
// tablet (checklist toggles, two inspectors), the inspection's page issuing a rectification
// order that the order list then shows, a random draw published on the public page, and a
// campaign board with its figures, charts, register and clear-and-close refused without
// evidence.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { PROJECT, drawnPixels, launch, login, shot, withPage } from './lib.mjs';

const TABLET = { width: 820, height: 1180 };
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('an inspection recorded on a tablet, then a rectification order from it', async () => {
  await withPage(browser, 'sv-inspection-tablet', { viewport: TABLET }, async (page) => {
    await login(page, 'regulator');
    const p = await page.evaluate((code) => fetch('/api/v1/projects/' + code).then((r) => r.json()), PROJECT);
    await page.goto('/inspections/new');
    await page.fill('#sv-target', p.contractor.uscc);
    await page.fill('#sv-project', PROJECT);
    await page.check('input[name=sv-inspector][value=regulator]');
    await page.check('input[name=sv-inspector][value=inspector2]');
    await page.check('#sv-item-real_name input[value=yes]');
    await page.check('#sv-item-wage_account input[value=yes]');
    await page.check('#sv-item-bank_card_pay input[value=no]');
    await page.fill('#sv-item-bank_card_pay .sv-item-note', '两名工人工资由班组长代领');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the form is ${overflow}px wider than the tablet`);
    const toggle = await page.$eval('#sv-item-deposit .sv-radio', (e) => e.getBoundingClientRect().height);
    assert.ok(toggle >= 44, `a checklist toggle is ${toggle}px high: too small for a finger`);
    await shot(page, 'sv-inspection-form');
    await Promise.all([page.waitForURL(/\/inspections\/[0-9]+$/), page.click('#sv-submit')]);
    await page.waitForSelector('#sv-findings');
    const findings = await page.textContent('#sv-findings');
    assert.match(findings, /两名工人工资由班组长代领/);
    assert.match(findings, /不符合/);
    await page.fill('#sv-o-items', '工资直接发放至农民工本人银行卡');
    await page.fill('#sv-o-days', '5');
    await page.fill('#sv-o-amount', '3600');
    await page.click('#sv-o-submit');
    await page.waitForSelector('#sv-msg');
    const number = (await page.textContent('#sv-msg')).match(/[^\s，,]+改〔[0-9]+〕[0-9]+号/)[0];
    await page.waitForFunction((n) => document.querySelector('#sv-inspection-orders')?.textContent.includes(n), number);
    await page.goto('/rectifications');
    await page.waitForSelector('#sv-orders');
    assert.match(await page.textContent('#sv-orders'), new RegExp(number));
    assert.match(await page.textContent('#sv-orders'), /3,600\.00|3600\.00/);
    assert.deepEqual(page.errors, []);
  });
});

test('a random draw is made and published for anyone to see', async () => {
  await withPage(browser, 'sv-draw', {}, async (page) => {
    await login(page, 'regulator');
    await page.goto('/draws');
    await page.fill('#sv-seed', '浏览器测试 2026-12');
    await page.fill('#sv-n', '2');
    await page.click('#sv-draw-run');
    await page.waitForSelector('#sv-drawn');
    assert.equal(await page.locator('#sv-drawn tbody tr').count(), 2);
    await shot(page, 'sv-draw');
    const pub = await browser.newContext({ baseURL: page.url().replace(/\/draws$/, '') });
    const anon = await pub.newPage();
    await anon.goto('/public/draws');
    await anon.waitForSelector('.sv-public-draw table');
    assert.match(await anon.textContent('main'), /浏览器测试 2026-12/);
    await pub.close();
  });
});

test('a campaign board shows its figures, charts and register; clearing needs evidence', async () => {
  await withPage(browser, 'sv-campaign', {}, async (page) => {
    await login(page, 'regulator');
    await page.goto('/campaigns');
    const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
    await page.fill('#sv-c-name', '浏览器测试专项行动');
    await page.fill('#sv-c-from', '2026-01-01');
    await page.fill('#sv-c-to', today > '2026-12-31' ? today : '2026-12-31');
    await Promise.all([page.waitForURL(/\/campaigns\/[0-9]+$/), page.click('#sv-special-form button[type=submit]')]);
    await page.waitForSelector('#sv-board-stats');
    const id = page.url().match(/([0-9]+)$/)[1];
    const api = await page.evaluate((i) => fetch('/api/v1/campaigns/' + i).then((r) => r.json()), id);
    assert.match(await page.textContent('#sv-days-left'), new RegExp(String(api.days_left)));
    assert.match(await page.textContent('#sv-cleared'), new RegExp(`${api.totals.cleared} / ${api.totals.entries}`));
    assert.ok((await drawnPixels(page, '#sv-chart-time')) > 500, 'progress over time is drawn');
    await page.waitForSelector('#sv-register-table');
    assert.ok(api.totals.entries > 0, 'the demo data gives the campaign targets');
    await page.locator('#sv-register-table button').first().click();
    await page.click('#sv-clear-submit');
    await page.waitForSelector('#sv-clear-error');
    assert.match(await page.textContent('#sv-clear-error'), /证明/);
    await shot(page, 'sv-campaign-board');
    assert.deepEqual(page.errors, []);
  });
});
