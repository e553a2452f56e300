// @vitest-environment jsdom
/**
 * The keyboard as on Windows (issue 11 section 5): the menu bar (F10 / Alt, arrows, access keys), Enter on the default
 * button, the keyboard back on the opener when a dialog closes, a dialog opening on its first editable field, and the
 * dialogs' own access keys (Alt + letter in the window in front). Against a fake HostApi, in the whole window (App).
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { type Settings } from '../../../shared/settings/schema.js';
import { type AppSnapshot, type HostApi, type SaveRequest } from '../../../shared/host/api.js';
import { createAppStore, type AppStore, type DialogId } from '../../../renderer/store.js';
import { StoreContext } from '../../../renderer/store-context.js';
import { App } from '../../../renderer/app/App.js';
import { loadDialogs } from '../../../renderer/app/dialogs.js';
import { fakeHost, snapshotOf, type FakeHost as Fake } from './fake-host.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

async function showWindow(dialogs: DialogId[] = [], over: Partial<Settings> = {}): Promise<{ host: Fake; store: AppStore }> {
  const host = fakeHost(snapshotOf(over));
  const store = createAppStore(host as unknown as HostApi);
  store.setState({ lang: 'ja', snapshot: await (host.snapshot as () => Promise<AppSnapshot>)() });
  await act(async () => {
    render(
      <StoreContext.Provider value={store}>
        <App onExit={() => undefined} />
      </StoreContext.Provider>,
    );
  });
  for (const d of dialogs)
    await act(async () => {
      store.getState().open(d);
    });
  return { host, store };
}

/** A key pressed on whatever has the keyboard (as a user does: the event goes to the focused element). */
async function press(key: string, init: KeyboardEventInit = {}): Promise<void> {
  const target = document.activeElement ?? document.body;
  const code = /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : key;
  await act(async () => {
    fireEvent.keyDown(target, { key, code, ...init });
    fireEvent.keyUp(target, { key, code, ...init });
  });
}
const focused = (): string => {
  const el = document.activeElement as HTMLElement | null;
  return el?.getAttribute('aria-label') ?? el?.textContent ?? '';
};
const isOpen = (store: AppStore, d: DialogId) => store.getState().dialogs.includes(d);

