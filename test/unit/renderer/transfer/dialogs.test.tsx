// @vitest-environment jsdom
/**
 * The ファイル menu's transfer dialogs (docs/settings-transfer.md, "The window"), in the whole window against a fake
 * HostApi: エクスポート (scope, personal, the passphrase twice), インポート (file, passphrase, groups, other machine, the
 * preview with its filter, OK applies), エクスポートを開く (the window becomes the read-only view: banner, every control
 * disabled, the writing items greyed).
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { type AppSnapshot, type HostApi, type ImportRow } from '../../../../shared/host/api.js';
import { problem } from '../../../../shared/messages/problem.js';
import { createAppStore, type AppStore, type DialogId } from '../../../../renderer/store.js';
import { StoreContext } from '../../../../renderer/store-context.js';
import { App } from '../../../../renderer/app/App.js';
import { loadDialogs } from '../../../../renderer/app/dialogs.js';
import { fakeHost, snapshotOf, type Answers, type FakeHost } from '../fake-host.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

async function showWindow(answers: Answers = {}, snap: AppSnapshot = snapshotOf(), dialog?: DialogId): Promise<{ host: FakeHost; store: AppStore }> {
  const host = fakeHost(snap, answers);
  const store = createAppStore(host as unknown as HostApi);
  store.setState({ lang: 'ja', snapshot: snap });
  await act(async () => {
    render(
      <StoreContext.Provider value={store}>
        <App onExit={() => undefined} />
      </StoreContext.Provider>,
    );
  });
  if (dialog) await act(async () => store.getState().open(dialog));
  return { host, store };
}

const click = async (el: HTMLElement) => act(async () => void fireEvent.click(el));
const type = async (el: HTMLElement, value: string) => act(async () => void fireEvent.change(el, { target: { value } }));
const dialog = (name: string | RegExp) => screen.getByRole('dialog', { name });
/** A file chosen in the hidden input of 参照(B)... (the page reads it and keeps it as base64). */
async function choose(testId: string, name: string, bytes: string): Promise<void> {
  const input = screen.getByTestId(testId);
  await act(async () => {
    fireEvent.change(input, { target: { files: [new File([bytes], name, { type: 'application/zip' })] } });
  });
  await act(async () => new Promise((r) => setTimeout(r, 10)));
}

const row = (key: string, status: ImportRow['status'], from: string, to: string): ImportRow => ({
  group: 'routes',
  key,
  label: { ja: `ラベル ${key}`, en: `label ${key}` },
  status,
  from,
  to,
});

