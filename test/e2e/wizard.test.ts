/** The setup utility as a new user clicks through it, in Debian chromium against `express-report serve`. */
import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Browser, type Page } from 'playwright-core';
import { KEYFILE_FIXTURES, launchChromium, openWindow, shot, startServe, type RunningApp } from './harness.js';

let browser: Browser;
let app: RunningApp | undefined;
let emptyDmi: string;

beforeAll(async () => {
  browser = await launchChromium();
  emptyDmi = await mkdtemp(join(tmpdir(), 'er-dmi-')); // no firmware identity: the fallback dialog must appear
}, 60_000);
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

async function start(): Promise<{ app: RunningApp; page: Page }> {
  app = await startServe({ EXPRESS_REPORT_DMI_DIR: emptyDmi });
  return { app, page: await openWindow(browser, app.url) };
}

/** Every file of the config folder, name -> bytes (as latin1 text). */
async function folder(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out[join(e.parentPath, e.name).slice(dir.length)] = await readFile(join(e.parentPath, e.name), 'latin1');
  }
  return out;
}

/** The utility's title names the service: …(HTTPS)設定ユーティリティ for the HTTPS service. */
const UTILITY = /^エクスプレス通報サービス(\(HTTPS\))?設定ユーティリティ$/;

async function openWizard(page: Page) {
  await page.getByRole('menuitem', { name: 'ツール(T)' }).click();
  await page.getByRole('menuitem', { name: 'エクスプレス通報サービス → サーバー' }).click();
  const wizard = page.getByRole('dialog', { name: UTILITY });
  await wizard.waitFor();
  return wizard;
}
const heading = (page: Page, name: string) => page.getByRole('heading', { name, level: 3 }).waitFor();
// 開局方式選択 is answered with 続行, the other pages with 次へ.
const next = (page: Page) => page.getByRole('button', { name: /次へ|^続行$/ }).click();

async function validate(a: RunningApp): Promise<{ code: number; out: string }> {
  try {
    const r = await promisify(execFile)(process.execPath, [...a.cli, 'validate'], { env: { ...process.env, LANG: 'C' } });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout + x.stderr };
  }
}

