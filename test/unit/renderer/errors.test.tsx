// @vitest-environment jsdom
/**
 * How the window shows a refusal (issue 11 section 4, docs/desktop-app.md "Errors"): the code and our plain sentence
 * first, in the window's current language (and again in the other one after a language change); the system's text on
 * a details line of its own; the field named by the label this window shows (never the setting's key), marked
 * (aria-invalid) and given the keyboard; a call that failed altogether shown coded, not lost; nothing typed cut by the
 * input; success lines in the event panel not numbered like errors.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { defaultSettings, settingDef } from '../../../shared/settings/schema.js';
import { problem } from '../../../shared/messages/problem.js';
import { type AppSnapshot, type HostApi, type SaveRequest, type Saved } from '../../../shared/host/api.js';
import { HostCallError } from '../../../shared/host/errors.js';
import { createAppStore, type AppStore } from '../../../renderer/store.js';
import { StoreContext } from '../../../renderer/store-context.js';
import { HttpsDialog } from '../../../renderer/settings/HttpsDialog.js';
import { EventPanel } from '../../../renderer/components/EventPanel.js';
import { fakeHost } from './fake-host.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const snapshot: AppSnapshot = {
  version: '0.1.0',
  hostName: 'srv01',
  configDir: '/tmp/express-report',
  optionDevices: [],
  problems: [],
  settings: { ...defaultSettings(), 'express.route': 'https', 'activation.state': 'active' },
  destinations: { url1: 'https://primary.example/report' },
};

function showHttps(save: HostApi['saveSettings']): AppStore {
  const store = createAppStore(fakeHost(snapshot, { saveSettings: save }));
  store.setState({ dialogs: ['https'], lang: 'ja', snapshot });
  render(
    <StoreContext.Provider value={store}>
      <HttpsDialog />
    </StoreContext.Provider>,
  );
  return store;
}

const dialog = () => screen.getByRole('dialog', { name: 'エクスプレス通報サービス(HTTPS)の基本設定' });
const field = (key: string) => dialog().querySelector<HTMLInputElement>(`[data-key="${key}"]`)!;
const ok = () => fireEvent.click(within(dialog()).getByRole('button', { name: 'OK' }));
const CA_LABEL = settingDef('https.caFile')!.label;
const ENOENT = "ENOENT: no such file or directory, stat '/etc/none.pem'";

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('a refused field', () => {
  it('is named by its label, marked and focused; the system text is on a details line; the language follows the window', async () => {
    const refused: Saved = { ok: false, problems: [problem('ER_3071', { label: CA_LABEL, path: '/etc/none.pem', reason: ENOENT }, { field: 'https.caFile' })] };
    const store = showHttps(async () => refused);
    fireEvent.change(field('https.caFile'), { target: { value: '/etc/none.pem' } });
    ok();
    await waitFor(() => expect(document.activeElement).toBe(field('https.caFile')));
    const input = field('https.caFile');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const alert = document.getElementById(input.getAttribute('aria-describedby')!)!;
    expect(alert.getAttribute('role')).toBe('alert');
    const sentence = alert.querySelector('.problem-text')!;
    expect(sentence.textContent).toBe('ER_3071 追加の CA 証明書ファイルに指定したファイル /etc/none.pem がありません。');
    const details = alert.querySelector<HTMLDetailsElement>('details.problem-detail')!;
    expect(details.open).toBe(false);
    expect(details.textContent).toContain(ENOENT);
    expect(alert.textContent!.indexOf('がありません。')).toBeLessThan(alert.textContent!.indexOf('ENOENT'));
    act(() => store.getState().setLang('en'));
    expect(alert.querySelector('.problem-text')!.textContent).toBe('ER_3071 The file /etc/none.pem given in Extra CA bundle does not exist.');
    expect(alert.querySelector('summary')!.textContent).toBe('Details');
  });

  it('says the label the dialog shows (ユーザー名 under プロキシサーバ), never the key https.proxy.user', async () => {
    const label = settingDef('https.proxy.user')!.label;
    showHttps(async () => ({ ok: false, problems: [problem('ER_3015', { label, char: 'ユ' }, { field: 'https.proxy.user' })] }));
    fireEvent.click(field('https.proxy.use'));
    fireEvent.change(field('https.proxy.user'), { target: { value: 'ユーザー' } });
    ok();
    await waitFor(() => expect(document.activeElement).toBe(field('https.proxy.user')));
    const text = document.getElementById(field('https.proxy.user').getAttribute('aria-describedby')!)!.textContent!;
    expect(text).toContain('ER_3015 ユーザー名は半角英数字と記号で入力してください');
    expect(text).not.toContain('プロキシのユーザー名');
    expect(text).not.toContain('https.proxy');
  });

  it('a problem of a field elsewhere names that field by its label', async () => {
    const label = settingDef('customer.email')!.label;
    showHttps(async () => ({
      ok: false,
      problems: [problem('ER_1003', { path: '/etc/express-report/activation.ini' }, { field: 'customer.email', file: 'activation.ini', line: 4 })],
    }));
    fireEvent.change(field('https.timeoutSeconds'), { target: { value: '90' } });
    ok();
    const list = await waitFor(() => {
      const el = dialog().querySelector('.problem-list');
      expect(el).not.toBeNull();
      return el!;
    });
    expect(list.querySelector('.problem-text')!.textContent).toMatch(new RegExp(`^${label.ja}: ER_1003 `));
    expect(list.textContent).not.toContain('customer.email');
    expect(list.querySelector('details')!.textContent).toContain('activation.ini:4');
  });

  it('a save that could not reach the host at all is shown, coded, in the dialog (not an unhandled rejection)', async () => {
    showHttps(async () => {
      throw new HostCallError('saveSettings', [problem('ER_1100', { reason: 'Failed to fetch' })]);
    });
    fireEvent.change(field('https.timeoutSeconds'), { target: { value: '90' } });
    ok();
    const list = await waitFor(() => {
      const el = dialog().querySelector('.problem-list');
      expect(el).not.toBeNull();
      return el!;
    });
    expect(list.querySelector('.problem-text')!.textContent).toMatch(/^ER_1100 設定画面から express-report serve に接続できません。/);
    expect(list.querySelector('details')!.textContent).toContain('Failed to fetch');
  });

  it('nothing typed is cut: no input carries maxlength; a long value reaches the host whole', async () => {
    const save = vi.fn(async (_req: SaveRequest): Promise<Saved> => ({
      ok: false,
      problems: [problem('ER_3002', { label: CA_LABEL, max: 1024, length: 1100 }, { field: 'https.caFile' })],
    }));
    showHttps(save);
    for (const el of dialog().querySelectorAll('input')) expect(el.hasAttribute('maxlength'), el.name).toBe(false);
    const long = `/${'x'.repeat(1099)}`;
    fireEvent.change(field('https.caFile'), { target: { value: long } });
    ok();
    await waitFor(() => expect(save).toHaveBeenCalled());
    expect(save.mock.calls[0]![0].values['https.caFile']).toBe(long);
    await waitFor(() => expect(dialog().textContent).toContain('1024 文字以内'));
  });
});

describe('the event panel', () => {
  it('numbers warnings and errors with their code, not success lines', () => {
    Element.prototype.scrollIntoView ??= () => undefined;
    const store = createAppStore(fakeHost(snapshot, { saveSettings: async () => ({ ok: true, snapshot }) }));
    store.setState({
      lang: 'ja',
      events: [
        { at: '2025-01-02T03:00:00.000Z', level: 'info', text: { ja: 'テスト通報に成功しました。', en: 'The test notification succeeded.' }, code: 'ER_6020' },
        { at: '2025-01-02T03:01:00.000Z', level: 'error', text: { ja: '接続できません。', en: 'Cannot connect.' }, code: 'ER_2002' },
      ],
    });
    render(
      <StoreContext.Provider value={store}>
        <EventPanel />
      </StoreContext.Provider>,
    );
    const [success, failure] = screen.getAllByRole('listitem');
    expect(success!.textContent).not.toContain('ER_6020');
    expect(success!.getAttribute('data-code')).toBe('ER_6020');
    expect(failure!.textContent).toContain('ER_2002');
  });
});
