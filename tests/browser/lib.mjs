// lib.mjs — what the browser tests share: Debian's chromium driven by playwright-core
// (never a downloaded browser), one fresh context per test, logging in, screenshots under
// the test output directory, and a check that a chart's canvas has something drawn on it.
// The server and its users come from tests/browser/run.sh through the environment.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const BASE = process.env.WG_BASE_URL || 'http://127.0.0.1:8080';
export const PASSWORD = process.env.WG_TEST_PASSWORD || 'demo';
export const OUT = process.env.WG_OUT || path.resolve('build/test-out/browser');
export const PROJECT = process.env.WG_PROJECT || '';
export const RECEIPT = process.env.WG_RECEIPT || '';
export const WORKER_ID = process.env.WG_WORKER_ID || '';
/** user name of each role (run.sh makes one user per role, named after it unless told). */
export const USERS = {
  admin: process.env.WG_USER_ADMIN || 'admin',
  regulator: process.env.WG_USER_REGULATOR || 'regulator',
  enterprise: process.env.WG_USER_ENTERPRISE || 'enterprise',
  bank: process.env.WG_USER_BANK || 'bank',
  worker: process.env.WG_USER_WORKER || 'worker',
};

fs.mkdirSync(OUT, { recursive: true });

// As root on this machine chromium needs --no-sandbox; the other flags keep it off the
// network (its background connections are refused here). Playwright gives every launch a
// fresh, empty --user-data-dir of its own.
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** A new context and page; errors thrown in the page are collected in page.errors. */
export async function open(browser, { viewport = DESKTOP, lang = 'zh' } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: lang === 'zh' ? 'zh-CN' : 'en-US', baseURL: BASE });
  if (lang !== 'zh') await context.addInitScript((l) => localStorage.getItem('wg.lang') || localStorage.setItem('wg.lang', l), lang);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  // requests still unanswered, with when they were sent: named in a failing test's message
  page.pending = new Map();
  page.on('request', (r) => page.pending.set(r, Date.now()));
  page.on('requestfinished', (r) => page.pending.delete(r));
  page.on('requestfailed', (r) => page.pending.delete(r));
  page.setDefaultTimeout(30000); // generous: CI shares 2 cores with the rest of the suite
  return page;
}

export async function login(page, role) {
  await page.goto('/login');
  await page.fill('#username', USERS[role]);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.click('form button[type=submit]')]);
  await page.waitForLoadState('networkidle');
}

export async function shot(page, name) {
  const file = path.join(OUT, name.replace(/[^a-zA-Z0-9_.-]+/g, '_') + '.png');
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Number of pixels drawn (not fully transparent) on the canvas inside the element. */
export async function drawnPixels(page, selector) {
  await page.waitForSelector(`${selector} canvas`);
  await page.waitForSelector(`${selector}[data-rendered]`);
  return page.$eval(`${selector} canvas`, (c) => {
    const ctx = c.getContext('2d');
    if (!ctx || !c.width || !c.height) return 0;
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) n++;
    return n;
  });
}

/**
 * Runs fn(page) on a new page (options as open()); on failure saves a screenshot
 * FAIL-<name>.png and adds the page's address and the errors it threw to the message.
 * The page's context is closed in any case.
 */
export async function withPage(browser, name, opts, fn) {
  const page = await open(browser, opts);
  try {
    await fn(page);
  } catch (e) {
    try {
      await shot(page, 'FAIL-' + name);
    } catch {
      /* the page is gone */
    }
    const now = Date.now();
    const waiting = [...page.pending].map(([r, t]) => `${r.method()} ${r.url()} (${now - t} ms)`);
    e.message +=
      `\n  at page ${page.url()}` +
      (page.errors.length ? `\n  page errors: ${page.errors.join('; ')}` : '') +
      (waiting.length ? `\n  requests unanswered: ${waiting.join(', ')}` : '');
    throw e;
  } finally {
    await page.context().close();
  }
}
