// shot.mjs — development helper: screenshots of UI pages in Debian's headless chromium, to
// look at them. Usage:
//   node web/dev/shot.mjs BASE_URL OUT_DIR [role|-] [lang zh|en] [w x h] path...
// e.g. node web/dev/shot.mjs http://127.0.0.1:5199 /tmp/shots regulator zh 1280x900 /dashboard
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [base, out, role, lang, size, ...paths] = process.argv.slice(2);
const [w, h] = (size || '1280x900').split('x').map(Number);
fs.mkdirSync(out, { recursive: true });
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'wg-shot-'));
const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: w, height: h },
  deviceScaleFactor: 1,
});
const page = ctx.pages()[0] || (await ctx.newPage());
page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(base + '/login');
await page.evaluate((l) => localStorage.setItem('wg.lang', l), lang || 'zh');
if (role && role !== '-') {
  await page.goto(base + '/login');
  await page.fill('#username', role);
  await page.fill('#password', process.env.PASS || 'demo');
  await page.click('button[type=submit]');
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}
for (const p of paths) {
  await page.goto(base + p);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(700);
  const name = `${role}-${lang}-${w}-${p.replace(/[^a-zA-Z0-9]+/g, '_')}.png`;
  if (process.env.CLIP) await page.locator(process.env.CLIP).first().screenshot({ path: path.join(out, name) });
  else await page.screenshot({ path: path.join(out, name), fullPage: !process.env.VIEWPORT_ONLY });
  console.log(path.join(out, name));
}
await ctx.close();
fs.rmSync(profile, { recursive: true, force: true });
