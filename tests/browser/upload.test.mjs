// upload.test.mjs — an enterprise uploads a CSV file: a file with bad lines is rejected whole
// and every bad line is listed (line, column, message); a good file is counted. Every
// state-changing request carries the X-CSRF-Token header.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { OUT, PROJECT, WORKER_ID, launch, login, shot, withPage } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

function csvFile(name, text) {
  const f = path.join(OUT, name);
  fs.writeFileSync(f, text);
  return f;
}

test('an upload with bad lines is rejected and every bad line is reported', async () => {
  assert.ok(PROJECT && WORKER_ID, 'WG_PROJECT and WG_WORKER_ID are set by run.sh');
  await withPage(browser, 'an-upload-with-bad-lines-is-rejected-and', {}, async (page) => {
    await login(page, 'enterprise');
    const posts = [];
    page.on('request', (r) => r.method() === 'POST' && posts.push(r));
    await page.goto('/upload');
    await page.selectOption('#up-kind', 'attendance');
    const file = csvFile(
      'bad-attendance.csv',
      'project_code,id_number,date,hours\n' +
        `${PROJECT},${WORKER_ID},2026-09-30,8\n` +
        `${PROJECT},110105194912310021,2026-09-30,8\n` + // wrong check character
        `${PROJECT},${WORKER_ID},2026-13-01,8\n`, // no such date
    );
    await page.setInputFiles('#up-file', file);
    const [resp] = await Promise.all([page.waitForResponse((r) => r.url().includes('/api/v1/imports/attendance')), page.click('#upload-form button[type=submit]')]);
    assert.equal(resp.status(), 422);
    await page.waitForSelector('#rejected-lines tbody tr');
    const rows = await page.$$eval('#rejected-lines tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())));
    assert.ok(rows.some((r) => r[0] === '3' && /id_number/.test(r[1])), 'line 3, column id_number reported: ' + JSON.stringify(rows));
    assert.ok(rows.some((r) => r[0] === '4'), 'line 4 reported: ' + JSON.stringify(rows));
    // the server renders each message from its catalogue in the UI's language (Accept-Language)
    assert.ok(rows.some((r) => r[0] === '3' && r[2].includes('不是居民身份证号码：校验码不符')), 'line 3 explained in Chinese: ' + JSON.stringify(rows));
    assert.ok(!rows.some((r) => r[0] === '2'), 'the good line is not reported');
    assert.match(await page.textContent('#upload-result [role=alert]'), /未保存任何数据/);
    // the upload was sent as the CSV body with the session's CSRF token
    const post = posts.find((r) => r.url().includes('/imports/attendance'));
    assert.ok(post, 'the upload was posted');
    assert.ok(post.headers()['x-csrf-token'], 'X-CSRF-Token sent');
    assert.equal(post.headers()['accept-language'], 'zh-CN', 'the UI asks for messages in its language');
    assert.match(post.headers()['content-type'] || '', /text\/csv/);
    await shot(page, 'upload-rejected');
  });
});

test('an upload without a file asks for one', async () => {
  await withPage(browser, 'an-upload-without-a-file-asks-for-one', {}, async (page) => {
    await login(page, 'enterprise');
    await page.goto('/upload');
    await page.click('#upload-form button[type=submit]');
    await page.waitForSelector('#up-file-err');
  });
});

test('a bank sees only the kinds it uploads', async () => {
  await withPage(browser, 'a-bank-sees-only-the-kinds-it-uploads', {}, async (page) => {
    await login(page, 'bank');
    const kinds = await page.$$eval('#up-kind option', (o) => o.map((x) => x.value));
    assert.deepEqual(kinds, ['allocations', 'payments']);
    await shot(page, 'upload-bank');
  });
});
