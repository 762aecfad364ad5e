// worker16.test.mjs — issue 16 (5): the worker's page is safe: months name their project, the
// hotline is a number to tap, "确认无误" is offered only for a month with something paid, and
// the owed banner never says "all paid" without a payroll behind it.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { PHONE, launch, login, withPage } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test("the worker's months name their project and 12333 is a link to dial", async () => {
  await withPage(browser, 'worker-names-hotline', { viewport: PHONE }, async (page) => {
    await login(page, 'worker');
    await page.waitForSelector('#months li');
    const me = await page.evaluate(() => fetch('/api/v1/me').then((r) => r.json()).then((u) => fetch('/api/v1/workers/' + u.scope)).then((r) => r.json()));
    const heads = await page.$$eval('#months .month-head .muted', (s) => s.map((x) => x.textContent));
    for (const m of me.months) assert.ok(heads.includes(m.project_name), `month of ${m.project} shows ${m.project_name}`);
    assert.equal(await page.getAttribute('footer [data-testid=hotline]', 'href'), 'tel:12333');
    const owed = await page.textContent('#owed');
    if (!me.months.some((m) => m.payroll)) assert.doesNotMatch(owed, /已全部到账/);
  });
});

test('"确认无误" is offered only where something was paid', async () => {
  await withPage(browser, 'worker-confirm-only-paid', { viewport: PHONE }, async (page) => {
    await login(page, 'worker');
    await page.waitForSelector('#months li');
    const n = Math.min(await page.locator('#months > li').count(), 6);
    let seen = 0;
    for (let i = 0; i < n; i++) {
      const li = page.locator('#months > li').nth(i);
      if (!(await li.locator('button[aria-controls]').count())) continue;
      await li.locator('button[aria-controls]').click();
      await li.locator('[data-testid=receipt]').waitFor();
      const facts = await li.locator('.payslip .facts').textContent();
      const paid = /已支付¥([0-9,.]+)/.exec(facts);
      assert.ok(paid, 'paid shown as ¥: ' + facts);
      const confirmable = await li.locator('button:has-text("确认无误")').count();
      const answered = await li.locator('.answer-confirmed').count();
      if (Number(paid[1].replace(/,/g, '')) === 0) {
        assert.equal(confirmable, 0, 'no confirm for a month with nothing paid');
        if (!answered) await li.locator('[data-testid=nothing-paid]').waitFor();
      } else if (!answered) {
        assert.equal(confirmable, 1, 'confirm offered where something was paid');
      }
      seen++;
    }
    assert.ok(seen > 0, 'some payslips opened');
  });
});
