/**
 * The window's start-up (issue 16): the first load asks the host nothing (serve put windowLoad's answer into the page;
 * a reload asks once), the dialogs' chunk is not part of
 * it, and a dialog opened right after ready works while its chunk is still on the way; a chunk that cannot be fetched
 * is said (ER_8300) and the next open fetches it again.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { type Browser, type Page, type Route } from 'playwright-core';
import { launchChromium, servePerTest } from './harness.js';

let browser: Browser;
const app = servePerTest();
const CHUNK = '**/assets/dialog-table-*.js';

beforeAll(async () => {
  browser = await launchChromium();
}, 90_000);
afterAll(async () => {
  await browser?.close();
});

async function newPage(): Promise<Page> {
  return browser.newPage({ viewport: { width: 1200, height: 860 }, locale: 'ja-JP' });
}
const ready = (page: Page) => page.locator('.window[data-ready="true"]').waitFor();
const openVersion = async (page: Page) => {
  await page.getByRole('menuitem', { name: 'ヘルプ(H)' }).click();
  await page.getByRole('menuitem', { name: /バージョン情報/ }).click();
};

describe('the window start-up (serve, chromium)', () => {
  it('loads without the windowLoad call (its answer is in the page); a reload asks once; the dialogs chunk comes after ready', async () => {
    const page = await newPage();
    const seen: string[] = [];
    page.on('request', (r) => seen.push(new URL(r.url()).pathname));
    const chunk = page.waitForRequest((r) => /\/assets\/dialog-table-.*\.js$/.test(r.url()));
    await page.goto(app.url);
    await ready(page);
    // The host's answer came inside the page: no windowLoad call (the state bar asks its own after ready).
    await chunk; // preloaded when idle, without a click
    await expect(page.getByTestId('state').textContent()).resolves.toBe('未開局');
    expect(seen).not.toContain('/api/windowLoad');
    expect(seen.indexOf('/api/serviceStatus')).toBeGreaterThan(-1);
    // A reload has no token in its address (the page removed it): the page comes alone and the window asks once.
    seen.length = 0;
    let firstLoad: string[] | undefined;
    page.on('response', (r) => {
      if (new URL(r.url()).pathname === '/api/windowLoad') firstLoad ??= [...seen];
    });
    await page.reload();
    await ready(page);
    expect(firstLoad?.filter((p) => p.startsWith('/api/'))).toEqual(['/api/windowLoad']);
    expect(firstLoad?.some((p) => p.includes('dialog-table'))).toBe(false);
    await expect(page.getByTestId('state').textContent()).resolves.toBe('未開局');
    await page.close();
  });

  it('a dialog opened right after ready opens once its chunk arrives', async () => {
    const page = await newPage();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route(CHUNK, async (route: Route) => {
      await held;
      await route.continue();
    });
    await page.goto(app.url);
    await ready(page);
    await openVersion(page);
    release();
    await page.getByRole('dialog', { name: 'バージョン情報' }).waitFor();
    await page.close();
  });

  it('a chunk that cannot be fetched is said (ER_8300); the next open fetches it again', async () => {
    const page = await newPage();
    await page.route(CHUNK, (route: Route) => route.abort());
    await page.goto(app.url);
    await ready(page);
    await openVersion(page);
    await page.locator('.event-panel li[data-code="ER_8300"]').waitFor();
    await expect(page.locator('.event-panel').textContent()).resolves.toContain('ER_8300');
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.unroute(CHUNK);
    await openVersion(page);
    await page.getByRole('dialog', { name: 'バージョン情報' }).waitFor();
    await page.close();
  });
});
