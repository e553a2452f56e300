/**
 * The window by keyboard only, as on Windows (issue 11 section 5), in Debian chromium against `express-report serve`:
 * F10 / Alt and arrows in the menu bar, Enter on a menu item and on the dialog's default button, the keyboard back on the
 * opener, Alt + access keys in the dialog in front; and the manual's labels, access keys and units by accessible name.
 */
import { describe, it, expect, beforeAll, afterAll, beforeEach } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { launchChromium, openWindow, servePerTest, shot } from './harness.js';

let browser: Browser;
let page: Page;
// No firmware identity: 装置の固有情報の入力 appears.
const app = servePerTest({
  env: async (base) => {
    const dmi = join(base, 'dmi');
    await mkdir(dmi);
    return { EXPRESS_REPORT_DMI_DIR: dmi };
  },
});

beforeAll(async () => {
  browser = await launchChromium();
}, 90_000);
beforeEach(async () => {
  page = await openWindow(browser, app.url);
  page.setDefaultTimeout(10_000); // a missing control fails the step, with its name, well before the test's limit
});
afterAll(async () => {
  await browser?.close();
});

const hasFocus = (l: Locator): Promise<boolean> => l.evaluate((el) => el === document.activeElement);
const title = (name: string) => page.getByRole('menubar').getByRole('menuitem', { name, exact: true });
const dialog = (name: string) => page.getByRole('dialog', { name, exact: true });

