/**
 * State that cannot lie (issue 11 section 2), in Debian chromium against `express-report serve`, by the manual's labels:
 * - key-code activation in the window leaves working destinations, "set automatically" from the center's files (here
 *   EXPRESS_REPORT_CENTER_DIR points them at a local receiver), and テスト通報 reaches that receiver;
 * - ユーザシステムコード in バージョン情報; サービスの終了 / サービス有効期限の変更 enabled only when the manual allows it;
 * - the state bar: machine, state, route, service, queue; 運用中 without a service says that nothing is being sent, and
 *   with the real service started (test helpers) it says 稼働中 and shows the last result.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, openWindow, shot, startServe, type RunningApp } from './harness.js';
import { makeTestPki, type TestPki } from '../helpers/peers/test-ca.js';
import { startReceiver, type Receiver } from '../helpers/peers/https-receiver.js';
import { startService, type ServiceProcess } from '../helpers/service-process.js';

let browser: Browser;
let pki: TestPki;
let receiver: Receiver;
let app: RunningApp;
let service: ServiceProcess | undefined;
let work: string;
let caFile: string;

beforeAll(async () => {
  pki = makeTestPki();
  receiver = await startReceiver(pki.server);
  work = await mkdtemp(join(tmpdir(), 'er-e2e-state-'));
  // The center's addresses as a distributor would ship them, here pointing at the local receiver (tests stay on 127.0.0.1).
  const center = join(work, 'center');
  await mkdir(center);
  await writeFile(join(center, 'AMHTPADR.INF'), `[URL1]\r\nURL= ${receiver.url}\r\n`);
  caFile = join(work, 'center-ca.pem');
  await writeFile(caFile, pki.ca.certPem);
  await mkdir(join(work, 'dmi')); // no firmware identity: 装置の固有情報の入力 asks for it
  app = await startServe({ EXPRESS_REPORT_CENTER_DIR: center, EXPRESS_REPORT_DMI_DIR: join(work, 'dmi') });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await service?.stop();
  await browser?.close();
  await app?.stop();
  await receiver?.close();
  await rm(work, { recursive: true, force: true });
});

const run = (...args: string[]) => promisify(execFile)(process.execPath, [...app.cli, ...args], { env: { ...process.env, LANG: 'C' } });
const menu = async (page: Page, top: RegExp, item: RegExp) => {
  await page.getByRole('menuitem', { name: top }).click();
  await page.getByRole('menuitem', { name: item }).click();
};
const heading = (page: Page, name: string) => page.getByRole('heading', { name, level: 3 }).waitFor();
const next = (page: Page) => page.getByRole('button', { name: /次へ|^続行$/ }).click();
const bar = (page: Page) => page.getByRole('status', { name: '状態' });
/** Waits for a part of the state bar to read `text` (it refreshes every few seconds by itself). */
const barSays = (page: Page, id: string, text: string | RegExp) => bar(page).getByTestId(id).filter({ hasText: text }).waitFor({ timeout: 30_000 });

async function toolsItem(page: Page, name: RegExp) {
  await page.getByRole('menuitem', { name: /^ツール/ }).click();
  return page.getByRole('menu', { name: 'ツール' }).getByRole('menuitem', { name });
}

