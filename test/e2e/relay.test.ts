/**
 * The manager relay in the window (issue 13), in Debian chromium against two `express-report serve` windows, clicking by
 * the labels: a manager (its real service process receiving on a free port, forwarding over HTTPS to a real receiver on
 * loopback) and an agent. The agent's HTTPS basic settings → [マネージャ経由] → 宛先設定... → the manager's address and
 * テスト通報(T): the test goes through the manager to the center, with the agent's identity, and OK saves マネージャ経由.
 * Then the manager's window: ツール → エージェント一覧 lists the agent by identity, 通報サービスの状態 shows the port
 * receiving, and its HTTPS relay dialog shows that port.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import { type Browser, type Page } from 'playwright-core';
import { activateByKeyCode, launchChromium, openWindow, shot, startServe, type RunningApp } from './harness.js';
import { activatedMachine, startCenter, startService, until, type Center, type ServiceProcess } from '../helpers/service-process.js';

let manager: RunningApp;
let agent: RunningApp;
let center: Center;
let service: ServiceProcess | undefined;
let browser: Browser;
let port: number;

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const p = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return p;
}

const cli = async (app: RunningApp, ...args: string[]) =>
  (await promisify(execFile)(process.execPath, [...app.cli, ...args], { env: { ...process.env, LANG: 'C' } })).stdout.trim();

async function toolsItem(page: Page, name: RegExp) {
  await page.getByRole('menuitem', { name: /^ツール/ }).click();
  return page.getByRole('menu', { name: 'ツール' }).getByRole('menuitem', { name });
}

async function methods(page: Page) {
  await page.getByRole('menuitem', { name: /^設定/ }).click();
  await page
    .getByRole('menu', { name: '設定' })
    .getByRole('menuitem', { name: /^通報基本設定/ })
    .click();
  return page.getByRole('dialog', { name: '通報基本設定' });
}

beforeAll(async () => {
  port = await freePort();
  manager = await startServe();
  center = await startCenter(manager.base);
  // The manager itself reports over HTTPS to the receiver and forwards its agents' HTTPS reports there.
  await activatedMachine(manager.base, {
    url: center.receiver.url,
    caFile: center.caFile,
    settings: ['relay.https.enabled', 'on', 'relay.https.port', String(port)],
    madeByServe: true,
  });
  service = await startService({ argv: manager.cli, stateDir: manager.stateDir }, ['--no-os-events']);
  agent = await startServe();
  await activateByKeyCode(agent);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await service?.stop();
  await center?.receiver.close();
  await agent?.stop();
  await manager?.stop();
});

describe('the manager relay in the window', () => {
  it('agent: [マネージャ経由] → 宛先設定... → テスト通報(T) reaches the center through the manager; OK saves マネージャ経由', async () => {
    const page = await openWindow(browser, agent.url);
    const list = await methods(page);
    await list.getByRole('button', { name: 'エクスプレス通報サービス(HTTPS)の設定' }).click();
    const https = page.getByRole('dialog', { name: 'エクスプレス通報サービス(HTTPS)の基本設定' });
    await https.getByLabel('マネージャ経由', { exact: true }).check();
    await https.getByRole('button', { name: 'マネージャ経由の宛先設定...' }).click();

    const d = page.getByRole('dialog', { name: 'エクスプレス通報サービス(HTTPS)(マネージャ経由)の設定' });
    await d.getByRole('textbox', { name: /^IPアドレス\(またはホスト名\)/ }).fill('127.0.0.1');
    await d.getByRole('textbox', { name: /^ポート番号/ }).fill(String(port));
    await shot(page, 'relay-agent-https-manager');
    await d.getByRole('button', { name: 'テスト通報(T)' }).click();
    await page.getByRole('dialog', { name: 'テスト通報結果送付先の選択' }).getByRole('button', { name: 'OK' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'はい' }).click();

    const result = page.getByRole('dialog', { name: 'テスト通報の結果' });
    await result.waitFor({ timeout: 60_000 });
    expect(await result.getByTestId('notify-attempt').getAttribute('data-ok')).toBe('true');
    expect(await result.textContent()).toContain(`127.0.0.1:${port}`);
    const test = center.receiver.received
      .map((r) => r.report as { kind: string; machine: { deviceCode: string; serialNumber: string } })
      .find((r) => r.kind === 'test');
    expect(test?.machine).toMatchObject({ deviceCode: 'N8100-2810', serialNumber: '00000001' });
    await shot(page, 'relay-agent-test-result');
    await result.getByRole('button', { name: 'OK' }).click();

    await d.getByRole('button', { name: 'OK' }).click();
    await d.waitFor({ state: 'detached' });
    expect(await cli(agent, 'config', 'get', 'https.via')).toBe('manager');
    expect(await cli(agent, 'config', 'get', 'https.manager.port')).toBe(String(port));
    await page.close();
  }, 120_000);

  it('manager: エージェント一覧 lists the agent by identity; 通報サービスの状態 and the HTTPS relay dialog show the port', async () => {
    const page = await openWindow(browser, manager.url);
    await (await toolsItem(page, /^エージェント一覧/)).click();
    const agents = page.getByRole('dialog', { name: 'エージェント一覧' });
    await until(
      async () => {
        await agents.getByRole('button', { name: '最新の情報に更新' }).click();
        return (await agents.locator('tr[data-identity="N8100-2810:00000001"]').count()) === 1;
      },
      30_000,
      'the agent in the list',
    );
    const row = agents.locator('tr[data-identity="N8100-2810:00000001"]');
    expect(await row.getByRole('rowheader').textContent()).toBe('N8100-2810:00000001');
    expect(await row.textContent()).toContain('127.0.0.1');
    await shot(page, 'relay-manager-agents');
    await agents.getByRole('button', { name: '閉じる' }).click();

    await (await toolsItem(page, /^通報サービスの状態/)).click();
    const status = page.getByRole('dialog', { name: '通報サービスの状態' });
    const relay = status.getByTestId('status-relay');
    await relay.waitFor();
    expect(await relay.locator('li[data-kind="https"]').textContent()).toBe(`マネージャからのエクスプレス通報(HTTPS): ポート ${port} 受信中`);
    await status.getByRole('button', { name: '閉じる' }).click();

    const list = await methods(page);
    await list.getByRole('button', { name: 'マネージャからのエクスプレス通報(HTTPS)の設定' }).click();
    const d = page.getByRole('dialog', { name: 'マネージャからのエクスプレス(HTTPS)通報の基本設定' });
    expect(await d.getByRole('textbox', { name: 'ポート番号(P)' }).inputValue()).toBe(String(port));
    expect(await d.textContent()).toContain('エージェント側を設定してください');
    await page.close();
  }, 120_000);
});
