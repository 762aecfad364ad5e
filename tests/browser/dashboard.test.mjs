// dashboard.test.mjs — the regulator's dashboard draws its four charts from the API's
// figures; the project list leads to a project's detail with its money chart, attendance
// calendar, roster and warnings; the warnings queue filters by level.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { PHONE, drawnPixels, launch, login, shot, withPage } from './lib.mjs';

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

test('project list search and project detail: summary, money chart, calendar, roster, warnings', async () => {
  await withPage(browser, 'project-list-search-and-project-detail-s', {}, async (page) => {
    await login(page, 'regulator');
    await page.goto('/projects');
    const first = page.locator('#projects-table tbody tr').first().locator('a').first();
    const code = (await first.textContent()).trim();
    // searching by code finds exactly that project
    await page.fill('#f-q', code);
    await page.click('form[role=search] button[type=submit]');
    await page.waitForURL(new RegExp('q=' + code));
    await page.waitForFunction(() => document.querySelectorAll('#projects-table tbody tr').length === 1);
    await shot(page, 'projects');
    await page.click(`#projects-table a:text-is("${code}")`);
    await page.waitForURL(`**/projects/${code}`);
    await page.waitForSelector('#summary .facts');
    assert.ok((await drawnPixels(page, '#chart-months')) > 500);
    assert.ok((await page.locator('#months-table tbody tr').count()) > 0);
    await shot(page, 'project-money');

    await page.click('#tab-attendance');
    await page.waitForSelector('#attendance-calendar tbody tr');
    assert.ok((await page.locator('#attendance-calendar td.on').count()) > 0, 'some day marked present');
    await shot(page, 'project-attendance');

    await page.click('#tab-roster');
    await page.waitForSelector('#roster-table tbody tr');
    // ID numbers are shown masked, as the API returns them
    const id = (await page.locator('#roster-table tbody tr td.mono').first().textContent()).trim();
    assert.match(id, /^\d{6}\*{8}[\dX]{4}$/);
    await shot(page, 'project-roster');

    await page.click('#tab-warnings');
    await page.waitForSelector('#project-warnings');
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
