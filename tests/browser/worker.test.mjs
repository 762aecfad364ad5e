// worker.test.mjs — a worker on a phone: their months, a payslip with its receipt code,
// confirming a payslip, and filing a complaint that is acknowledged with a case number.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { PHONE, launch, login, shot, withPage } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test("the worker's page lists their months and fits a phone screen", async () => {
  await withPage(browser, 'the-worker-s-page-lists-their-months-and', { viewport: PHONE }, async (page) => {
    await login(page, 'worker');
    await page.waitForSelector('#months li');
    assert.ok((await page.locator('#months li').count()) > 0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    await shot(page, 'worker-phone');
    assert.deepEqual(page.errors, []);
  });
});

test('a worker opens a payslip, sees its receipt code and confirms it', async () => {
  await withPage(browser, 'a-worker-opens-a-payslip-sees-its-receip', { viewport: PHONE }, async (page) => {
    await login(page, 'worker');
    await page.waitForSelector('#months li');
    // the first month whose payslip the worker has not confirmed yet (a fixed position: the
    // button's text changes when it opens)
    const n = await page.locator('#months > li').count();
    let month = null;
    for (let i = 0; i < n && !month; i++) {
      const li = page.locator('#months > li').nth(i);
      if (!(await li.locator('button[aria-controls]').count())) continue;
      await li.locator('button[aria-controls]').click();
      await li.locator('[data-testid=receipt]').waitFor();
      if (await li.locator('button:has-text("确认无误")').count()) month = li;
    }
    assert.ok(month, 'a payslip not yet confirmed');
    const receipt = month.locator('[data-testid=receipt]');
    assert.match((await receipt.textContent()).trim(), /\S{6,}/);
    const posts = [];
    page.on('request', (r) => r.method() === 'POST' && posts.push(r));
    const [resp] = await Promise.all([page.waitForResponse((r) => /\/confirm$/.test(new URL(r.url()).pathname)), month.locator('button:has-text("确认无误")').click()]);
    assert.ok(resp.ok(), 'confirm answered ' + resp.status());
    assert.ok(posts[0].headers()['x-csrf-token'], 'X-CSRF-Token sent');
    await month.locator('.answer-confirmed').waitFor();
    await shot(page, 'worker-payslip-confirmed');
  });
});

test('a worker files a complaint and sees the confirmation', async () => {
  await withPage(browser, 'a-worker-files-a-complaint-and-sees-the-', { viewport: PHONE }, async (page) => {
    await login(page, 'worker');
    await page.goto('/me/complaint');
    await page.waitForSelector('#complaint-form');
    // the worker's own name is filled in
    await page.waitForFunction(() => document.querySelector('#c-name').value.length > 0);
    await page.fill('#c-phone', '13800138000');
    await page.fill('#c-employer', '浙江宏辉建工集团有限公司');
    await page.fill('#c-claimed', '7722.24');
    await page.fill('#c-description', '2026年9月的工资至今未发放，找班组长问过两次。');
    await shot(page, 'complaint-form');
    const [resp] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/v1/complaints')), page.click('#complaint-form button[type=submit]')]);
    assert.equal(resp.status(), 201);
    const body = await resp.json();
    await page.waitForSelector('#complaint-done');
    assert.match(await page.textContent('#complaint-done h2'), /投诉已提交/);
    assert.equal((await page.textContent('[data-testid=case-id]')).trim(), String(body.id));
    await shot(page, 'complaint-done');
  });
});

test('the complaint form says what is missing', async () => {
  await withPage(browser, 'the-complaint-form-says-what-is-missing', {}, async (page) => {
    await page.goto('/complaint');
    await page.click('#complaint-form button[type=submit]');
    await page.waitForSelector('#c-name-err');
    assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'c-name');
  });
});
