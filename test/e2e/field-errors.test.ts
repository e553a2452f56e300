/**
 * Errors written for the customer (issue 11 section 4), in Chromium against `express-report serve`, clicked by the
 * window's labels: OK in the HTTPS basic settings with a CA file that does not exist is refused at once by the host,
 * the message names 追加の CA 証明書ファイル (not https.caFile), the field is marked and has the keyboard, and the
 * system's ENOENT text is on a details line of its own below our sentence; full-width digits in タイムアウト時間 are
 * refused saying 半角. The same in English. Nothing is written while refused.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { activateByKeyCode, launchChromium, openWindow, servePerTest, shot } from './harness.js';

let browser: Browser;
const app = servePerTest({ prepare: activateByKeyCode });

beforeAll(async () => {
  browser = await launchChromium();
}, 90_000);
afterAll(async () => {
  await browser?.close();
});

const routes = () => readFile(join(app.configDir, 'routes.ini'), 'utf8');

interface Words {
  settings: string;
  methods: string;
  methodsTitle: string;
  https: string;
  title: string;
  ca: string;
  timeout: string;
  details: string;
  missing(path: string): string;
  halfWidth: RegExp;
}
const JA: Words = {
  settings: '設定(S)',
  methods: '通報基本設定',
  methodsTitle: '通報基本設定',
  https: 'エクスプレス通報サービス(HTTPS)の設定',
  title: 'エクスプレス通報サービス(HTTPS)の基本設定',
  ca: '追加の CA 証明書ファイル',
  timeout: 'タイムアウト時間',
  details: '詳細',
  missing: (p) => `ER_3071 追加の CA 証明書ファイルに指定したファイル ${p} がありません。`,
  halfWidth: /^ER_3070 タイムアウト時間は半角数字で入力してください/,
};
const EN: Words = {
  settings: 'Settings(S)',
  methods: 'Basic notification settings',
  methodsTitle: 'Basic notification settings',
  https: 'Express Report Service (HTTPS) settings',
  title: 'Express Report Service (HTTPS): basic settings',
  ca: 'Extra CA bundle',
  timeout: 'Timeout',
  details: 'Details',
  missing: (p) => `ER_3071 The file ${p} given in Extra CA bundle does not exist.`,
  halfWidth: /^ER_3070 Timeout must be typed in half-width digits/,
};

async function httpsDialog(page: Page, w: Words): Promise<Locator> {
  await page.getByRole('menuitem', { name: w.settings }).click();
  await page.getByRole('menuitem', { name: w.methods }).click();
  await page.getByRole('dialog', { name: w.methodsTitle }).getByRole('button', { name: w.https }).click();
  const d = page.getByRole('dialog', { name: w.title });
  await d.waitFor();
  return d;
}

/** The field with the keyboard, by its setting (data-key), and whether it is marked. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { key: el?.getAttribute('data-key'), invalid: el?.getAttribute('aria-invalid'), border: el ? getComputedStyle(el).borderTopColor : '' };
  });

async function refusedField(page: Page, w: Words, lang: string): Promise<void> {
  const d = await httpsDialog(page, w);
  const missing = join(app.base, `no-such-ca-${lang}.pem`);
  const ca = d.getByLabel(w.ca, { exact: true });
  await ca.fill(missing);
  await d.getByRole('button', { name: 'OK' }).click();

  // The message beside the field: our sentence, naming the field by its label; the system's words apart, collapsed.
  const alert = d.getByRole('alert').filter({ hasText: 'ER_3071' });
  await alert.waitFor();
  // Marked and given the keyboard (before anything else is clicked).
  await expect(ca.getAttribute('aria-invalid')).resolves.toBe('true');
  expect(await focused(page)).toEqual({ key: 'https.caFile', invalid: 'true', border: 'rgb(176, 0, 32)' });
  await expect(alert.locator('.problem-text').textContent()).resolves.toBe(w.missing(missing));
  await expect(alert.textContent()).resolves.not.toContain('https.caFile');
  const details = alert.locator('details.problem-detail');
  await expect(details.evaluate((e) => (e as HTMLDetailsElement).open)).resolves.toBe(false);
  await expect(details.locator('summary').textContent()).resolves.toBe(w.details);
  await expect(details.locator('.problem-detail-text').isVisible()).resolves.toBe(false);
  const sentenceBox = await alert.locator('.problem-text').boundingBox();
  const detailsBox = await details.boundingBox();
  expect(detailsBox!.y).toBeGreaterThanOrEqual(sentenceBox!.y + sentenceBox!.height - 1); // a line of its own, below
  await details.locator('summary').click();
  await expect(details.locator('.problem-detail-text').textContent()).resolves.toMatch(/^ENOENT: no such file or directory/);

  await shot(page, `50-field-error-${lang}`);
  expect(await routes()).not.toContain('no-such-ca');

  // Full-width digits: refused saying half-width, that field marked and focused now.
  await ca.fill('');
  await d.getByLabel(w.timeout).fill('１２０');
  await d.getByRole('button', { name: 'OK' }).click();
  const digits = d.getByRole('alert').filter({ hasText: 'ER_3070' });
  await digits.waitFor();
  await expect(digits.locator('.problem-text').textContent()).resolves.toMatch(w.halfWidth);
  expect(await focused(page)).toMatchObject({ key: 'https.timeoutSeconds', invalid: 'true' });
  expect(await routes()).not.toContain('１２０');
  await d.getByRole('button', { name: w === JA ? 'キャンセル' : 'Cancel' }).click();
}

describe('errors written for the customer', () => {
  it('Japanese: the label named, the field marked and focused, the OS text on its own details line', async () => {
    const page = await openWindow(browser, app.url);
    await refusedField(page, JA, 'ja');
    await page.close();
  });

  it('English: the same, in English', async () => {
    const page = await openWindow(browser, app.url, 'en');
    await refusedField(page, EN, 'en');
    await page.close();
  });
});
