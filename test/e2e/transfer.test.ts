/**
 * Settings that travel, in the window (issue 14; docs/settings-transfer.md "The window"), in Debian chromium against
 * `express-report serve`, clicking by the labels: ファイル → エクスポート… on an activated machine (a transfer export, the
 * passphrase twice, a download), then on a second, fresh serve ファイル → エクスポートを開く… (the read-only view: banner,
 * nothing enabled, 閉じる) and ファイル → インポート… (the preview, OK applies, the state bar shows the machine). And
 * `serve --view FILE`: the banner, no enabled input in the window or a dialog, a save through the API (the page's own
 * token) refused by the host with ER_3526, and no config folder made.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { activateByKeyCode, launchChromium, openWindow, shot, startServe, type RunningApp } from './harness.js';

const PASSPHRASE = 'correct horse battery staple';
const running: RunningApp[] = [];
let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
  for (const a of running.splice(0)) await a.stop();
});

async function serve(args: string[] = []): Promise<RunningApp> {
  const app = await startServe({}, args);
  running.push(app);
  return app;
}

async function fileItem(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('menuitem', { name: /^ファイル/ }).click();
  await page.getByRole('menu', { name: 'ファイル' }).getByRole('menuitem', { name }).click();
}

const enabledControls = (page: Page) => page.locator('input:not([disabled]), select:not([disabled]), textarea:not([disabled])').count();
const bar = (page: Page) => page.getByRole('status', { name: '状態' });

/** ファイル → エクスポート… on an activated machine: the download saved under `dir`. */
async function exportFromWindow(b: Browser, app: RunningApp): Promise<string> {
  const page = await openWindow(b, app.url);
  await fileItem(page, /^エクスポート…/);
  const d = page.getByRole('dialog', { name: 'エクスポート' });
  await d.getByLabel(/^移行用/).check();
  await d.getByLabel('パスフレーズ(P)').fill(PASSPHRASE);
  await d.getByLabel('パスフレーズの確認(C)').fill(PASSPHRASE);
  const downloading = page.waitForEvent('download');
  await d.getByRole('button', { name: 'OK' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^express-report-SERVER001-\d{8}\.zip$/);
  const file = join(app.base, download.suggestedFilename());
  await download.saveAs(file);
  await d.getByTestId('export-result').waitFor();
  await shot(page, 'transfer-export-done');
  await d.getByRole('button', { name: 'OK' }).click();
  await page.close();
  return file;
}

describe('settings transfer in the window', () => {
  it('export from the window; on a fresh serve: open it read-only, then import it (preview, OK applies, the machine shows)', async () => {
    const a = await serve();
    await activateByKeyCode(a);
    browser = await launchChromium();
    const file = await exportFromWindow(browser, a);

    const b = await serve();
    const page = await openWindow(browser, b.url);
    // エクスポートを開く…: the window becomes the view of the export, every control disabled, until 閉じる.
    await fileItem(page, /^エクスポートを開く…/);
    const open = page.getByRole('dialog', { name: 'エクスポートを開く' });
    await open.getByTestId('open-export-file').setInputFiles(file);
    await open.getByRole('button', { name: 'OK' }).click();
    const banner = page.getByTestId('view-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('SERVER001');
    await page.getByRole('menuitem', { name: /^設定/ }).click();
    await page.getByRole('menuitem', { name: '通報基本設定(B)' }).click();
    await page.getByRole('dialog', { name: '通報基本設定' }).waitFor();
    expect(await enabledControls(page)).toBe(0);
    await shot(page, 'transfer-open-export-view');
    await page.getByRole('dialog', { name: '通報基本設定' }).getByRole('button', { name: 'キャンセル' }).click();
    await banner.getByRole('button', { name: '閉じる(C)' }).click();
    await banner.waitFor({ state: 'detached' });
    expect(await bar(page).textContent()).toContain('未開局');

    // インポート…: file, passphrase, 確認 → the preview; OK applies it as one save.
    await fileItem(page, /^インポート…/);
    const d = page.getByRole('dialog', { name: 'インポート' });
    await d.getByTestId('import-file').setInputFiles(file);
    await d.getByLabel('パスフレーズ(P)').fill(PASSPHRASE);
    await d.getByRole('button', { name: '確認(K)' }).click();
    const p = page.getByRole('dialog', { name: /変更点/ });
    const preview = p.getByTestId('import-preview');
    await preview.waitFor();
    const server = preview.locator('tr[data-key="machine.serverName"]');
    expect(await server.getAttribute('data-status')).toBe('added');
    expect(await server.textContent()).toContain('SERVER001');
    expect(await p.getByTestId('import-count').textContent()).toMatch(/\d+ 件の変更があります/);
    await shot(page, 'transfer-import-preview');
    await p.getByRole('button', { name: 'OK' }).click();
    const done = page.getByRole('dialog', { name: 'インポート' });
    const result = done.getByTestId('import-result');
    await result.waitFor();
    expect(await result.getAttribute('data-code')).toBe('ER_6801');
    await done.getByRole('button', { name: 'OK' }).click();
    await expect.poll(async () => bar(page).textContent()).toContain('SERVER001');
    expect(await bar(page).textContent()).toContain('設定済み');
  }, 120_000);

  it('serve --view FILE: the banner, nothing enabled, a save through the API refused by the host, no config folder made', async () => {
    const a = await serve();
    await activateByKeyCode(a);
    browser = await launchChromium();
    const file = await exportFromWindow(browser, a);

    const v = await serve(['--view', file]);
    const page = await openWindow(browser, v.url);
    const banner = page.getByTestId('view-banner');
    const text = (await banner.textContent()) ?? '';
    expect(text).toContain('読み取り専用');
    expect(text).toContain(file.split('/').pop()!);
    expect(text).toContain('SERVER001');
    expect(text).toMatch(/20\d\d/);
    expect(await enabledControls(page)).toBe(0);
    await page.getByRole('menuitem', { name: /^設定/ }).click();
    await page.getByRole('menuitem', { name: '通報基本設定(B)' }).click();
    await page.getByRole('dialog', { name: '通報基本設定' }).waitFor();
    expect(await page.locator('input, select').count()).toBeGreaterThan(0);
    expect(await enabledControls(page)).toBe(0);
    await shot(page, 'transfer-serve-view');

    // The page's own bridge, called directly (as a script in the page could): the host refuses the write.
    const answer = await page.evaluate(async () => {
      const token = sessionStorage.getItem('express-report-token') ?? '';
      const r = await fetch('/api/saveSettings', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ values: { 'https.proxy.host': 'evil.example.jp' } }),
      });
      return { status: r.status, body: (await r.json()) as { ok: boolean; problems?: Array<{ code: string }> } };
    });
    expect(answer.status).toBe(400);
    expect(answer.body.problems?.map((x) => x.code)).toEqual(['ER_3526']);
    expect(existsSync(v.configDir)).toBe(false);
    expect(existsSync(v.stateDir)).toBe(false);
  }, 120_000);
});
