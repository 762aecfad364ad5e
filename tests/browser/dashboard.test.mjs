// dashboard.test.mjs — the regulator's dashboard draws its four charts from the API's
// figures; the project list leads to a project's detail with its money chart, attendance
// calendar, roster and warnings; the warnings queue filters by level.
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

test('the dashboard renders its charts (canvas present and drawn on)', async () => {
  await withPage(browser, 'the-dashboard-renders-its-charts-canvas-', {}, async (page) => {
    await login(page, 'regulator');
    const api = await page.evaluate(() => fetch('/api/v1/dashboard').then((r) => r.json()));
    for (const id of ['#chart-level', '#chart-region', '#chart-arrears', '#chart-top']) {
      const n = await drawnPixels(page, id);
      assert.ok(n > 500, `${id}: only ${n} pixels drawn`);
    }
    // the figures shown are the API's
    const kpis = await page.textContent('.kpis');
    assert.ok(kpis.includes(String(api.totals.projects)), 'project total shown');
    const openWarnings = api.totals.open_warnings.toLocaleString('en-US');
    assert.ok(kpis.includes(openWarnings), `open warnings ${openWarnings} shown`);
    // the top projects table lists the API's top projects
    for (const p of api.top_projects.slice(0, 3)) assert.ok((await page.textContent('#c-top')).includes(p.name || p.code));
    await shot(page, 'dashboard');
    assert.deepEqual(page.errors, []);
  });
});

test('the dashboard works on a phone-sized screen', async () => {
  await withPage(browser, 'the-dashboard-works-on-a-phone-sized-scr', { viewport: PHONE }, async (page) => {
    await login(page, 'regulator');
    assert.ok((await drawnPixels(page, '#chart-arrears')) > 500);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    await shot(page, 'dashboard-phone');
  });
});

test('the project list finds a project by its code and opens it', async () => {
  await withPage(browser, 'project-list', {}, async (page) => {
    await login(page, 'regulator');
    await page.goto('/projects');
    const first = page.locator('#projects-table tbody tr').first().locator('a').first();
    const code = (await first.textContent()).trim();
    await page.fill('#f-q', code);
    await page.click('form[role=search] button[type=submit]');
    await page.waitForURL(new RegExp('q=' + code));
    await page.waitForFunction(() => document.querySelectorAll('#projects-table tbody tr').length === 1);
    await shot(page, 'projects');
    await page.click(`#projects-table a:text-is("${code}")`);
    await page.waitForURL(`**/projects/${code}`);
    await page.waitForSelector('#summary .facts');
    assert.match(await page.textContent('#summary'), new RegExp(code));
  });
});

test('a project shows its summary and payroll against payments per month as a chart', async () => {
  assert.ok(PROJECT, 'WG_PROJECT is set by run.sh');
  await withPage(browser, 'project-money', {}, async (page) => {
    await login(page, 'regulator');
    await page.goto('/projects/' + PROJECT);
    await page.waitForSelector('#summary .facts');
    assert.ok((await drawnPixels(page, '#chart-months')) > 500);
    assert.ok((await page.locator('#months-table tbody tr').count()) > 0);
    await shot(page, 'project-money');
  });
});

test("a project's attendance calendar marks the days worked in a month", async () => {
  await withPage(browser, 'project-attendance', {}, async (page) => {
    await login(page, 'regulator');
    await page.goto(`/projects/${PROJECT}?tab=attendance`);
    await page.waitForSelector('#attendance-calendar tbody tr');
    assert.ok((await page.locator('#attendance-calendar td.on').count()) > 0, 'some day marked present');
    await shot(page, 'project-attendance');
  });
});

test("a project's roster shows ID numbers masked, as the API returns them", async () => {
  await withPage(browser, 'project-roster', {}, async (page) => {
    await login(page, 'regulator');
    await page.goto(`/projects/${PROJECT}?tab=roster`);
    await page.waitForSelector('#roster-table tbody tr');
    const id = (await page.locator('#roster-table tbody tr td.mono').first().textContent()).trim();
    assert.match(id, /^\d{6}\*{8}[\dX]{4}$/);
    await shot(page, 'project-roster');
  });
});

test("a project's open warnings are listed on its page", async () => {
  await withPage(browser, 'project-warnings', {}, async (page) => {
    await login(page, 'regulator');
    await page.goto(`/projects/${PROJECT}?tab=warnings`);
    await page.waitForSelector('#project-warnings tbody tr');
    await shot(page, 'project-warnings');
    assert.deepEqual(page.errors, []);
  });
});

test('the warnings queue filters by level', async () => {
  await withPage(browser, 'the-warnings-queue-filters-by-level', {}, async (page) => {
    await login(page, 'regulator');
    await page.goto('/warnings');
    await page.waitForSelector('#warnings-table tbody tr');
    await page.selectOption('#w-level', 'red');
    await page.waitForURL(/level=red/);
    await page.waitForSelector('#warnings-table tbody tr');
    await page.waitForLoadState('networkidle');
    const levels = await page.$$eval('#warnings-table tbody tr .badge', (b) => b.map((x) => x.className));
    assert.ok(levels.length > 0, 'some red warnings');
    assert.ok(levels.every((c) => c.includes('badge-red')), 'only red warnings listed');
    await shot(page, 'warnings-red');
  });
});
