import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { type Browser } from 'playwright-core';
import { launchChromium, openWindow, servePerTest, shot } from './harness.js';

let browser: Browser;
const app = servePerTest();

beforeAll(async () => {
  browser = await launchChromium();
}, 90_000);
afterAll(async () => {
  await browser?.close();
});

describe('the settings window in chromium (serve)', () => {
  it('opens in Japanese with the original menus, the event tree and the state bar', async () => {
    const page = await openWindow(browser, app.url);
    for (const m of ['ファイル(F)', '設定(S)', 'ツール(T)', 'ヘルプ(H)']) await expect(page.getByRole('menuitem', { name: m }).isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('state').textContent()).resolves.toBe('未開局');
    await expect(page.getByRole('tree').textContent()).resolves.toContain('atapi');
    expect(new URL(page.url()).searchParams.has('token')).toBe(false);
    await shot(page, '01-main-window');
    await page.close();
  });

  it('drops the token from the address bar but keeps working after a reload', async () => {
    const page = await openWindow(browser, app.url);
    await page.reload();
    await page.locator('.window[data-ready="true"]').waitFor();
    await expect(page.getByTestId('state').textContent()).resolves.toBe('未開局');
    await page.close();
  });

  it('is refused without the token', async () => {
    const page = await browser.newPage();
    await page.goto(app.url.replace(/\?token=.*/, ''));
    await page.getByRole('alert').waitFor();
    await expect(page.locator('.window').getAttribute('data-ready')).resolves.toBe('false');
    await page.close();
  });

  it('speaks English on request', async () => {
    const page = await openWindow(browser, app.url, 'en');
    await expect(page.getByRole('menuitem', { name: 'Settings(S)' }).isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('state').textContent()).resolves.toBe('not activated');
    await page.close();
  });
});
