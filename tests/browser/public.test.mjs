// public.test.mjs — pages anyone can use without logging in: the payslip receipt check, a
// project's rights notice board and wage publicity, and the complaint form.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { PROJECT, RECEIPT, launch, shot, withPage } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('a public receipt check confirms a real payslip code', async () => {
  assert.ok(RECEIPT, 'WG_RECEIPT is set by run.sh');
  await withPage(browser, 'a-public-receipt-check-confirms-a-real-p', {}, async (page) => {
    await page.goto('/check?code=' + encodeURIComponent(RECEIPT));
    await page.waitForSelector('.verdict');
    assert.ok(await page.isVisible('.verdict-ok'), 'valid');
    assert.match(await page.textContent('.verdict-h'), /核验通过/);
    // personal data in the summary is masked
    assert.doesNotMatch(await page.textContent('.verdict'), /\d{17}[\dX]/);
    await shot(page, 'check-valid');
  });
});

test('a public receipt check rejects a forged code', async () => {
  await withPage(browser, 'a-public-receipt-check-rejects-a-forged-', {}, async (page) => {
    const forged = RECEIPT.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    await page.goto('/check');
    await page.fill('#chk-code', forged);
    await page.click('form[role=search] button[type=submit]');
    await page.waitForSelector('.verdict-bad, #check-result [role=alert]');
    assert.ok(!(await page.isVisible('.verdict-ok')));
    await shot(page, 'check-forged');
  });
});

test("a project's rights notice board and publicity are public", async () => {
  assert.ok(PROJECT, 'WG_PROJECT is set by run.sh');
  await withPage(browser, 'a-project-s-rights-notice-board-and-publ', {}, async (page) => {
    await page.goto('/public');
    await page.fill('#pub-code', PROJECT);
    await page.click('main form button[type=submit]');
    await page.waitForURL(`**/public/projects/${PROJECT}`);
    await page.waitForSelector('#board-doc');
    assert.match(await page.textContent('#board-doc'), /12333/);
    await shot(page, 'public-board');
  });
});

test('the public complaint form works without logging in', async () => {
  await withPage(browser, 'the-public-complaint-form-works-without-', { lang: 'en' }, async (page) => {
    await page.goto('/complaint');
    await page.fill('#c-name', '张三');
    await page.fill('#c-phone', '13900139000');
    await page.fill('#c-employer', 'Hangzhou Example Labour Co.');
    await page.fill('#c-claimed', '3500');
    await page.fill('#c-description', 'Two months unpaid on the site.');
    await page.click('#complaint-form button[type=submit]');
    await page.waitForSelector('#complaint-done');
    assert.match(await page.textContent('#complaint-done h2'), /Complaint received/);
    await shot(page, 'complaint-public-en');
  });
});
