// roles.test.mjs — each role logs in and lands on its own page; a page for another role sends
// it back to its own; the language switch is remembered; logging out ends the session.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { PASSWORD, USERS, launch, login, shot, withPage } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const landings = {
  admin: { path: '/dashboard', heading: '监管总览' },
  regulator: { path: '/dashboard', heading: '监管总览' },
  enterprise: { path: '/projects', heading: '项目列表' },
  bank: { path: '/upload', heading: '数据上报' },
  worker: { path: '/me', heading: '您好' },
};

for (const [role, want] of Object.entries(landings)) {
  test(`${role} logs in and lands on ${want.path}`, async () => {
    await withPage(browser, 'landing-' + role, {}, async (page) => {
      await login(page, role);
      assert.equal(new URL(page.url()).pathname, want.path);
      await page.waitForSelector('main h1');
      assert.match(await page.textContent('main h1'), new RegExp(want.heading));
      // the header names the user and offers logging out
      assert.ok(await page.isVisible('header button:has-text("退出")'));
      await shot(page, `landing-${role}`);
      assert.deepEqual(page.errors, []);
    });
  });
}

test('a worker sent to the dashboard is brought back to their own page', async () => {
  await withPage(browser, 'a-worker-sent-to-the-dashboard-is-brough', {}, async (page) => {
    await login(page, 'worker');
    await page.goto('/dashboard');
    await page.waitForURL('**/me');
    assert.equal(new URL(page.url()).pathname, '/me');
  });
});

test('a visitor without a session is sent to the login page and back after logging in', async () => {
  await withPage(browser, 'a-visitor-without-a-session-is-sent-to-t', {}, async (page) => {
    await page.goto('/warnings');
    await page.waitForURL(/\/login\?next=/);
    await page.fill('#username', USERS.regulator);
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL('**/warnings'), page.click('form button[type=submit]')]);
    await page.waitForSelector('#warnings-table');
  });
});

test('a wrong password is refused with a message', async () => {
  await withPage(browser, 'a-wrong-password-is-refused-with-a-messa', {}, async (page) => {
    await page.goto('/login');
    // a user name nobody has, so that throttling cannot slow the other tests' logins
    await page.fill('#username', 'nobody-' + Date.now());
    await page.fill('#password', 'not-the-password');
    await page.click('form button[type=submit]');
    const alert = page.locator('[role=alert]');
    await alert.waitFor();
    assert.match(await alert.textContent(), /用户名或密码错误|尝试次数过多/);
    assert.equal(new URL(page.url()).pathname, '/login');
  });
});

test('the English switch translates the page and is remembered', async () => {
  await withPage(browser, 'the-english-switch-translates-the-page-a', {}, async (page) => {
    await login(page, 'regulator');
    await page.click('[data-testid=lang]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await page.textContent('main h1'), /Supervision overview/);
    await page.reload();
    await page.waitForSelector('main h1');
    assert.match(await page.textContent('main h1'), /Supervision overview/);
    assert.equal(await page.evaluate(() => localStorage.getItem('wg.lang')), 'en');
    await page.waitForSelector('#chart-arrears[data-rendered]');
    await shot(page, 'dashboard-en');
    await page.click('[data-testid=lang]');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    assert.match(await page.textContent('main h1'), /监管总览/);
  });
});

test('logging out ends the session', async () => {
  await withPage(browser, 'logging-out-ends-the-session', {}, async (page) => {
    await login(page, 'enterprise');
    await Promise.all([page.waitForURL('**/login'), page.click('header button:has-text("退出")')]);
    await page.goto('/projects');
    await page.waitForURL(/\/login/);
    const me = await page.evaluate(() => fetch('/api/v1/me').then((r) => r.status));
    assert.equal(me, 401);
  });
});
