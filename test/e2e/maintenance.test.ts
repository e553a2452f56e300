/**
 * 保守中 in the window (issue 11 section 2), in Debian chromium against `express-report serve`, the real service and a
 * real HTTPS receiver, clicking by the labels: ツール → 保守中にする… (greyed until 運用中) opens the dialog with its end
 * time and reason; OK pauses (the receiver gets the maintenance start notice) and the state bar shows 保守中 HH:MM まで;
 * 保守を終了 (greyed until paused) with 送信する ends it, the center is told, and the slot goes.
 */
import { describe, it, expect } from 'vitest';
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Page } from 'playwright-core';
import { openWindow, shot, storyWithService } from './harness.js';
import { type MaintenanceNotice } from '../../shared/host/maintenance.js';

const { app, browser, receiver } = storyWithService();

const cli = async (...args: string[]) => promisify(execFile)(process.execPath, [...app.cli, ...args], { env: { ...process.env, LANG: 'C' } });
const notices = () => receiver.received.map((r) => r.report as { kind: string; maintenance?: MaintenanceNotice }).filter((r) => r.kind === 'maintenance');
const bar = (page: Page) => page.getByRole('status', { name: '状態' });

async function toolsItem(page: Page, name: RegExp) {
  await page.getByRole('menuitem', { name: /^ツール/ }).click();
  return page.getByRole('menu', { name: 'ツール' }).getByRole('menuitem', { name });
}

describe('保守中 in the window', () => {
  it('is offered only while 運用中: greyed with the reason before the activation notification', async () => {
    const page = await openWindow(browser, app.url);
    const item = await toolsItem(page, /^保守中にする/);
    expect(await item.getAttribute('aria-disabled')).toBe('true');
    expect(await item.getAttribute('title')).toMatch(/運用中.*だけです。現在の状態: 設定済み/);
    await item.click({ force: true }); // greyed (aria-disabled): a click does nothing
    expect(await page.getByRole('dialog', { name: '保守中にする' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.close();
  }, 60_000);

  it('ツール → 保守中にする…: end time and reason, OK pauses, the center is told, the state bar shows 保守中 until HH:MM; 保守を終了 ends it', async () => {
    // 運用中 the honest way: テスト通報 and 開局通報 to the receiver.
    await cli('test-notify', '--result-mail', 'r@example.jp');
    await cli('activate-notify');
    await rm(join(app.stateDir, 'activation-notified'), { force: true }); // its configuration information is not this test's
    const page = await openWindow(browser, app.url);
    expect(await (await toolsItem(page, /^保守を終了/)).getAttribute('aria-disabled')).toBe('true');
    await page.keyboard.press('Escape');

    await (await toolsItem(page, /^保守中にする/)).click();
    const d = page.getByRole('dialog', { name: '保守中にする' });
    const until = d.getByLabel(/^終了予定時刻/);
    // The default end: 8 hours from now, as this machine's local time (datetime-local).
    const proposed = await until.inputValue();
    expect(Math.abs(new Date(proposed).getTime() - (Date.now() + 8 * 3_600_000))).toBeLessThan(5 * 60_000);
    await until.fill('2000-01-01T10:00'); // in the past: refused on its field
    await d.getByLabel(/^理由/).fill('ディスク交換');
    await d.getByRole('button', { name: 'OK' }).click();
    await d.getByRole('alert').filter({ hasText: 'ER_3093' }).waitFor();
    expect(await until.getAttribute('aria-invalid')).toBe('true');
    expect(notices()).toHaveLength(0);

    const end = new Date(Date.now() + 2 * 3_600_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    const local = `${end.getFullYear()}-${pad(end.getMonth() + 1)}-${pad(end.getDate())}T${pad(end.getHours())}:${pad(end.getMinutes())}`;
    await until.fill(local);
    await d.getByRole('button', { name: 'OK' }).click();
    await d.getByTestId('maintenance-result').filter({ hasText: '保守センターに開始を通知しました' }).waitFor({ timeout: 30_000 });
    await shot(page, 'maintenance-paused');
    expect(notices()).toHaveLength(1);
    expect(notices()[0]!.maintenance).toMatchObject({ phase: 'start', reason: 'ディスク交換' });
    expect(new Date(notices()[0]!.maintenance!.until!).getTime()).toBe(new Date(local).getTime());
    await d.getByRole('button', { name: 'OK' }).click();
    await bar(page)
      .getByTestId('maintenance')
      .filter({ hasText: `保守中 ${pad(end.getHours())}:${pad(end.getMinutes())} まで` })
      .waitFor();
    expect(await bar(page).getByTestId('state').textContent()).toBe('運用中'); // an overlay, not a state
    expect(JSON.parse((await cli('status', '--json')).stdout) as { maintenance?: unknown }).toHaveProperty('maintenance');

    // While paused: 保守中にする is greyed (already paused), 保守を終了 is offered.
    expect(await (await toolsItem(page, /^保守中にする/)).getAttribute('aria-disabled')).toBe('true');
    await page.keyboard.press('Escape');
    await (await toolsItem(page, /^保守を終了/)).click();
    const e = page.getByRole('dialog', { name: '保守を終了' });
    expect(await e.getByTestId('maintenance-reason').textContent()).toBe('ディスク交換');
    expect(await e.getByRole('radio', { name: '送信する' }).isChecked()).toBe(true);
    await e.getByRole('button', { name: 'OK' }).click();
    await e.waitFor({ state: 'detached' });
    await bar(page).getByTestId('maintenance').waitFor({ state: 'detached' });
    await expect.poll(() => notices().filter((n) => n.maintenance?.phase === 'end').length, { timeout: 30_000 }).toBe(1);
    expect(notices().at(-1)!.maintenance).toMatchObject({ phase: 'end', endedBy: 'user', reason: 'ディスク交換' });
    await shot(page, 'maintenance-ended');
    await page.close();
  }, 120_000);
});
