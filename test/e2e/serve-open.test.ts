/**
 * `serve --open` in a real browser (issue 10 item 7): the one-time link the browser is started with opens a working
 * window, leaves no secret in the address bar, survives a reload (the tab keeps the session), and works only once.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type Browser } from 'playwright-core';
import { ROOT, launchChromium, openWindow } from './harness.js';
import { stopChild } from '../helpers/peers/child.js';
import { until } from '../helpers/service-process.js';

let base: string;
let child: ChildProcess;
let browser: Browser;
let link: string;
let token: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'er-e2e-open-'));
  const recorder = join(base, 'browser.sh');
  const argvFile = join(base, 'argv.txt');
  await writeFile(recorder, `#!/bin/sh\nprintf '%s\\n' "$@" > '${argvFile}'\n`);
  await chmod(recorder, 0o755);
  child = spawn(
    process.execPath,
    [join(ROOT, 'bin', 'express-report.mjs'), '--config-dir', join(base, 'config'), '--state-dir', join(base, 'state'), 'serve', '--no-service', '--open'],
    {
      env: { ...process.env, LANG: 'C', BROWSER: recorder },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const printed = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
  token = new URL(printed.trim()).searchParams.get('token')!;
  await until(async () => (await readFile(argvFile, 'utf8').catch(() => '')).endsWith('\n'), 60_000, 'the browser command');
  link = (await readFile(argvFile, 'utf8')).trim();
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  if (child) await stopChild(child);
  await rm(base, { recursive: true, force: true });
});

describe('serve --open in chromium', () => {
  it('opens the window from the one-time link; no code or token stays in the address bar; a reload keeps working', async () => {
    expect(link).toMatch(/\?code=/);
    expect(link).not.toContain(token);
    const page = await openWindow(browser, link);
    expect(new URL(page.url()).search).toBe('');
    expect(await page.content()).not.toContain(token); // the meta element is gone once read
    await page.reload();
    await page.locator('.window[data-ready="true"]').waitFor();
    await page.close();
  });

  it('the same link again is the coded "used or expired" page', async () => {
    const page = await browser.newPage();
    const res = await page.goto(link);
    expect(res?.status()).toBe(403);
    await expect(page.locator('h1').textContent()).resolves.toBe('ER_1098');
    await page.close();
  });
});
