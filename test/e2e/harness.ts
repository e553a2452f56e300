/**
 * End-to-end harness: the real command (`express-report serve`) on its own folders, and Debian's chromium driven by
 * playwright-core, as a new user would meet them. Screenshots go to test-results/screenshots/ (a CI artifact).
 *
 * Each test gets its own configuration and state folders (`servePerTest`, the default); a file whose tests are the steps
 * of one story shares one app among them (`servePerStory`, or `startServe` in its beforeAll). Either way the folders are
 * removed when the app stops.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { stopChild } from '../helpers/peers/child.js';
import { activateArgs } from '../helpers/activation.js';
import { readThrough } from '../helpers/read-through.js';
import { type Receiver } from '../helpers/peers/https-receiver.js';
import { activatedMachine, startCenter, startService, type ServiceProcess } from '../helpers/service-process.js';
import { SYSTEM_UNIT_PATHS_ENV } from '../../shared/node/service-presence.js';

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

/** The environment of serve, or a function making it inside the app's fresh folder (removed with it on stop). */
export type ServeEnv = NodeJS.ProcessEnv | ((base: string) => NodeJS.ProcessEnv | Promise<NodeJS.ProcessEnv>);

/**
 * `args`: more of serve's options (`--view FILE`). serve starts no service of its own (`--no-service`: a test starts
 * one when it needs it) unless `o.childService` (serve's portable run: its child, `--run-mode child`).
 */
export async function startServe(given: ServeEnv = {}, args: string[] = [], o: { childService?: boolean } = {}): Promise<RunningApp> {
  const base = await mkdtemp(join(tmpdir(), 'er-e2e-'));
  const env = typeof given === 'function' ? await given(base) : given;
  const configDir = join(base, 'config');
  const stateDir = join(base, 'state');
  const cli = [join(ROOT, 'bin', 'express-report.mjs'), '--config-dir', configDir, '--state-dir', stateDir];
  const child: ChildProcess = spawn(process.execPath, [...cli, 'serve', ...(o.childService ? [] : ['--no-service']), ...args], {
    // No system service for the window to find, even while a package test has one installed on this machine.
    env: { ...process.env, LANG: 'ja_JP.UTF-8', EXPRESS_REPORT_KEYFILE_CA: join(KEYFILE_FIXTURES, 'test-ca.pem'), [SYSTEM_UNIT_PATHS_ENV]: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', (l) => resolve(l.trim()));
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
    setTimeout(() => reject(new Error(`serve did not print its URL: ${stderr}`)), 60_000).unref();
  });
  return {
    url,
    base,
    configDir,
    stateDir,
    cli,
    stop: async () => {
      await stopChild(child);
      await rm(base, { recursive: true, force: true });
    },
  };
}

export interface ServeOptions {
  env?: ServeEnv;
  /** Readies the fresh app before the test (activation, files): what a field engineer did before opening the window. */
  prepare?: (app: RunningApp) => Promise<void>;
}

/** The app of the test running now, read through: `app.url` is the current test's own app. */
function current(get: () => RunningApp | undefined): RunningApp {
  const app = (): RunningApp => {
    const a = get();
    if (!a) throw new Error("no app: serve starts in the test's hooks");
    return a;
  };
  return {
    get url() {
      return app().url;
    },
    get base() {
      return app().base;
    },
    get configDir() {
      return app().configDir;
    },
    get stateDir() {
      return app().stateDir;
    },
    get cli() {
      return app().cli;
    },
    stop: () => app().stop(),
  };
}

/**
 * The default: serve on its own fresh folders for each test of the file (or describe) this is called in, stopped and
 * its folders removed after the test.
 */
export function servePerTest(o: ServeOptions = {}): RunningApp {
  let app: RunningApp | undefined;
  beforeEach(async () => {
    app = await startServe(o.env);
    await o.prepare?.(app);
  }, 90_000);
  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });
  return current(() => app);
}

/** For tests that are the steps of one story: one app on fresh folders for all of them, stopped and removed after. */
export function servePerStory(o: ServeOptions = {}): RunningApp {
  let app: RunningApp | undefined;
  beforeAll(async () => {
    app = await startServe(o.env);
    await o.prepare?.(app);
  }, 90_000);
  afterAll(async () => {
    await app?.stop();
    app = undefined;
  });
  return current(() => app);
}

/**
 * Activated for the HTTPS service by the command line (key code, SERVER001), headless, as a field engineer would before
 * opening the window: a `prepare` for servePerTest / servePerStory. `more`: further options of `activate`.
 */
export async function activateByKeyCode(app: Pick<RunningApp, 'cli'>, more: string[] = []): Promise<void> {
  await promisify(execFile)(process.execPath, [...app.cli, ...activateArgs('SERVER001', more)]);
}

export interface StoryWithService {
  app: RunningApp;
  browser: Browser;
  /** The center the machine reports to. */
  receiver: Receiver;
}

/**
 * For the steps of one story with the service running: serve on fresh folders, a center (HTTPS receiver, test CA) in
 * them, the machine activated by the command line and pointed at it (suppression off; `state` reached by real
 * notifications), `prepare`, then `express-report service` on serve's folders and chromium; all stopped after.
 */
export function storyWithService(o: { state?: 'active'; prepare?: (app: RunningApp) => Promise<void> } = {}): StoryWithService {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  let receiver: Receiver | undefined;
  let service: ServiceProcess | undefined;
  beforeAll(async () => {
    app = await startServe();
    const center = await startCenter(app.base);
    receiver = center.receiver;
    await activatedMachine(app.base, {
      url: receiver.url,
      caFile: center.caFile,
      settings: ['suppression.use', 'off'],
      ...(o.state ? { state: o.state } : {}),
      madeByServe: true,
    });
    await o.prepare?.(app);
    service = await startService({ argv: app.cli, stateDir: app.stateDir }, ['--no-os-events']);
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
    await receiver?.close();
    await app?.stop();
  });
  return { app: current(() => app), browser: readThrough(() => browser, 'browser'), receiver: readThrough(() => receiver, 'center') };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
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

/**
 * The setup utility's last pages as they are, by their labels: オプション装置情報 → 次へ → 販売店情報 → 完了; resolves
 * once `utility` (its dialog) is closed.
 */
export async function finishUtility(page: Page, utility: Locator): Promise<void> {
  const heading = (name: string) => page.getByRole('heading', { name, level: 3 }).waitFor();
  await heading('オプション装置情報');
  await page.getByRole('button', { name: /次へ|^続行$/ }).click();
  await heading('販売店情報');
  await page.getByRole('button', { name: '完了' }).click();
  await utility.waitFor({ state: 'detached' });
}
