// pageweight.mjs — what a page costs a user on a slow phone connection: bytes transferred
// (compressed as sent) and the time until the page is drawn, cold (empty cache), under
// Lighthouse's "slow 4G" (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up) and a 4x CPU slowdown.
// Usage: node bench/pageweight.mjs BASE USER PASSWORD [WORKER PASSWORD]
//   prints one line per page: name, requests, transferred KiB, decoded KiB, load ms.
import { chromium } from 'playwright-core';

const [BASE, USER, PASS, WUSER, WPASS] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });

async function session(user, pass) {
  const ctx = await browser.newContext({ baseURL: BASE, locale: 'zh-CN' });
  const p = await ctx.newPage();
  await p.goto('/login');
  await p.fill('#username', user);
  await p.fill('#password', pass);
  await Promise.all([p.waitForURL((u) => !u.pathname.startsWith('/login')), p.click('form button[type=submit]')]);
  const cookies = await ctx.cookies();
  await ctx.close();
  return cookies;
}

async function weigh(name, path, ready, cookies, viewport = { width: 1280, height: 900 }) {
  const ctx = await browser.newContext({ baseURL: BASE, locale: 'zh-CN', viewport });
  if (cookies) await ctx.addCookies(cookies);
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  let bytes = 0, requests = 0, decoded = 0;
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    requests++;
  });
  cdp.on('Network.dataReceived', (e) => {
    decoded += e.dataLength;
  });
  const t0 = Date.now();
  await page.goto(path);
  await page.waitForSelector(ready, { timeout: 120000 });
  await page.waitForLoadState('networkidle');
  const ms = Date.now() - t0;
  console.log(`${name.padEnd(22)} ${String(requests).padStart(3)} req ${(bytes / 1024).toFixed(1).padStart(8)} KiB sent ${(decoded / 1024).toFixed(1).padStart(8)} KiB decoded ${String(ms).padStart(6)} ms`);
  await ctx.close();
}

const reg = await session(USER, PASS);
await weigh('login', '/login', '#username', null);
await weigh('dashboard', '/dashboard', '#chart-arrears[data-rendered]', reg);
await weigh('warnings', '/warnings', '#warnings-table tbody tr', reg);
const firstProject = (await (await fetch(BASE + '/api/v1/public/projects?per_page=1').catch(() => null))?.json?.().catch(() => null)) || null;
await weigh('public index', '/public', 'main h1', null, { width: 390, height: 844 });
if (WUSER) await weigh('worker (phone)', '/me', '#months li', await session(WUSER, WPASS), { width: 390, height: 844 });
void firstProject;
await browser.close();
