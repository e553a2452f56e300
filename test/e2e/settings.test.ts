/** The settings window's dialogs, clicked through in Debian chromium against `express-report serve`. */
import { describe, it, expect, beforeAll, afterAll, beforeEach } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { activateByKeyCode, launchChromium, openWindow, servePerTest, shot } from './harness.js';

let browser: Browser;
let page: Page;
// Activated for the HTTPS service, headless, as a field engineer would before opening the window.
const app = servePerTest({ prepare: activateByKeyCode });

beforeAll(async () => {
  browser = await launchChromium();
}, 90_000);
beforeEach(async () => {
  page = await openWindow(browser, app.url);
});
afterAll(async () => {
  await browser?.close();
});

const menu = async (top: string, item: string) => {
  await page.getByRole('menuitem', { name: top }).click();
  await page.getByRole('menuitem', { name: item }).click();
};
const dialog = (name: string) => page.getByRole('dialog', { name });
const routes = () => readFile(join(app.configDir, 'routes.ini'), 'utf8');

describe('settings window dialogs', () => {
  it('通報手段の設定: Express and Express (HTTPS) are never enabled together', async () => {
    await menu('設定(S)', '通報基本設定');
    const d = dialog('通報基本設定');
    await d.waitFor();
    await expect(d.getByLabel('エクスプレス通報サービス(HTTPS)', { exact: true }).isChecked()).resolves.toBe(true);
    await d.getByLabel('エクスプレス通報サービス', { exact: true }).click();
    const alert = page.getByRole('alertdialog');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('同時に有効にできません');
    await shot(page, '40-methods-exclusion');
    await alert.getByRole('button').first().click();
    await expect(d.getByLabel('エクスプレス通報サービス', { exact: true }).isChecked()).resolves.toBe(false);
    await d.getByRole('button', { name: 'キャンセル' }).click();
    expect(await routes()).toContain('Route=https');
  });

  it('HTTPS settings: a refused proxy port shows its coded message; a fixed one is saved, the password sealed', async () => {
    await menu('設定(S)', '通報基本設定');
    await dialog('通報基本設定').getByRole('button', { name: 'エクスプレス通報サービス(HTTPS)の設定' }).click();
    const d = dialog('エクスプレス通報サービス(HTTPS)の基本設定');
    await d.waitFor();
    const proxy = d.getByRole('group', { name: 'プロキシサーバ' });
    await proxy.getByLabel('指定したプロキシサーバを使用する').check();
    await proxy.getByLabel('アドレス').fill('proxy.example.jp');
    await proxy.getByLabel('ポート').fill('70000');
    await proxy.getByLabel('ユーザー名').fill('user1');
    await proxy.getByLabel('パスワード', { exact: true }).fill('Secr3t-pw');
    await d.getByRole('button', { name: 'OK' }).click();
    await d.getByRole('alert').filter({ hasText: 'ER_3009' }).waitFor();
    await expect(d.getByRole('alert').filter({ hasText: 'ER_3009' }).count()).resolves.toBe(1);
    await shot(page, '41-https-refused-port');
    expect(await routes()).not.toContain('proxy.example.jp');
    await proxy.getByLabel('ポート').fill('8080');
    await d.getByRole('button', { name: 'OK' }).click();
    await d.waitFor({ state: 'detached' });
    const text = await routes();
    expect(text).toContain('ProxyHost=proxy.example.jp');
    expect(text).toContain('ProxyPort=8080');
    expect(text).toMatch(/ProxyPassword=sealed:v1:/);
    expect(text).not.toContain('Secr3t-pw');
    await page.keyboard.press('Escape');
  });

  it('通報先リスト → ID設定 → スケジュール: retry and time window, with restore defaults', async () => {
    await page
      .getByRole('dialog')
      .last()
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    await menu('設定(S)', '通報先リストの設定');
    await dialog('通報先リストの設定').getByRole('button', { name: '修正...' }).click();
    await dialog('ID設定').getByRole('button', { name: 'スケジュール...' }).click();
    const d = dialog('スケジュール設定');
    await d.waitFor();
    await d.getByLabel(/リトライ間隔/).fill('10');
    await d.getByRole('button', { name: '既定値に戻す' }).click();
    await expect(d.getByLabel(/リトライ間隔/).inputValue()).resolves.toBe('5');
    await d.getByLabel(/リトライ期限/).fill('48');
    await shot(page, '42-schedule');
    await d.getByRole('button', { name: 'OK' }).click();
    await d.waitFor({ state: 'detached' });
    expect(await readFile(join(app.configDir, 'schedule.ini'), 'utf8')).toContain('LimitHours=48');
  });

  it('shows the version information and the mail route page', async () => {
    for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
    await menu('ヘルプ(H)', 'バージョン情報');
    await dialog('バージョン情報').waitFor();
    await shot(page, '43-version');
    await page.keyboard.press('Escape');
    await menu('設定(S)', '通報基本設定');
    await dialog('通報基本設定').getByRole('button', { name: 'エクスプレス通報サービスの設定' }).click();
    await dialog('エクスプレス通報サービスの基本設定').getByRole('button', { name: 'インターネットメール経由の設定' }).click();
    await dialog('エクスプレス通報(インターネット メール経由)の設定').waitFor();
    await shot(page, '44-mail');
  });
});