// The dialogs' chunk loaded first, as the window does when idle after it is ready (renderer/app/dialogs.ts).
beforeAll(() => loadDialogs());
beforeAll(() => {
  Element.prototype.scrollIntoView = () => undefined;
  URL.createObjectURL = () => 'blob:x';
  URL.revokeObjectURL = () => undefined;
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('ファイル → エクスポート', () => {
  it('a transfer export asks the passphrase twice: too short and different are said at their fields; then the host builds it', async () => {
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { host } = await showWindow({}, snapshotOf(), 'export');
    const d = dialog('エクスポート');
    expect(within(d).getByLabelText(/サポート用/)).toHaveProperty('checked', true);
    expect(within(d).getByLabelText('含めない(O)')).toHaveProperty('checked', true);
    await click(within(d).getByLabelText(/移行用/));
    const pass = within(d).getByLabelText('パスフレーズ(P)');
    const again = within(d).getByLabelText('パスフレーズの確認(C)');
    expect(within(d).queryByLabelText('含めない(O)')).toBeNull(); // a transfer export always holds personal data
    await type(pass, 'short');
    await click(within(d).getByRole('button', { name: 'OK' }));
    expect(within(d).getByRole('alert').textContent).toContain('ER_3528');
    expect(pass.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(pass);
    await type(pass, 'long enough phrase');
    await type(again, 'long enough phrasE');
    await click(within(d).getByRole('button', { name: 'OK' }));
    expect(within(d).getByRole('alert').textContent).toContain('ER_3529');
    expect(host.exportSettings).not.toHaveBeenCalled();
    await type(again, 'long enough phrase');
    await click(within(d).getByRole('button', { name: 'OK' }));
    expect(host.exportSettings).toHaveBeenCalledWith({ scope: 'transfer', personal: 'omit', passphrase: 'long enough phrase' });
    expect(clicked).toHaveBeenCalledOnce();
    expect(screen.getByTestId('export-result').textContent).toContain('export.zip');
  });

  it('a support export sends no passphrase; personal data can be included; a refusal of the host is shown', async () => {
    const { host } = await showWindow(
      { exportSettings: async () => ({ ok: false, problems: [problem('ER_3502', { reason: 'EACCES' })] }) },
      snapshotOf(),
      'export',
    );
    const d = dialog('エクスポート');
    await click(within(d).getByLabelText('含める(I)'));
    await click(within(d).getByRole('button', { name: 'OK' }));
    expect(host.exportSettings).toHaveBeenCalledWith({ scope: 'support', personal: 'include' });
    expect(within(d).getByRole('alert').textContent).toContain('ER_3502');
  });
});

describe('ファイル → インポート', () => {
  const rows = [
    row('https.proxy.host', 'changed', 'old.example.jp', 'proxy.example.jp'),
    row('https.proxy.port', 'same', '8080', '8080'),
    row('https.proxy.password', 'kept secret', '(set)', '(set)'),
  ];

  it('checks the chosen file with the passphrase and groups, shows the preview with a filter, and OK applies it', async () => {
    const { host, store } = await showWindow(
      (held) => ({
        previewImport: async () => ({ ok: true, rows, count: 1, notes: [], activates: false }),
        applyImport: async () => ({ ok: true, count: 1, snapshot: held.keep(snapshotOf({ 'https.proxy.host': 'proxy.example.jp' })), warnings: [] }),
      }),
      snapshotOf(),
      'import',
    );
    const d = dialog('インポート');
    await click(within(d).getByRole('button', { name: '確認(K)' }));
    expect(within(d).getByRole('alert').textContent).toContain('ER_3530');
    expect(host.previewImport).not.toHaveBeenCalled();
    await choose('import-file', 'a.zip', 'PK-bytes');
    expect(screen.getByTestId('import-file-name').textContent).toBe('a.zip');
    await type(within(d).getByLabelText('パスフレーズ(P)'), 'correct horse');
    await click(within(d).getByLabelText('定義ファイル(D)'));
    await click(within(d).getByLabelText(/別の装置/));
    await click(within(d).getByRole('button', { name: '確認(K)' }));
    expect(host.previewImport).toHaveBeenCalledWith({
      file: { name: 'a.zip', contentBase64: btoa('PK-bytes') },
      only: ['activation', 'routes', 'schedule'],
      otherMachine: true,
      passphrase: 'correct horse',
    });
    const p = dialog(/変更点/);
    const table = within(p).getByTestId('import-preview');
    // The default filter: what changes only.
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.getAttribute('data-key')),
    ).toEqual(['https.proxy.host']);
    expect(within(table).getByRole('rowheader').textContent).toBe('ラベル https.proxy.host');
    await act(async () => void fireEvent.change(within(p).getByLabelText('表示(F)'), { target: { value: 'all' } }));
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    await act(async () => void fireEvent.change(within(p).getByLabelText('表示(F)'), { target: { value: 'kept' } }));
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.getAttribute('data-key')),
    ).toEqual(['https.proxy.password']);
    expect(host.applyImport).not.toHaveBeenCalled();
    await click(within(p).getByRole('button', { name: 'OK' }));
    expect(host.applyImport).toHaveBeenCalledOnce();
    expect(screen.getByTestId('import-result').getAttribute('data-code')).toBe('ER_6801');
    expect(store.getState().snapshot?.settings['https.proxy.host']).toBe('proxy.example.jp');
  });

  it('a wrong passphrase is said at the passphrase field; no group chosen is refused; キャンセル writes nothing', async () => {
    const { host, store } = await showWindow(
      { previewImport: async () => ({ ok: false, rows: [], problems: [problem('ER_3518', { file: 'a.zip' })] }) },
      snapshotOf(),
      'import',
    );
    const d = dialog('インポート');
    await choose('import-file', 'a.zip', 'PK');
    for (const k of ['開局・登録情報(A)', '通報手段(R)', 'スケジュール(S)', '定義ファイル(D)']) await click(within(d).getByLabelText(k));
    await click(within(d).getByRole('button', { name: '確認(K)' }));
    expect(within(d).getByRole('alert').textContent).toContain('ER_3531');
    await click(within(d).getByLabelText('通報手段(R)'));
    await click(within(d).getByRole('button', { name: '確認(K)' }));
    const pass = within(d).getByLabelText('パスフレーズ(P)');
    expect(pass.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(pass.getAttribute('aria-describedby')!.split(' ').at(-1)!)?.textContent).toContain('ER_3518');
    await click(within(d).getByRole('button', { name: 'キャンセル' }));
    expect(store.getState().dialogs).toEqual([]);
    expect(host.applyImport).not.toHaveBeenCalled();
  });
});

