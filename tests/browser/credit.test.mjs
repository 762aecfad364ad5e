// credit.test.mjs — credit in the browser (SPEC §9): the regulator's overview (grade chart,
// due list), the whole Order 45 procedure across two roles (the regulator proposes and
// serves the notice, the enterprise states its case on its own file, the regulator lists),
// the public list without a login (also on a phone), and the listing revoked at the end.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { PHONE, drawnPixels, launch, login, shot, withPage } from './lib.mjs';

let browser;
let uscc = '';
let name = '';
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('the regulator sees the grade distribution and who is due for inspection', async () => {
  await withPage(browser, 'credit-overview', {}, async (page) => {
    await login(page, 'regulator');
    await page.click('nav a[href="/credit"]');
    await page.waitForSelector('#grades-table');
    assert.match(await page.textContent('main h1'), /信用监管/);
    assert.ok((await drawnPixels(page, '#chart-grades')) > 0, 'the grade chart is drawn');
    await page.waitForSelector('#due-table tbody tr');
    assert.ok((await page.$$('#due-table tbody tr')).length > 0, 'the due list has rows');
    await shot(page, 'credit-overview');
    assert.deepEqual(page.errors, []);
  });
});

test('the enterprise sees its own file', async () => {
  await withPage(browser, 'credit-mine', {}, async (page) => {
    await login(page, 'enterprise');
    await page.click('nav a[href="/credit/mine"]');
    await page.waitForSelector('#credit-score');
    uscc = (await page.textContent('.page-sub')).trim();
    name = (await page.textContent('main h1')).replace(/ 的信用档案$/, '').trim();
    assert.match(uscc, /^[0-9A-Z]{18}$/);
    assert.match(await page.textContent('#credit-grade'), /[ABCD]/);
    // the credit report is offered as a PDF
    const href = await page.getAttribute('#report-pdf', 'href');
    const pdf = await page.request.get(href);
    assert.equal(pdf.status(), 200);
    assert.equal((await pdf.body()).subarray(0, 4).toString(), '%PDF');
    await shot(page, 'credit-mine');
  });
});

test('Order 45: propose, notice, the enterprise states its case, the regulator lists; the public sees it', async () => {
  assert.ok(uscc, 'the enterprise test ran first');
  await withPage(browser, 'credit-procedure-regulator', {}, async (page) => {
    await login(page, 'regulator');
    await page.goto('/credit');
    await page.waitForSelector('#propose-form');
    await page.fill('#p-uscc', uscc);
    await page.selectOption('#p-grounds', 'mass_incident');
    await page.fill('#p-deadline', '2020-01-10');
    await page.fill('#p-amount', '86000');
    await page.fill('#p-workers', '9');
    await page.fill('#p-resp', '张三, 李四');
    await page.fill('#p-reason', '拖欠 9 名农民工工资引发群体性事件');
    await Promise.all([page.waitForURL(`**/credit/files/${uscc}`), page.click('#propose-form button[type=submit]')]);
    await page.waitForSelector('[id^=notify-]');
    await page.click('[id^=notify-]');
    await page.waitForSelector('[id^=list-]');
    await shot(page, 'credit-notified');
  });
  await withPage(browser, 'credit-procedure-enterprise', {}, async (page) => {
    await login(page, 'enterprise');
    await page.goto('/credit/mine');
    await page.waitForSelector('[id^=stmt-]');
    await page.fill('[id^=stmt-]', '已筹措资金，正在清偿');
    await page.click('[id^=statement-]');
    await page.waitForSelector('.listing-statement');
    assert.match(await page.textContent('.listing-statement'), /已筹措资金/);
  });
  await withPage(browser, 'credit-procedure-decide', {}, async (page) => {
    await login(page, 'regulator');
    await page.goto(`/credit/files/${uscc}`);
    await page.waitForSelector('[id^=list-]');
    await page.click('[id^=list-]');
    await page.waitForSelector('[id^=revoke-]');
    assert.match(await page.textContent('#credit-grade'), /D/);
    assert.match(await page.textContent('#credit-listed'), /已列入/);
    await shot(page, 'credit-listed');
  });
  await withPage(browser, 'credit-public-list', { viewport: PHONE }, async (page) => {
    await page.goto('/public/dishonest-list');
    await page.waitForSelector('#list-table tbody tr');
    const text = await page.textContent('#list-table');
    assert.ok(text.includes(uscc), 'the public list names the enterprise');
    assert.match(text, /张三、李四/);
    assert.doesNotMatch(text, /已筹措资金/, 'the statement is not published');
    assert.ok(await page.isVisible('#export-csv'));
    await shot(page, 'credit-public-list-phone');
    assert.deepEqual(page.errors, []);
  });
  await withPage(browser, 'credit-procedure-revoke', {}, async (page) => {
    await login(page, 'regulator');
    await page.goto(`/credit/files/${uscc}`);
    await page.waitForSelector('[id^=revoke-]');
    await page.fill('[id^=commit-]', '浏览器测试撤销');
    await page.click('[id^=revoke-]');
    await page.waitForSelector('#credit-listed:has-text("未列入")');
  });
});
