/**
 * 通報テスト from the event tree, end to end: the real window in Chromium → `serve` → the running service → log
 * collection (a real AMHTPLOG.INF command) → a real HTTPS receiver; the window follows the report to 送信済み.
 */
import { describe, it, expect } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openWindow, shot, storyWithService } from './harness.js';
import { installScript, unzipped } from '../helpers/collect.js';

const { app, browser, receiver } = storyWithService({
  // 運用中 the honest way (no setting changes the state): テスト通報 then 開局通報, both to the receiver. The configuration
  // information that follows 開局通報 is not this test's subject: its marker goes.
  state: 'active',
  prepare: async () => {
    const inf = join(app.configDir, 'WebReprt');
    await mkdir(join(app.base, 'tools'));
    await mkdir(join(app.base, 'work'));
    const command = await installScript('write-log.sh', join(app.base, 'tools'));
    await writeFile(
      join(inf, 'AMHTPLOG.INF'),
      [
        '[Configuration]',
        'TimeOut=60',
        'MaxSize=0',
        '[DefaultTools]',
        `Command="${command}"`,
        `LogFile="${join(app.base, 'work', 'out')}"`,
        `Directory="${join(app.base, 'work')}"`,
        '',
      ].join('\r\n'),
    );
  },
});

describe('通報テスト in the window', () => {
  it('runs the real collection and shows the report through to 送信済み', async () => {
    const page = await openWindow(browser, app.url);
    const tree = page.getByRole('navigation', { name: 'イベントツリー' });
    await tree.locator('li[tabindex="0"]', { hasText: '0xc0040006' }).click({ button: 'right' });
    await page.getByRole('menuitem', { name: '通報テスト' }).click();
    const box = page.getByRole('region', { name: '通報テストの経過' });
    await box.locator('li[data-phase="sent"][aria-current="step"]').waitFor({ timeout: 30_000 });
    await shot(page, 'event-test-progress');
    expect(await box.locator('li[data-phase="sent"]').textContent()).toMatch(/送信済み: URL1/);
    // The success line, not numbered like an error (its code is on the line's data-code, not in its text).
    await page.getByRole('region', { name: 'イベント' }).locator('li[data-code="ER_6027"]').waitFor();

    const got = receiver.received.find((r) => (r.report as { event?: { id: number } }).event?.id === 0xc0040006);
    const zip = got?.parts.find((p) => p.filename?.endsWith('.zip'));
    expect(zip, 'the report carries the collected logs').toBeDefined();
    expect((await unzipped(zip!.content, join(app.base, 'unzipped'))).some((n) => n.endsWith('out/collected.log'))).toBe(true);
  }, 90_000);
});
