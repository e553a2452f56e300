/**
 * Which service the window uses (issue 15), in Debian chromium: serve in a portable run (no system service installed:
 * an empty unit-path list) starts the service as its child, and the state bar says so: サービス: 稼働中 (子プロセス).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { type Browser } from 'playwright-core';
import { launchChromium, openWindow, shot, startServe, type RunningApp } from './harness.js';
import { processCli } from '../helpers/process-cli.js';
import { SYSTEM_UNIT_PATHS_ENV } from '../../shared/node/service-presence.js';

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startServe(
    async (base) => {
      // The service needs a config folder (init), as after the first start of the window.
      const r = await processCli(join(base, 'config'), join(base, 'state')).run(['init']);
      if (r.code !== 0) throw new Error(r.err);
      return { [SYSTEM_UNIT_PATHS_ENV]: '' };
    },
    [],
    { childService: true },
  );
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the state bar in a portable run', () => {
  it('says the service runs as serve’s child process', async () => {
    const page = await openWindow(browser, app.url);
    const service = page.getByRole('status', { name: '状態' }).getByTestId('service');
    await service.filter({ hasText: 'サービス: 稼働中 (子プロセス)' }).waitFor({ timeout: 60_000 });
    expect(await service.textContent()).toBe('サービス: 稼働中 (子プロセス)');
    expect(await page.getByTestId('system-service-stopped').count()).toBe(0);
    await shot(page, 'run-mode-child');
  }, 90_000);
});
