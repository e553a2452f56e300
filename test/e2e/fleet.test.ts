/**
 * ファイル → 一括準備… in Debian chromium against `express-report serve` (docs/fleet.md, "In the window"), clicking by
 * the labels: a CSV with one row of each kind and a key file, both uploaded by the page; the base the current
 * settings; 確認 shows the counts and each row's result, the error filter narrows to the error row; OK writes the rows
 * without errors under the output folder on this machine, and the result CSV.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser } from 'playwright-core';
import { KEYFILE_FIXTURES, launchChromium, openWindow, servePerTest, shot } from './harness.js';

const app = servePerTest();
let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

const CSV = [
  'server_name,device_code,serial,warranty,activation,reply_mail',
  'WEB01,N8100-2810,E001,1,keycode:01239,r@example.jp',
  'SERVER001,N8100-1234,00000001,2,keyfile:sample.key,',
  'WEB03,N8100-2810,E001,3,keycode:01239,r@example.jp',
  'web-01,X-1,E004,4,keycode:01239,r@example.jp',
].join('\r\n');

describe('fleet preparation in the window', () => {
  it('checks the uploaded CSV and key file, filters the errors, and writes the rows without errors', async () => {
    const csv = join(app.base, 'servers.csv');
    await writeFile(csv, CSV);
    const out = join(app.base, 'out');
    browser = await launchChromium();
    const page = await openWindow(browser, app.url);
    await page.getByRole('menuitem', { name: /^ファイル/ }).click();
    await page
      .getByRole('menu', { name: 'ファイル' })
      .getByRole('menuitem', { name: /^一括準備…/ })
      .click();
    const d = page.getByRole('dialog', { name: '一括準備' });
    await d.getByTestId('fleet-csv').setInputFiles(csv);
    await d.getByTestId('fleet-keys').setInputFiles(join(KEYFILE_FIXTURES, 'sample.key'));
    await expect.poll(async () => d.getByTestId('fleet-keys-names').textContent()).toBe('sample.key');
    await d.getByLabel(/^出力先フォルダ/).fill(out);
    await d.getByRole('button', { name: /^確認/ }).click();

    const p = page.getByRole('dialog', { name: /確認結果/ });
    const counts = p.getByTestId('fleet-counts');
    await counts.waitFor();
    expect(await counts.textContent()).toBe('4 行: 新規 2、置き換え 0、警告 1、エラー 1');
    const rows = p.getByTestId('fleet-rows');
    expect(await rows.locator('tr[data-line="4"]').getAttribute('data-status')).toBe('error');
    expect(await rows.locator('tr[data-line="4"]').textContent()).toContain('4: serial: ER_3609');
    expect(await rows.locator('tr[data-line="5"]').textContent()).toContain('ER_6820');
    await shot(page, 'fleet-preview');
    await p.getByLabel(/エラーの行のみ/).check();
    expect(await rows.locator('tbody tr').count()).toBe(1);
    await p.getByRole('button', { name: 'OK' }).click();

    const done = page.getByTestId('fleet-built');
    await done.waitFor();
    expect(await done.getAttribute('data-code')).toBe('ER_6824');
    expect((await readdir(out)).sort()).toEqual(['00000001', 'E001', 'E004', 'fleet-result.csv']);
    const result = await readFile(join(out, 'fleet-result.csv'), 'utf8');
    expect(result).toContain('"4","E001","WEB03","E001","error"');
    await page.getByRole('dialog', { name: '一括準備' }).getByRole('button', { name: 'OK' }).click();
    await page.getByRole('dialog', { name: '一括準備' }).waitFor({ state: 'detached' });
  }, 120_000);
});