// The dialogs' chunk loaded first, as the window does when idle after it is ready (renderer/app/dialogs.ts).
beforeAll(() => loadDialogs());
beforeAll(() => {
  Element.prototype.scrollIntoView = () => undefined;
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the menu bar in the window', () => {
  it('F10 enters it; arrows move; Enter runs; the dialog gives the keyboard back to the menu title', async () => {
    const { store } = await showWindow();
    await press('F10');
    expect(focused()).toBe('ファイル(F)');
    await press('ArrowRight');
    expect(focused()).toBe('設定(S)');
    await press('ArrowDown');
    expect(screen.getByRole('menu', { name: '設定' })).toBeTruthy();
    expect(focused()).toBe('通報基本設定(B)');
    await press('ArrowDown');
    expect(focused()).toBe('通報先リストの設定(L)');
    await press('ArrowDown');
    expect(focused()).toBe('通報基本設定(B)');
    await press('ArrowRight');
    expect(screen.getByRole('menu', { name: 'ツール' })).toBeTruthy();
    expect(screen.queryByRole('menu', { name: '設定' })).toBeNull();
    expect(focused()).toBe('エクスプレス通報サービス → サーバー(E)');
    await press('End');
    expect(focused()).toBe('エージェント一覧(A)');
    await press('Escape');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(focused()).toBe('ツール(T)');
    await press('ArrowLeft');
    await press('Enter');
    expect(focused()).toBe('通報基本設定(B)');
    await press('Enter');
    expect(isOpen(store, 'methods')).toBe(true);
    const dialog = screen.getByRole('dialog', { name: '通報基本設定' });
    expect(dialog.contains(document.activeElement)).toBe(true);
    await press('Escape');
    expect(isOpen(store, 'methods')).toBe(false);
    expect(focused()).toBe('設定(S)');
  });

  it('ファイル: エクスポート…(E), インポート…(I), エクスポートを開く…(O), 一括準備…(B), 終了(X) by arrows and letters', async () => {
    const { store } = await showWindow();
    await press('F10');
    expect(focused()).toBe('ファイル(F)');
    await press('ArrowDown');
    expect(focused()).toBe('エクスポート…(E)');
    await press('ArrowDown');
    expect(focused()).toBe('インポート…(I)');
    await press('ArrowDown');
    expect(focused()).toBe('エクスポートを開く…(O)');
    await press('ArrowDown');
    expect(focused()).toBe('一括準備…(B)');
    await press('ArrowDown');
    expect(focused()).toBe('終了(X)');
    await press('Home');
    await press('Enter');
    expect(isOpen(store, 'export')).toBe(true);
    await press('Escape');
    expect(focused()).toBe('ファイル(F)');
    await press('Enter');
    await press('i');
    expect(isOpen(store, 'import')).toBe(true);
    await press('Escape');
    await press('Enter');
    await press('o');
    expect(isOpen(store, 'open-export')).toBe(true);
  });

  it('Alt pressed alone enters and leaves it; a title letter opens its menu; an item letter runs it', async () => {
    const { store } = await showWindow();
    const tree = screen.getByRole('tree');
    tree.tabIndex = 0;
    tree.focus();
    await press('Alt', { altKey: true });
    expect(focused()).toBe('ファイル(F)');
    await press('Alt', { altKey: true });
    expect(document.activeElement).toBe(tree);
    await press('Alt', { altKey: true });
    await press('t');
    expect(screen.getByRole('menu', { name: 'ツール' })).toBeTruthy();
    await press('s');
    expect(isOpen(store, 'service-status')).toBe(true);
    // Closed, the keyboard is back where it was before the menu bar took it.
    await press('Escape');
    expect(document.activeElement).toBe(tree);
  });

  it('Alt + a title letter opens that menu from the main window; every item shows its underlined letter and shortcut', async () => {
    await showWindow();
    await press('h', { altKey: true });
    const help = screen.getByRole('menu', { name: 'ヘルプ' });
    for (const item of within(help).getAllByRole('menuitem')) {
      const u = item.querySelector('u');
      expect(u?.textContent).toMatch(/^[A-Z]$/);
      expect(item.getAttribute('aria-keyshortcuts')).toBe(u?.textContent);
    }
    expect(screen.getByRole('menuitem', { name: 'ヘルプ(H)' }).getAttribute('aria-keyshortcuts')).toBe('Alt+H');
    expect(focused()).toBe('バージョン情報(A)');
  });

  it('keeps one title in the Tab order (roving tabindex) and names the menu bar', async () => {
    await showWindow();
    const bar = screen.getByRole('menubar', { name: 'メニュー' });
    const titles = within(bar).getAllByRole('menuitem');
    expect(titles.map((t) => t.tabIndex)).toEqual([0, -1, -1, -1]);
    await press('F10');
    await press('ArrowRight');
    await press('ArrowRight');
    expect(titles.map((t) => t.tabIndex)).toEqual([-1, -1, 0, -1]);
    expect(titles.every((t) => t.getAttribute('aria-haspopup') === 'menu')).toBe(true);
  });

  it('is not reached by F10, Alt or Alt + letter while a modal dialog is in front', async () => {
    await showWindow(['suppression']);
    const dialog = screen.getByRole('dialog', { name: '通報の抑制' });
    await press('F10');
    await press('Alt', { altKey: true });
    await press('s', { altKey: true });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(dialog.contains(document.activeElement)).toBe(true);
  });
});

describe('dialogs', () => {
  it('open on their first editable field, and Enter there presses OK', async () => {
    const { host, store } = await showWindow(['suppression']);
    const minutes = screen.getByRole('textbox', { name: /抑制時間/ });
    // The check box before it is its first field.
    expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: '通報の抑制' }));
    minutes.focus();
    await act(async () => {
      fireEvent.change(minutes, { target: { value: '30' } });
    });
    await press('Enter');
    expect(host.saveSettings).toHaveBeenCalledTimes(1);
    expect((host.saveSettings.mock.calls[0]![0] as SaveRequest).values).toMatchObject({ 'suppression.windowMinutes': '30' });
    expect(isOpen(store, 'suppression')).toBe(false);
  });

  it('Enter does not press OK on another button, during IME composition, or with a modifier', async () => {
    const { host, store } = await showWindow(['suppression']);
    const dialog = screen.getByRole('dialog', { name: '通報の抑制' });
    within(dialog).getByRole('button', { name: 'キャンセル' }).focus();
    await press('Enter');
    screen.getByRole('textbox', { name: /抑制時間/ }).focus();
    await press('Enter', { isComposing: true });
    await press('Enter', { shiftKey: true });
    expect(host.saveSettings).not.toHaveBeenCalled();
    expect(isOpen(store, 'suppression')).toBe(true);
  });

  it('return the keyboard to the control that opened them (a dialog opened from a dialog)', async () => {
    const { store } = await showWindow(['methods']);
    const open = screen.getByRole('button', { name: 'エクスプレス通報サービス(HTTPS)の設定' });
    open.focus();
    await act(async () => {
      fireEvent.click(open);
    });
    const https = screen.getByRole('dialog', { name: 'エクスプレス通報サービス(HTTPS)の基本設定' });
    expect(https.contains(document.activeElement)).toBe(true);
    // Its first editable field: the checked choice of [HTTPS] / [マネージャ経由] (the destinations are shown read-only).
    expect(document.activeElement).toBe(within(https).getByRole('radio', { name: 'HTTPS' }));
    await press('Escape');
    expect(isOpen(store, 'https')).toBe(false);
    expect(document.activeElement).toBe(open);
  });

  it('shows the unit beside a number as part of its name (秒, 分, 時間)', async () => {
    await showWindow(['schedule', 'suppression']);
    expect(screen.getByRole('textbox', { name: /^リトライ間隔 分$/ })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /^リトライ期限 時間$/ })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /^抑制時間 分$/ })).toBeTruthy();
    cleanup();
    await showWindow(['https'], { 'express.route': 'https' });
    expect(screen.getByRole('textbox', { name: /^タイムアウト時間 秒$/ })).toBeTruthy();
  });
});