describe('the state bar, the service-end items and key-code activation', () => {
  it('activates by key code in the window: the destinations are set automatically, and テスト通報 reaches them', async () => {
    const page = await openWindow(browser, app.url);
    await menu(page, /^ツール/, /^エクスプレス通報サービス → サーバー/);
    await heading(page, '開局方式選択');
    await page.getByLabel('いいえ、持っていません。通報開局キーコードを入力します(I)').check();
    await page.getByLabel('エクスプレス通報サービス(HTTPS)', { exact: true }).check();
    await next(page);
    await heading(page, '通報開局キーコードの入力');
    await page.getByLabel('通報開局キーコード').fill('01239');
    await page.getByLabel('テスト・開局結果返信メールアドレス').fill('reply@example.jp');
    await next(page);
    const device = page.getByRole('dialog', { name: '装置の固有情報の入力' });
    await device.getByLabel('装置コード').fill('N8100-2810');
    await device.getByLabel('製造番号').fill('00000001');
    await device.getByRole('button', { name: 'OK' }).click();
    await heading(page, '本機に関する情報');
    await page.getByLabel('サーバ名称').fill('SERVER001');
    await page.getByLabel('保証書番号').fill('99999999');
    await next(page);
    await heading(page, 'オプション装置情報');
    await next(page);
    await heading(page, '販売店情報');
    await page.getByRole('button', { name: '完了' }).click();
    await page.getByRole('dialog', { name: /設定ユーティリティ/ }).waitFor({ state: 'detached' });

    await expect(page.getByTestId('state').textContent()).resolves.toBe('設定済み(未テスト)');
    await barSays(page, 'service', 'サービス: 停止中');
    await expect(bar(page).getByTestId('machine').textContent()).resolves.toBe('装置: SERVER001(装置コード N8100-2810、製造番号 00000001)');
    await expect(bar(page).getByTestId('route').textContent()).resolves.toBe('通報手段: HTTPS(直接)');
    expect(await bar(page).getByTestId('service-warning').count()).toBe(0); // not 運用中: nothing is expected yet
    await shot(page, '80-state-bar-configured');

    // ユーザシステムコード: a key-code machine has none; the manager's test takes OPFILELESS (the manual).
    await menu(page, /^ヘルプ/, /^バージョン情報/);
    const version = page.getByRole('dialog', { name: 'バージョン情報' });
    await expect(version.getByTestId('user-system-code').textContent()).resolves.toContain('OPFILELESS');
    await version.getByRole('button', { name: 'OK' }).click();

    // Not started yet: サービスの終了 is greyed, with the reason.
    const end = await toolsItem(page, /^サービスの終了/);
    await expect(end.getAttribute('aria-disabled')).resolves.toBe('true');
    await expect(end.getAttribute('title')).resolves.toContain('サービスの開始後(運用中)にだけ');
    await end.click({ force: true }); // greyed: a click does nothing (force: playwright will not click aria-disabled by itself)
    expect(await page.getByRole('dialog', { name: 'サービスの終了' }).count()).toBe(0);
    await page.keyboard.press('Escape');

    // The HTTPS dialog shows the center's destination; テスト通報(1次) with the CA file reaches the local receiver.
    await menu(page, /^設定/, /^通報基本設定/);
    const methods = page.getByRole('dialog', { name: '通報基本設定' });
    await methods.getByRole('button', { name: 'エクスプレス通報サービス(HTTPS)の設定' }).click();
    const d = page.getByRole('dialog', { name: 'エクスプレス通報サービス(HTTPS)の基本設定' });
    await expect(d.getByLabel('1次通報先 (URL1)').inputValue()).resolves.toBe(receiver.url);
    await d.getByLabel(/追加の CA 証明書ファイル/).fill(caFile);
    const seen = receiver.received.length;
    await d.getByRole('button', { name: 'テスト通報(1次)(T)' }).click();
    await page.getByRole('dialog', { name: 'テスト通報結果送付先の選択' }).getByRole('button', { name: 'OK' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'はい' }).click();
    const result = page.getByRole('dialog', { name: 'テスト通報の結果' });
    await result.waitFor({ timeout: 30_000 });
    await expect(result.getByTestId('notify-attempt').getAttribute('data-ok')).resolves.toBe('true');
    expect(receiver.received.length).toBe(seen + 1);
    expect(receiver.received.at(-1)?.report).toMatchObject({ kind: 'test', target: 'primary', machine: { serverName: 'SERVER001' } });
    await result.getByRole('button', { name: 'OK' }).click();
    await d.getByRole('button', { name: 'OK' }).click(); // saves the CA file
    await d.waitFor({ state: 'detached' });
    await methods.getByRole('button', { name: 'キャンセル' }).click();
    await expect(page.getByTestId('state').textContent()).resolves.toBe('テスト通報済み');
    await page.close();
  }, 180_000);

  it('運用中 with no service running: the state bar says nothing is being sent; サービスの終了 is offered, 有効期限の変更 is not', async () => {
    await run('activate-notify');
    const page = await openWindow(browser, app.url);
    await expect(page.getByTestId('state').textContent()).resolves.toBe('運用中');
    await barSays(page, 'service', 'サービス: 停止中');
    await expect(bar(page).getByTestId('service-warning').textContent()).resolves.toContain('障害は通報されません');
    await expect(bar(page).getByTestId('queue').textContent()).resolves.toBe('送信待ち: -');
    await shot(page, '81-state-bar-active-no-service');
    const end = await toolsItem(page, /^サービスの終了/);
    expect(await end.getAttribute('aria-disabled')).toBeNull();
    const expiry = page.getByRole('menu', { name: 'ツール' }).getByRole('menuitem', { name: /^サービス有効期限の変更/ });
    await expect(expiry.getAttribute('aria-disabled')).resolves.toBe('true');
    await expect(expiry.getAttribute('title')).resolves.toContain('サービスの終了後にだけ');
    await page.keyboard.press('Escape');
    await page.close();
  }, 120_000);

  it('with the real service running: 稼働中 and the queue with the last result; stopping it shows again that nothing is sent', async () => {
    const page = await openWindow(browser, app.url);
    await barSays(page, 'service', 'サービス: 停止中');
    service = await startService({ argv: app.cli, stateDir: app.stateDir }, ['--no-os-events']);
    await barSays(page, 'service', 'サービス: 稼働中');
    expect(await bar(page).getByTestId('service-warning').count()).toBe(0);
    const before = receiver.received.length;
    await run('event', '--source', 'atapi', '--id', '0xc0040006');
    await barSays(page, 'queue', /^送信待ち 0 件・期限切れ 0 件・最終: 送信成功 \S+/);
    expect(receiver.received.slice(before).map((r) => (r.report as { kind: string }).kind)).toContain('failure');
    await shot(page, '82-state-bar-running');
    await service.stop();
    service = undefined;
    await barSays(page, 'service', 'サービス: 停止中');
    await expect(bar(page).getByTestId('service-warning').textContent()).resolves.toContain('障害は通報されません');
    await page.close();
  }, 120_000);
});