describe('setup utility (設定ユーティリティ)', () => {
  it('activates with a key code from start to end; the written files pass validate', async () => {
    const { app: a, page } = await start();
    await openWizard(page);
    await heading(page, '開局方式選択');
    await shot(page, '10-wizard-method');
    await page.getByLabel('いいえ、持っていません。通報開局キーコードを入力します(I)').check();
    await page.getByLabel('エクスプレス通報サービス(HTTPS)', { exact: true }).check();
    await next(page);

    await heading(page, '通報開局キーコードの入力');
    await page.getByLabel('通報開局キーコード').fill('01239');
    await page.getByLabel('テスト・開局結果返信メールアドレス').fill('reply@example.jp');
    await shot(page, '11-wizard-keycode');
    await next(page);

    const device = page.getByRole('dialog', { name: '装置の固有情報の入力' });
    await device.waitFor();
    await shot(page, '12-wizard-device-info');
    await device.getByLabel('装置コード').fill('N8100-2810');
    await device.getByLabel('製造番号').fill('00000001');
    await device.getByRole('button', { name: 'OK' }).click();

    await heading(page, '本機に関する情報');
    await page.getByLabel('サーバ名称').fill('SERVER001');
    await page.getByLabel('保証書番号').fill('99999999');
    await shot(page, '13-wizard-machine');
    await next(page);

    await heading(page, 'オプション装置情報');
    await page.getByRole('button', { name: /追加/ }).click();
    const add = page.getByRole('dialog', { name: 'オプション装置の追加' });
    await add.getByLabel('オプション装置名').fill('増設ディスク');
    await add.getByLabel('装置コード').fill('N8103-1001');
    await add.getByLabel('製造番号').fill('A0001');
    await add.getByRole('button', { name: 'OK' }).click();
    await shot(page, '14-wizard-options');
    await next(page);

    await heading(page, '販売店情報');
    await page.getByLabel('販売店名').fill('NEC');
    await page.getByLabel('担当営業電話番号').fill('03-1234-5678');
    await shot(page, '15-wizard-dealer');
    await page.getByRole('button', { name: '完了' }).click();

    await page.getByRole('dialog', { name: UTILITY }).waitFor({ state: 'detached' });
    await expect(page.getByTestId('state').textContent()).resolves.toBe('設定済み(未テスト)');
    await shot(page, '16-after-activation');
    const v = await validate(a);
    expect(v, v.out).toMatchObject({ code: 0 });
    const files = await folder(a.configDir);
    expect(files['/activation.ini']).toContain('KeyCode=01239');
    expect(files['/activation.ini']).toContain('DeviceCode=N8103-1001');
  }, 120_000);

  it('activates with a key file, warning that the server name differs from the host name (続行)', async () => {
    const { app: a, page } = await start();
    await openWizard(page);
    await page.getByLabel('はい、持っています(E)').check();
    await next(page);
    await heading(page, '開局キーファイルの指定');
    await page.getByLabel('開局キーファイル').fill(join(KEYFILE_FIXTURES, 'sample-mismatch.key'));
    await shot(page, '20-wizard-keyfile');
    await next(page);
    const warn = page.getByRole('dialog', { name: 'サーバ名称の確認' });
    await warn.waitFor();
    await expect(warn.textContent()).resolves.toContain('OTHERSRV');
    await shot(page, '21-wizard-mismatch');
    await warn.getByRole('button', { name: '続行' }).click();

    await heading(page, 'お客様に関する情報');
    await expect(page.getByLabel('お客様名称(カナ)').inputValue()).resolves.toBe('ﾆﾁﾃﾞﾝ ﾀﾛｳ');
    await shot(page, '22-wizard-customer');
    await next(page);
    await heading(page, '本機に関する情報');
    await next(page);
    await heading(page, 'オプション装置情報');
    await next(page);
    await heading(page, '販売店情報');
    await page.getByRole('button', { name: '完了' }).click();
    await page.getByRole('dialog', { name: UTILITY }).waitFor({ state: 'detached' });
    await expect(page.getByTestId('state').textContent()).resolves.toBe('設定済み(未テスト)');
    expect((await validate(a)).code).toBe(0);
    const files = await folder(a.configDir);
    expect(files['/WebReprt/AMHTPADR.INF']).toContain('https://127.0.0.1:8443/Scripts/trsRecvAlert.cgi');
  }, 120_000);

  it('終了 at the mismatch warning, and キャンセル anywhere, write nothing', async () => {
    const { app: a, page } = await start();
    const before = await folder(a.configDir);
    await openWizard(page);
    await page.getByLabel('はい、持っています(E)').check();
    await next(page);
    await page.getByLabel('開局キーファイル').fill(join(KEYFILE_FIXTURES, 'sample-mismatch.key'));
    await next(page);
    await page.getByRole('dialog', { name: 'サーバ名称の確認' }).getByRole('button', { name: '終了' }).click();
    await page.getByRole('dialog', { name: UTILITY }).waitFor({ state: 'detached' });

    await openWizard(page);
    await page.getByLabel('いいえ、持っていません。通報開局キーコードを入力します(I)').check();
    await next(page);
    await page.getByLabel('通報開局キーコード').fill('01239');
    await page.getByRole('button', { name: 'キャンセル' }).click();
    await page.getByRole('dialog', { name: UTILITY }).waitFor({ state: 'detached' });
    expect(await folder(a.configDir)).toEqual(before);
    await expect(page.getByTestId('state').textContent()).resolves.toBe('未開局');
  }, 120_000);

  it('shows each refused value next to its field and in the guide area, and stays on the page', async () => {
    const { page } = await start();
    await openWizard(page);
    await page.getByLabel('いいえ、持っていません。通報開局キーコードを入力します(I)').check();
    await page.getByLabel('エクスプレス通報サービス(HTTPS)', { exact: true }).check();
    await next(page);
    const code = page.getByLabel('通報開局キーコード');
    await code.fill('');
    await next(page);
    await page.getByRole('alert').filter({ hasText: 'ER_3001' }).first().waitFor();
    await expect(page.getByRole('alert').filter({ hasText: 'ER_3001' }).first().textContent()).resolves.toContain('通報開局キーコードを入力してください');
    await expect(page.getByTestId('guide').textContent()).resolves.toContain('ER_3001');
    await code.fill('12a45');
    await page.getByLabel('テスト・開局結果返信メールアドレス').fill('not-an-address');
    await next(page);
    await page.getByRole('alert').filter({ hasText: 'ER_3003' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'ER_3007' }).waitFor();
    await expect(page.getByRole('alert').filter({ hasText: 'ER_3003' }).count()).resolves.toBe(1);
    await expect(page.getByRole('alert').filter({ hasText: 'ER_3007' }).count()).resolves.toBe(1);
    await code.focus();
    await expect(page.getByTestId('guide').textContent()).resolves.toContain('ER_3003');
    await heading(page, '通報開局キーコードの入力');
    await shot(page, '30-wizard-errors');
  }, 120_000);

  it('closing the window mid-wizard loses nothing saved earlier and leaves no half-written file', async () => {
    const { app: a, page } = await start();
    await openWizard(page);
    await page.getByLabel('いいえ、持っていません。通報開局キーコードを入力します(I)').check();
    await next(page);
    await page.getByLabel('通報開局キーコード').fill('01239');
    const before = await folder(a.configDir);
    await page.close();
    const after = await folder(a.configDir);
    expect(after).toEqual(before);
    expect(Object.keys(after).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect((await validate(a)).code).toBe(0);
  }, 120_000);
});