describe('the setup utility by keyboard', () => {
  it('Enter answers 続行 and 次へ; the counter starts after 開局方式選択 and does not jump; labels and access keys of the manual', async () => {
    const { store } = await showWindow(['wizard']);
    // The command line's default service (HTTPS), and the title that names it.
    const wizard = screen.getByRole('dialog', { name: 'エクスプレス通報サービス(HTTPS)設定ユーティリティ' });
    expect((screen.getByLabelText('エクスプレス通報サービス(HTTPS)') as HTMLInputElement).checked).toBe(true);
    expect(within(wizard).getByRole('button', { name: '続行' }).getAttribute('data-default')).toBe('true');
    expect(within(wizard).queryByRole('button', { name: /次へ/ })).toBeNull();
    const counter = wizard.querySelector('.wizard-step')!;
    expect(counter.textContent).toBe('');
    // The method is chosen with its access key (I); the counter does not change on this page.
    await press('i', { altKey: true });
    expect((screen.getByLabelText(/通報開局キーコードを入力します\(I\)/) as HTMLInputElement).checked).toBe(true);
    expect(counter.textContent).toBe('');
    await press('Enter');
    await screen.findByRole('heading', { level: 3, name: '通報開局キーコードの入力' });
    expect(counter.textContent).toBe('1 / 4');
    // The first field has the keyboard; the reply address carries (E) as the manual prints it.
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: '通報開局キーコード(K)' }));
    const reply = screen.getByRole('textbox', { name: 'テスト・開局結果返信メールアドレス(E)' });
    expect(reply.getAttribute('aria-keyshortcuts')).toBe('Alt+E');
    await act(async () => {
      fireEvent.change(document.activeElement!, { target: { value: '01239' } });
    });
    await press('e', { altKey: true });
    expect(document.activeElement).toBe(reply);
    await act(async () => {
      fireEvent.change(reply, { target: { value: 'reply@example.jp' } });
    });
    await press('Enter');

    const device = await screen.findByRole('dialog', { name: '装置の固有情報の入力' });
    expect(counter.textContent).toBe('1 / 4');
    const code = within(device).getByRole('combobox', { name: '装置コード(P)' }); // a list to pick from, or typed
    const serial = within(device).getByRole('textbox', { name: '製造番号(S)' });
    expect(document.activeElement).toBe(code);
    await act(async () => {
      fireEvent.change(code, { target: { value: 'N8100-2810' } });
    });
    // Alt + S acts in the dialog in front, not on the menu bar's 設定(S).
    await press('s', { altKey: true });
    expect(document.activeElement).toBe(serial);
    expect(screen.queryByRole('menu')).toBeNull();
    await act(async () => {
      fireEvent.change(serial, { target: { value: '00000001' } });
    });
    await press('Enter');
    await screen.findByRole('heading', { level: 3, name: '本機に関する情報' });
    expect(screen.queryByRole('dialog', { name: '装置の固有情報の入力' })).toBeNull();
    expect(counter.textContent).toBe('2 / 4');
    expect(wizard.contains(document.activeElement)).toBe(true);
    // Alt + B goes back (< 戻る(B)), Alt + N forward (次へ(N) >).
    await press('b', { altKey: true });
    await screen.findByRole('heading', { level: 3, name: '通報開局キーコードの入力' });
    expect(counter.textContent).toBe('1 / 4');
    expect(isOpen(store, 'wizard')).toBe(true);
  });

  it('the Express service keeps the plain title', async () => {
    await showWindow(['wizard'], { 'express.route': 'mail' });
    expect(screen.getByRole('dialog', { name: 'エクスプレス通報サービス設定ユーティリティ' })).toBeTruthy();
    expect((screen.getByLabelText('エクスプレス通報サービス') as HTMLInputElement).checked).toBe(true);
    await act(async () => {
      fireEvent.click(screen.getByLabelText('エクスプレス通報サービス(HTTPS)'));
    });
    expect(screen.getByRole('dialog', { name: 'エクスプレス通報サービス(HTTPS)設定ユーティリティ' })).toBeTruthy();
  });
});