describe('the window by keyboard', () => {
  it('F10, arrows and Enter open 通報基本設定; Enter presses OK; the keyboard returns to the menu title', async () => {
    await page.keyboard.press('F10');
    expect(await hasFocus(title('ファイル(F)'))).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(await hasFocus(title('設定(S)'))).toBe(true);
    await page.keyboard.press('ArrowDown');
    const item = page.getByRole('menu', { name: '設定' }).getByRole('menuitem', { name: '通報基本設定(B)', exact: true });
    expect(await hasFocus(item)).toBe(true);
    await expect(item.locator('u').textContent()).resolves.toBe('B');
    await expect(item.getAttribute('aria-keyshortcuts')).resolves.toBe('B');
    await shot(page, '70-keyboard-menu');
    await page.keyboard.press('Enter');
    const d = dialog('通報基本設定');
    await d.waitFor();
    expect(await d.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await expect(d.getAttribute('aria-modal')).resolves.toBe('true');
    await page.keyboard.press('Enter'); // OK, the default button
    await d.waitFor({ state: 'detached' });
    expect(await hasFocus(title('設定(S)'))).toBe(true);
    await page.keyboard.press('Escape'); // leaves the menu bar
  });

  it('Alt + F: ファイル lists エクスポート…(E), インポート…(I), エクスポートを開く…(O), 終了(X); I opens インポート, Esc returns', async () => {
    await page.keyboard.press('Alt+f');
    const menu = page.getByRole('menu', { name: 'ファイル' });
    const items = await menu.getByRole('menuitem').allTextContents();
    expect(items.filter((t) => /…\([EIO]\)|終了\(X\)/.test(t))).toEqual(['エクスポート…(E)', 'インポート…(I)', 'エクスポートを開く…(O)', '終了(X)']);
    expect(await hasFocus(menu.getByRole('menuitem', { name: 'エクスポート…(E)' }))).toBe(true);
    await page.keyboard.press('i');
    const d = dialog('インポート');
    await d.waitFor();
    await page.keyboard.press('Escape');
    await d.waitFor({ state: 'detached' });
    expect(await hasFocus(title('ファイル(F)'))).toBe(true);
    await page.keyboard.press('Escape');
  });

  it("Alt + T and E open the setup utility; its labels, access keys and counter are the manual's; Enter answers 続行 / OK / 次へ", async () => {
    await page.keyboard.press('Alt+t');
    expect(await hasFocus(page.getByRole('menuitem', { name: 'エクスプレス通報サービス → サーバー(E)' }))).toBe(true);
    await page.keyboard.press('e');
    // The command line's default service, and a title that names it.
    const w = dialog('エクスプレス通報サービス(HTTPS)設定ユーティリティ');
    await w.waitFor();
    await w.getByRole('heading', { name: '開局方式選択', level: 3 }).waitFor();
    expect(await w.getByLabel('エクスプレス通報サービス(HTTPS)', { exact: true }).isChecked()).toBe(true);
    await expect(w.getByRole('button', { name: '続行', exact: true }).isVisible()).resolves.toBe(true);
    const counter = w.locator('.wizard-step');
    await expect(counter.textContent()).resolves.toBe('');
    await page.keyboard.press('Alt+i');
    expect(await w.getByLabel('いいえ、持っていません。通報開局キーコードを入力します(I)').isChecked()).toBe(true);
    await expect(counter.textContent()).resolves.toBe('');
    await page.keyboard.press('Enter');

    await w.getByRole('heading', { name: '通報開局キーコードの入力', level: 3 }).waitFor();
    await expect(counter.textContent()).resolves.toBe('1 / 4');
    expect(await hasFocus(w.getByRole('textbox', { name: '通報開局キーコード(K)', exact: true }))).toBe(true);
    await page.keyboard.type('01239');
    await page.keyboard.press('Alt+e');
    const reply = w.getByRole('textbox', { name: 'テスト・開局結果返信メールアドレス(E)', exact: true });
    expect(await hasFocus(reply)).toBe(true);
    await page.keyboard.type('reply@example.jp');
    await page.keyboard.press('Enter');

    const device = dialog('装置の固有情報の入力');
    await device.waitFor();
    await shot(page, '71-keyboard-device-info');
    await expect(counter.textContent()).resolves.toBe('1 / 4');
    expect(await hasFocus(device.getByRole('combobox', { name: '装置コード(P)', exact: true }))).toBe(true);
    await page.keyboard.type('N8100-2810');
    // Alt + S in the dialog in front: 製造番号(S), not the menu bar's 設定(S).
    await page.keyboard.press('Alt+s');
    expect(await hasFocus(device.getByRole('textbox', { name: '製造番号(S)', exact: true }))).toBe(true);
    await expect(page.getByRole('menu').count()).resolves.toBe(0);
    await page.keyboard.type('00000001');
    await page.keyboard.press('Enter');
    await device.waitFor({ state: 'detached' });

    await w.getByRole('heading', { name: '本機に関する情報', level: 3 }).waitFor();
    await expect(counter.textContent()).resolves.toBe('2 / 4');
    expect(await w.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape'); // キャンセル: nothing written
    await w.waitFor({ state: 'detached' });
    expect(await hasFocus(title('ツール(T)'))).toBe(true);
    await expect(page.getByTestId('state').textContent()).resolves.toBe('未開局');
    await page.keyboard.press('Escape');
  });

  it("shows units beside numbers and each field's own example", async () => {
    await page.getByRole('menuitem', { name: '設定(S)' }).click();
    await page.getByRole('menuitem', { name: '通報基本設定' }).click();
    await dialog('通報基本設定').getByRole('button', { name: 'エクスプレス通報サービス(HTTPS)の設定' }).click();
    const https = dialog('エクスプレス通報サービス(HTTPS)の基本設定');
    await https.waitFor();
    await expect(https.getByRole('textbox', { name: 'タイムアウト時間 秒', exact: true }).isVisible()).resolves.toBe(true);
    await https.getByLabel('指定したプロキシサーバを使用する').check();
    await https.getByRole('textbox', { name: 'アドレス', exact: true }).focus();
    const guide = await page.locator('.guide').textContent();
    expect(guide).toContain('proxy.foo.co.jp');
    expect(guide).not.toContain('smtp.');
    await https.getByRole('button', { name: '通報の抑制...' }).click();
    const sup = dialog('通報の抑制');
    await sup.waitFor();
    await expect(sup.getByRole('textbox', { name: '抑制時間 分', exact: true }).isVisible()).resolves.toBe(true);
    await shot(page, '72-units');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
  });
});
