/**
 * End-to-end harness: the real command (`express-report serve`) on its own folders, and Debian's chromium driven by
 * playwright-core, as a new user would meet them. Screenshots go to test-results/screenshots/ (a CI artifact).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { stopChild } from '../helpers/peers/child.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const KEYFILE_FIXTURES = join(ROOT, 'test', 'fixtures', 'keyfile');
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface RunningApp {
  url: string;
  base: string;
  configDir: string;
  stateDir: string;
  cli: string[];
  stop(): Promise<void>;
}

export async function startServe(env: NodeJS.ProcessEnv = {}): Promise<RunningApp> {
  const base = await mkdtemp(join(tmpdir(), 'er-e2e-'));
  const configDir = join(base, 'config');
  const stateDir = join(base, 'state');
  const cli = [join(ROOT, 'bin', 'express-report.mjs'), '--config-dir', configDir, '--state-dir', stateDir];
  const child: ChildProcess = spawn(process.execPath, [...cli, 'serve'], {
    env: { ...process.env, LANG: 'ja_JP.UTF-8', EXPRESS_REPORT_KEYFILE_CA: join(KEYFILE_FIXTURES, 'test-ca.pem'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => { stderr += c.toString(); });
  const url = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', (l) => resolve(l.trim()));
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
    setTimeout(() => reject(new Error(`serve did not print its URL: ${stderr}`)), 60_000).unref();
  });
  return {
    url, base, configDir, stateDir, cli,
    stop: async () => {
      await stopChild(child);
      await rm(base, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

export async function shot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Opens the window and waits until the host answered (the state bar shows the state). */
export async function openWindow(browser: Browser, url: string, lang?: 'en'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 860 }, locale: 'ja-JP' });
  await page.goto(lang ? `${url}&lang=${lang}` : url);
  await page.locator('.window[data-ready="true"]').waitFor();
  return page;
}
