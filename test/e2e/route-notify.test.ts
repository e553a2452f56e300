/**
 * The route dialogs now send (issue 5): in the real window (Chromium → `serve`), the mail dialog's テスト通報 reaches a
 * real SMTP server, and the dial-up dialog's テスト通報(1次) dials a Hayes modem emulator on a socat pseudo-terminal pair
 * and shows 通報成功. The state moves to テスト通報済み as the original's does.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, openWindow, shot, startServe, type RunningApp } from './harness.js';
import { makeTestPki } from '../helpers/peers/test-ca.js';
import { parseMail, startSmtpPeer, type SmtpPeer } from '../helpers/peers/smtp-server.js';
import { startModemEmulator, type ModemEmulator } from '../helpers/peers/modem-emulator.js';
import { handEditState } from '../helpers/service-process.js';
import { activateArgs } from '../helpers/activation.js';
import { mailRouteSettings } from '../helpers/mail-route.js';

let app: RunningApp;
let browser: Browser;
let smtp: SmtpPeer;
let modem: ModemEmulator;
let modemDir: string;

const cli = async (...args: string[]) => promisify(execFile)(process.execPath, [...app.cli, ...args], { env: { ...process.env, LANG: 'C' } });

async function expressDialog(page: Page, route: string): Promise<void> {
  await page.getByRole('menuitem', { name: '設定(S)' }).click();
  await page.getByRole('menuitem', { name: '通報基本設定' }).click();
  await page.getByRole('dialog', { name: '通報基本設定' }).getByRole('button', { name: 'エクスプレス通報サービスの設定' }).click();
  await page
    .getByRole('dialog', { name: 'エクスプレス通報サービスの基本設定' })
    .getByRole('button', { name: `${route}の設定` })
    .click();
}

beforeAll(async () => {
  app = await startServe();
  smtp = await startSmtpPeer({ cert: makeTestPki().server, security: 'none', authMethods: [] });
  modemDir = await mkdtemp(join(tmpdir(), 'er-e2e-modem-'));
  modem = await startModemEmulator(modemDir);
  // No `init`: the folders are the ones `serve` made, as for someone who only ever used the window.
  await cli(...activateArgs('S1', ['--service', 'express']));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await smtp?.close();
  await modem?.stop();
  await app?.stop();
  await rm(modemDir, { recursive: true, force: true });
});

describe('route dialogs send', () => {
  it('mail: テスト通報 asks where the result goes, then the SMTP server receives the report', async () => {
    await cli('config', 'set', ...mailRouteSettings(smtp.port));
    const page = await openWindow(browser, app.url);
    await expressDialog(page, 'インターネットメール経由');
    const d = page.getByRole('dialog', { name: 'エクスプレス通報(インターネット メール経由)の設定' });
    await d.getByRole('button', { name: 'テスト通報(T)' }).click();
    await page.getByRole('dialog', { name: 'テスト通報結果送付先の選択' }).getByRole('button', { name: 'OK' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'はい' }).click();
    await d
      .getByTestId('notify-result')
      .getByText(/成功しました/)
      .waitFor({ timeout: 30_000 });
    await shot(page, 'route-mail-test');
    expect(smtp.received).toHaveLength(1);
    const text = parseMail(smtp.received[0]!.raw)
      .parts.map((p) => p.text ?? '')
      .join('');
    expect(text).toMatch(/^Kind: test$/m);
    expect(text).toContain('ResultMail: r@example.jp');
    await page.close();
  }, 90_000);

  it('dial-up: テスト通報(1次) dials the primary number and shows 通報成功', async () => {
    await cli('config', 'set', 'express.route', 'dialup', 'dialup.serial.port', modem.modemPath, 'dialup.primary.number', '03-1234-5678', 'mail.smime', 'off');
    // Back to 設定済み (the mail test made it tested) as a hand edit would: no setting changes the state (ER_3090).
    await handEditState(app.configDir, 'configured');
    const page = await openWindow(browser, app.url);
    await expressDialog(page, 'ダイヤルアップ経由');
    const d = page.getByRole('dialog', { name: 'エクスプレス通報(ダイヤルアップ経由)の設定' });
    expect(await d.getByRole('button', { name: 'テスト通報(2次)(2)' }).isDisabled()).toBe(true); // no secondary number
    await d.getByRole('button', { name: 'テスト通報(1次)(T)' }).click();
    await d
      .getByTestId('notify-result')
      .getByText(/通報成功/)
      .waitFor({ timeout: 60_000 });
    // The result is also given in its own window, answered with OK (the manual's result message).
    const result = page.getByRole('dialog', { name: 'テスト通報の結果' });
    await expect(result.textContent()).resolves.toContain('通報成功');
    await expect(result.textContent()).resolves.toContain('03-1234-5678');
    await result.getByRole('button', { name: 'OK' }).click();
    await shot(page, 'route-dialup-test');
    expect(modem.dials).toEqual(['ATDT03-1234-5678']);
    expect(modem.frames[0]?.report).toMatchObject({ kind: 'test', target: 'primary' });
    expect((await cli('config', 'get', 'activation.state')).stdout.trim()).toBe('tested');
  }, 90_000);
});
