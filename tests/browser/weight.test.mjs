// weight.test.mjs — issue 16 (7, 8): answers and assets travel compressed, the phone project
// page fits 390 px, chart descriptions carry no "NaN", the orange badge meets WCAG AA
// contrast; the public project page opens on its latest month with data and an unknown
// project gets a Chinese not-found page without PDF buttons.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { PHONE, PROJECT, launch, login, withPage } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('assets and API answers are sent compressed', async () => {
  await withPage(browser, 'compressed', {}, async (page) => {
    await login(page, 'regulator');
    await page.goto('/dashboard');
    await page.waitForSelector('#chart-arrears[data-rendered]');
    const res = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => ({ name: e.name, enc: e.encodedBodySize, dec: e.decodedBodySize })),
    );
    const js = res.filter((r) => /\/assets\/.*\.js$/.test(r.name) && r.dec > 20000);
    assert.ok(js.length > 0, 'scripts loaded');
    for (const r of js) assert.ok(r.enc < r.dec / 2, `${r.name}: ${r.enc} of ${r.dec} bytes sent`);
    const api = await page.evaluate(async () => {
      const r = await fetch('/api/v1/warnings?per_page=200');
      return { enc: r.headers.get('content-encoding'), vary: r.headers.get('vary') };
    });
    assert.equal(api.enc, 'gzip');
    assert.match(api.vary, /Accept-Encoding/);
  });
});

test('the project page fits a 390-px phone and charts describe themselves without NaN', async () => {
  await withPage(browser, 'phone-project', { viewport: PHONE }, async (page) => {
    await login(page, 'regulator');
    await page.goto('/projects/' + PROJECT);
    await page.waitForSelector('#summary .facts');
    await page.waitForSelector('#chart-months[data-rendered]');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
    await page.goto('/dashboard');
    await page.waitForSelector('#chart-region[data-rendered]');
    const labels = await page.$$eval('[aria-label]', (els) => els.map((e) => e.getAttribute('aria-label')));
    assert.ok(labels.some((l) => l.length > 40), 'charts describe their figures');
    assert.deepEqual(labels.filter((l) => /NaN/.test(l)), []);
  });
});

test('the orange badge meets WCAG AA contrast', async () => {
  await withPage(browser, 'contrast', {}, async (page) => {
    await login(page, 'regulator');
    await page.goto('/warnings?level=orange');
    await page.waitForSelector('#warnings-table .badge-orange');
    const ratio = await page.$eval('#warnings-table .badge-orange', (b) => {
      const rgb = (s) => s.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
      const lum = ([r, g, bl]) => {
        const f = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(bl);
      };
      const cs = getComputedStyle(b);
      const [a, c] = [lum(rgb(cs.color)), lum(rgb(cs.backgroundColor))].sort((x, y) => y - x);
      return (a + 0.05) / (c + 0.05);
    });
    assert.ok(ratio >= 4.5, `contrast ${ratio.toFixed(2)}:1`);
  });
});

test('the public project page opens on its latest month with data', async () => {
  await withPage(browser, 'public-latest', { viewport: PHONE }, async (page) => {
    const api = await (await fetch(new URL(`/api/v1/public/projects/${PROJECT}/periods`, process.env.WG_BASE_URL))).json();
    assert.ok(api.periods.length > 0);
    await page.goto('/public/projects/' + PROJECT);
    await page.waitForSelector('#publicity-doc');
    assert.equal(await page.$eval('#pub-period', (s) => s.value), api.periods[0]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  });
});

test('an unknown project gets a Chinese not-found page without PDF buttons', async () => {
  await withPage(browser, 'public-not-found', {}, async (page) => {
    await page.goto('/public/projects/NO-SUCH-1');
    await page.waitForSelector('#public-not-found');
    const text = await page.textContent('main');
    assert.match(text, /没有编号为 NO-SUCH-1 的项目/);
    assert.doesNotMatch(text, /PDF|no project/i);
    assert.equal(await page.locator('a[href*="format=pdf"]').count(), 0);
  });
});

test('the publicity table is not clipped on a 1440-px screen', async () => {
  await withPage(browser, 'public-1440', { viewport: { width: 1440, height: 900 } }, async (page) => {
    await page.goto('/public/projects/' + PROJECT);
    await page.waitForSelector('#publicity-doc .table-wrap');
    const [sw, cw] = await page.$eval('#publicity-doc .table-wrap', (e) => [e.scrollWidth, e.clientWidth]);
    assert.ok(sw <= cw + 1, `the table is ${sw}px in a ${cw}px box`);
  });
});
