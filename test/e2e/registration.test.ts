/**
 * Issue 11 (sections 1 and 3) as a customer clicks it, in Debian chromium against `express-report serve`, by the
 * manual's labels:
 * - the setup utility on an active machine changes the comment and stays 運用中, proxy and CA file kept, the registered
 *   option device shown; 開局し直す (a new key file) asks ER_5001 with いいえ focused, and only はい re-activates;
 * - テスト通報(1次) from the HTTPS dialog before the route is enabled and saved, with a CA file typed and a destination
 *   file read in the dialog: the result dialog shows success, the destination and the time; キャンセル leaves every
 *   file as it was (only the state moved on: テスト通報済み).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Browser, type Page } from 'playwright-core';
import { KEYFILE_FIXTURES, activateByKeyCode, finishUtility, launchChromium, openWindow, shot, startServe, type RunningApp } from './harness.js';
import { centerBehindProxy, customerDisk } from '../helpers/center-behind-proxy.js';
import { changedFiles, files } from '../helpers/folder-files.js';

const { pki, center, proxy } = centerBehindProxy();
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

const run = (app: RunningApp, ...args: string[]) => promisify(execFile)(process.execPath, [...app.cli, ...args], { env: { ...process.env, LANG: 'C' } });

const menu = async (page: Page, top: RegExp, item: RegExp) => {
  await page.getByRole('menuitem', { name: top }).click();
  await page.getByRole('menuitem', { name: item }).click();
};
const utility = (page: Page) => page.getByRole('dialog', { name: /設定ユーティリティ/ });
const heading = (page: Page, name: string) => page.getByRole('heading', { name, level: 3 }).waitFor();
const next = (page: Page) => page.getByRole('button', { name: /次へ|^続行$/ }).click();

async function httpsDialog(page: Page) {
  await menu(page, /^設定/, /^通報基本設定/);
  await page.getByRole('dialog', { name: '通報基本設定' }).getByRole('button', { name: 'エクスプレス通報サービス(HTTPS)の設定' }).click();
  const d = page.getByRole('dialog', { name: 'エクスプレス通報サービス(HTTPS)の基本設定' });
  await d.waitFor();
  return d;
}

describe('設定情報の変更 on an active machine', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startServe();
    await activateByKeyCode(app);
    const adr = join(app.configDir, 'WebReprt', 'AMHTPADR.INF');
    await writeFile(adr, `[URL1]\r\nURL= ${center.url}\r\n`);
    const ca = join(app.base, 'center-ca.pem');
    await writeFile(ca, pki.ca.certPem);
    await appendFile(join(app.configDir, 'activation.ini'), '\r\n[OptionDevice01]\r\nName=DISK-UNIT\r\nDeviceCode=N8103-1001\r\nSerialNumber=A0001\r\n');
    await run(
      app,
      'config',
      'set',
      'https.caFile',
      ca,
      'https.proxy.use',
      'on',
      'https.proxy.host',
      '127.0.0.1',
      'https.proxy.port',
      String(proxy.port),
      'https.proxy.user',
      proxy.user,
      'https.proxy.password',
      proxy.password,
    );
    await run(app, 'test-notify');
    await run(app, 'activate-notify');
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
  });

  it('changes the comment through the setup utility: still 運用中, proxy and CA kept, the option device shown', async () => {
    const before = await files(app.configDir);
    const page = await openWindow(browser, app.url);
    await expect(page.getByTestId('state').textContent()).resolves.toBe('運用中');
    await menu(page, /^ツール/, /^エクスプレス通報サービス → サーバー/);
    await utility(page).waitFor();
    await heading(page, '登録されている開局情報');
    await expect(page.getByLabel(/登録されている情報を変更する/).isChecked()).resolves.toBe(true);
    await shot(page, '60-utility-registered');
    await next(page);
    await heading(page, '本機に関する情報');
    await page.getByLabel(/^※?コメント/).fill('2F rack 3');
    await next(page);
    await heading(page, 'オプション装置情報');
    await page.getByRole('table', { name: 'オプションリスト' }).getByText('DISK-UNIT').waitFor();
    await next(page);
    await heading(page, '販売店情報');
    await page.getByRole('button', { name: '完了' }).click();
    await utility(page).waitFor({ state: 'detached' });

    await expect(page.getByTestId('state').textContent()).resolves.toBe('運用中');
    expect(await page.getByTestId('untested').count()).toBe(0);
    await shot(page, '61-utility-changed');
    const after = await files(app.configDir);
    expect(changedFiles(before, after)).toEqual(['/activation.ini']);
    expect(after['/activation.ini']).toContain('2F rack 3');
    expect(after['/activation.ini']).toContain('DISK-UNIT');
    expect(after['/routes.ini']).toContain(`Port=${proxy.port}`);
    expect((await run(app, 'config', 'get', 'activation.state')).stdout.trim()).toBe('active');
    // Reports still reach the center through the proxy with the CA file.
    const seen = center.received.length;
    await run(app, 'test-notify');
    expect(center.received.length).toBe(seen + 1);
    await page.close();
  }, 120_000);

  it('開局し直す with a key file asks ER_5001 with いいえ focused; Enter (いいえ) changes nothing, はい re-activates', async () => {
    const page = await openWindow(browser, app.url);
    const d = await httpsDialog(page);
    await d.getByRole('button', { name: /開局情報の入力/ }).click();
    await heading(page, '登録されている開局情報');
    await page.getByLabel(/開局し直す/).check();
    const before = await files(app.configDir);
    await next(page);
    const confirm = page.getByRole('dialog', { name: '確認' });
    await confirm.getByText('再開局すると、以前に設定した内容はすべて消去されます。よろしいですか?').waitFor();
    await expect(page.evaluate(() => document.activeElement?.textContent ?? '')).resolves.toMatch(/^いいえ/);
    await shot(page, '62-utility-reactivate-confirm');
    await page.keyboard.press('Enter');
    await heading(page, '登録されている開局情報');
    expect(await files(app.configDir)).toEqual(before);

    await page.getByLabel(/開局し直す/).check();
    await next(page);
    await page.getByRole('dialog', { name: '確認' }).getByRole('button', { name: /はい/ }).click();
    await heading(page, '開局方式選択');
    await page.getByLabel(/はい、持っています/).check();
    await next(page);
    await heading(page, '開局キーファイルの指定');
    await page.getByLabel(/^※?開局キーファイル/).fill(join(KEYFILE_FIXTURES, 'sample-mismatch.key'));
    await next(page);
    await page.getByRole('dialog', { name: 'サーバ名称の確認' }).getByRole('button', { name: '続行' }).click();
    await heading(page, 'お客様に関する情報');
    await next(page);
    await heading(page, '本機に関する情報');
    await next(page);
    await finishUtility(page, utility(page));
    // The re-activation the user confirmed: a new start, the proxy of before erased.
    await expect(page.getByTestId('state').textContent()).resolves.toBe('設定済み(未テスト)');
    expect(await readFile(join(app.configDir, 'routes.ini'), 'latin1')).not.toContain(`Port=${proxy.port}`);
    await page.close();
  }, 120_000);
});

describe('テスト通報 from the HTTPS dialog before it is saved', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startServe();
    // Activated for the Express service: the HTTPS route is not the enabled one; nothing of it is set.
    await activateByKeyCode(app, ['--service', 'express']);
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
  });

  it('tests with the typed CA file and the destination file read, shows the result dialog, and キャンセル writes nothing', async () => {
    const { adrFile, caFile: ca } = await customerDisk(app.base, { pki, center });
    const before = await files(app.configDir);
    const seen = center.received.length;

    const page = await openWindow(browser, app.url);
    await expect(page.getByTestId('state').textContent()).resolves.toBe('設定済み(未テスト)');
    const d = await httpsDialog(page);
    await d.getByLabel(/追加の CA 証明書ファイル/).fill(ca);
    await d.getByTestId('destinations-picker').setInputFiles(adrFile);
    await d.getByText(/宛先定義ファイルを読み込みました/).waitFor();
    await expect(d.getByLabel('1次通報先 (URL1)').inputValue()).resolves.toBe(center.url);
    await d.getByRole('button', { name: 'テスト通報(1次)(T)' }).click();
    await page.getByRole('dialog', { name: 'テスト通報結果送付先の選択' }).getByRole('button', { name: 'OK' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'はい' }).click();

    const result = page.getByRole('dialog', { name: 'テスト通報の結果' });
    await result.waitFor({ timeout: 30_000 });
    const attempt = result.getByTestId('notify-attempt');
    await expect(attempt.getAttribute('data-ok')).resolves.toBe('true');
    await expect(attempt.textContent()).resolves.toContain(`一次通報先 (${center.url})`);
    await expect(attempt.locator('time').getAttribute('datetime')).resolves.toMatch(/^\d{4}-\d\d-\d\dT/);
    await shot(page, '63-test-result-dialog');
    expect(center.received.length).toBe(seen + 1);
    expect(center.received.at(-1)?.report).toMatchObject({ kind: 'test', target: 'primary' });
    await result.getByRole('button', { name: 'OK' }).click();
    await result.waitFor({ state: 'detached' });

    await d.getByRole('button', { name: 'キャンセル' }).click();
    await d.waitFor({ state: 'detached' });
    await expect(page.getByTestId('state').textContent()).resolves.toBe('テスト通報済み');
    const after = await files(app.configDir);
    // Only the state moved on (configured → tested); the CA file, the route and AMHTPADR.INF are as they were.
    expect(changedFiles(before, after)).toEqual(['/activation.ini']);
    expect(after['/activation.ini']!.replace(/^State=.*$/m, '')).toBe(before['/activation.ini']!.replace(/^State=.*$/m, ''));
    await page.close();
  }, 120_000);
});
