// relief.test.mjs — complaint cases in the browser (SPEC §11, issue 12): the regulator records
// a hotline complaint, sees it overdue in red in the queue, accepts it and issues an order to
// pay — each step confirmed before it is sent — and finds the numbered PDF, the timeline and
// the liability split on the case page; the inspection tasks red warnings opened; the worker's
// "my cases" on a phone; the enterprise's "orders addressed to us".
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { PHONE, PROJECT, WORKER_ID, drawnPixels, launch, login, shot, withPage } from './lib.mjs';

let browser;
let caseNumber = '';
let orderNumber = '';
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Steps through an action of the case page: open its form, fill it, submit, confirm. */
async function step(page, action, fill) {
  await page.click('#act-' + action);
  await page.waitForSelector('#step-' + action);
  await fill();
  await page.click(`#step-${action} button[type=submit]`);
  await page.waitForSelector('#confirm-step');
  assert.match(await page.textContent('#confirm-text'), new RegExp(caseNumber));
  await Promise.all([page.waitForResponse((r) => r.url().includes(`/api/v1/cases/${caseNumber}/${action}`)), page.click('#confirm-yes')]);
  await page.waitForSelector('.alert-success');
}

test('the regulator records a complaint, sees it overdue, accepts it and issues an order', async () => {
  await withPage(browser, 'relief-regulator', {}, async (page) => {
    await login(page, 'regulator');
    const contractor = await page.evaluate(async (p) => (await (await fetch('/api/v1/projects/' + p)).json()).contractor.uscc, PROJECT);
    await page.goto('/cases');
    await page.click('#intake-toggle');
    await page.selectOption('#ci-channel', 'hotline');
    await page.fill('#ci-employer', contractor);
    await page.fill('#ci-project', PROJECT);
    await page.fill('#ci-received', '2026-01-05');
    await page.fill('#ci-workers', `${WORKER_ID} 3500`);
    await page.fill('#ci-description', '2025年12月工资未发放');
    await shot(page, 'relief-intake');
    await Promise.all([page.waitForURL(/\/cases\/C\d{6}-2026-\d{5}$/), page.click('#case-intake button[type=submit]')]);
    caseNumber = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
    await page.waitForSelector('#overdue-alert');
    assert.match(await page.textContent('main h1'), /待受理/);

    // the queue: the case is overdue, in red
    await page.goto('/cases?overdue=1');
    const row = page.locator('#cases-table tr', { hasText: caseNumber });
    await row.waitFor();
    const red = row.locator('[data-overdue="1"]');
    assert.equal(await red.count(), 1);
    const color = await red.evaluate((e) => getComputedStyle(e).color);
    const [r, g, b] = color.match(/\d+/g).map(Number);
    assert.ok(r > 150 && g < 100 && b < 100, `overdue is shown in red (${color})`);
    await page.check('#c-priority');
    await page.waitForSelector('#cases-table');
    await shot(page, 'relief-queue');

    await page.goto('/cases/' + caseNumber);
    await step(page, 'accept', () => page.fill('#s-on', '2026-01-07'));
    assert.match(await page.textContent('main h1'), /办理中/);
    await step(page, 'order', async () => {
      await page.fill('#s-deadline', '2027-01-29');
    });
    const pdf = page.locator('[data-testid=doc-pdf]').first();
    await pdf.waitFor();
    const href = await pdf.getAttribute('href');
    const res = await page.request.get(href);
    assert.equal(res.headers()['content-type'], 'application/pdf');
    orderNumber = (await page.textContent('#documents li strong')).trim();
    assert.match(orderNumber, /令〔2026〕\d+号/);
    assert.equal(await page.locator('#timeline-list li[data-kind=order]').count(), 1);
    await page.click('#load-liability');
    await page.waitForSelector('#liability-table tbody tr');
    assert.ok((await page.locator('#liability-table tbody tr').count()) >= 1);
    await shot(page, 'relief-case');
    assert.deepEqual(page.errors, []);
  });
});

test('a step is not sent until it is confirmed', async () => {
  await withPage(browser, 'relief-confirm', {}, async (page) => {
    await login(page, 'regulator');
    await page.goto('/cases/' + caseNumber);
    await page.click('#act-close');
    await page.selectOption('#s-outcome', 'no_violation');
    let sent = false;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/close')) sent = true;
    });
    await page.click('#step-close button[type=submit]');
    await page.waitForSelector('#confirm-step');
    await page.click('#confirm-step button:not(#confirm-yes)');
    assert.equal(sent, false);
    assert.match(await page.textContent('main h1'), /办理中/);
  });
});

test('the inspection tasks red warnings opened are listed for the regulator', async () => {
  await withPage(browser, 'relief-tasks', {}, async (page) => {
    await login(page, 'regulator');
    const total = await page.evaluate(async () => (await (await fetch('/api/v1/inspection-tasks')).json()).total);
    await page.click('nav a[href="/inspection-tasks"]');
    await page.waitForSelector('#tasks-table');
    const rows = await page.locator('#tasks-table tbody tr:not(:has(td.empty))').count();
    assert.equal(rows, Math.min(total, 50));
    await shot(page, 'relief-tasks');
    assert.deepEqual(page.errors, []);
  });
});

test("the worker follows their case on a phone, in plain words", async () => {
  await withPage(browser, 'relief-worker', { viewport: PHONE }, async (page) => {
    await login(page, 'worker');
    await page.click('nav a[href="/me/cases"]');
    const card = page.locator(`#my-cases li[data-number="${caseNumber}"]`);
    await card.waitFor();
    assert.match(await card.textContent(), /已受理/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    await shot(page, 'relief-worker-phone');
    assert.deepEqual(page.errors, []);
  });
});

test('the enterprise sees the order addressed to it', async () => {
  await withPage(browser, 'relief-enterprise', {}, async (page) => {
    await login(page, 'enterprise');
    await page.click('nav a[href="/orders"]');
    await page.waitForSelector('#orders-table');
    assert.ok((await page.textContent('#orders-table')).includes(orderNumber));
    await shot(page, 'relief-orders');
    assert.deepEqual(page.errors, []);
  });
});

test('the regulator sees the regions ranked for accountability, with a chart', async () => {
  await withPage(browser, 'relief-accountability', {}, async (page) => {
    await login(page, 'regulator');
    await page.click('nav a[href="/accountability"]');
    await page.waitForSelector('#acc-table tbody tr');
    assert.ok((await drawnPixels(page, '#chart-accountability')) > 100, 'the chart is drawn');
    // the case recorded above (received 2026-01-05, past its conclusion deadline) is counted
    assert.ok((await page.locator('#acc-table tbody tr').count()) >= 1);
    await shot(page, 'relief-accountability');
    assert.deepEqual(page.errors, []);
  });
});