describe('ファイル → エクスポートを開く and the read-only view', () => {
  it('opens the chosen export as a view of the host (the window switches to it)', async () => {
    const banner = { file: 'a.zip', serverName: 'SERVER001', createdAt: '2026-12-03T08:00:00.000Z', scope: 'support' as const };
    const { host, store } = await showWindow({ openView: async () => ({ ok: true, view: 'v'.repeat(24), banner }) }, snapshotOf(), 'open-export');
    const d = dialog('エクスポートを開く');
    await click(within(d).getByRole('button', { name: 'OK' }));
    expect(within(d).getByRole('alert').textContent).toContain('ER_3530');
    await choose('open-export-file', 'a.zip', 'PK');
    await click(within(d).getByRole('button', { name: 'OK' }));
    expect(host.openView).toHaveBeenCalledWith({ file: { name: 'a.zip', contentBase64: btoa('PK') } });
    expect(store.getState().view).toEqual({ id: 'v'.repeat(24), banner });
    expect(store.getState().dialogs).toEqual([]);
  });

  it('a view: the banner names file, server and date; every input of the window and its dialogs is disabled; writing items greyed', async () => {
    const view = { file: 'a.zip', serverName: 'SERVER001', createdAt: '2026-12-03T08:00:00.000Z', scope: 'support' as const };
    const closed = vi.fn();
    const snap = snapshotOf({ 'https.proxy.host': 'proxy.example.jp' }, { view });
    const host = fakeHost(snap);
    const store = createAppStore(host as unknown as HostApi);
    store.setState({ lang: 'ja', snapshot: snap });
    await act(async () => {
      render(
        <StoreContext.Provider value={store}>
          <App onExit={() => undefined} onCloseView={closed} />
        </StoreContext.Provider>,
      );
    });
    const b = screen.getByTestId('view-banner');
    expect(b.textContent).toContain('読み取り専用');
    expect(b.textContent).toContain('a.zip');
    expect(b.textContent).toContain('SERVER001');
    expect(b.textContent).toContain('2026');
    await act(async () => store.getState().open('https'));
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    const inputs = [...document.querySelectorAll<HTMLInputElement>('input, select, textarea')];
    expect(inputs.length).toBeGreaterThan(3);
    expect(inputs.filter((i) => !i.disabled).map((i) => i.name || i.id)).toEqual([]);
    await act(async () => store.getState().close('https'));
    await click(screen.getByRole('menuitem', { name: 'ファイル(F)' }));
    for (const name of ['エクスポート…(E)', 'インポート…(I)', 'エクスポートを開く…(O)']) {
      const item = screen.getByRole('menuitem', { name });
      expect(item.getAttribute('aria-disabled')).toBe('true');
      // its guide names the item as the menu shows it, never a method of the host
      expect(item.getAttribute('title')).toBe(
        `このウィンドウはエクスポート a.zip の読み取り専用の表示のため、[${name.replace(/\(.\)$/, '')}] は使用できません。`,
      );
    }
    // no service is behind an export: the state bar says neither 停止中 nor 稼働中
    expect(screen.getByTestId('statusbar').textContent).toContain('サービス: -');
    expect(screen.getByTestId('statusbar').textContent).not.toContain('停止中');
    await click(within(b).getByRole('button', { name: '閉じる(C)' }));
    expect(closed).toHaveBeenCalledOnce();
  });
});
