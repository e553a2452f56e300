// @vitest-environment jsdom
/**
 * 「このパスワードをこのコンピュータに記憶する」 / 「記憶したパスワードを使用」 beside the password fields (RememberSecret.tsx),
 * against a fake HostApi: what is asked of the host, and that the window never holds a remembered password.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { type ReactNode } from 'react';
import { type Settings } from '../../../shared/settings/schema.js';
import { problem } from '../../../shared/messages/problem.js';
import { type HostApi, type RememberedList, type SaveRequest } from '../../../shared/host/api.js';
import { createAppStore, type AppStore, type DialogId } from '../../../renderer/store.js';
import { StoreContext, useApp } from '../../../renderer/store-context.js';
import { settingsDialogs } from '../../../renderer/settings/index.js';
import { fakeHost as sharedFake, snapshotOf, type FakeHost as Fake } from './fake-host.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const PROXY: Partial<Settings> = {
  'express.route': 'https',
  'https.proxy.use': true,
  'https.proxy.host': 'proxy.example.jp',
  'https.proxy.port': 8080,
  'https.proxy.user': 'ops',
};

/** A host that accepts every value (saving applies it to its snapshot) and remembers `list`. */
function fakeHost(settings: Partial<Settings>, list: RememberedList): Fake {
  const initial = snapshotOf(settings, { destinations: { url1: 'https://primary.example/report', url2: '' } });
  return sharedFake(initial, { rememberedSecrets: async () => list });
}

function Dialogs(): ReactNode {
  const dialogs = useApp((s) => s.dialogs);
  return (
    <>
      {dialogs.map((d) => {
        const D = settingsDialogs[d];
        return D ? <D key={d} /> : null;
      })}
    </>
  );
}

async function show(over: Partial<Settings>, dialogs: DialogId[], list: RememberedList, lang: 'ja' | 'en' = 'ja'): Promise<{ host: Fake; store: AppStore }> {
  const host = fakeHost(over, list);
  const store = createAppStore(host as unknown as HostApi);
  store.setState({ dialogs, lang, snapshot: await host.snapshot() });
  render(
    <StoreContext.Provider value={store}>
      <Dialogs />
    </StoreContext.Provider>,
  );
  return { host, store };
}

const known: RememberedList = { available: true, accounts: [{ kind: 'proxy', user: 'ops', host: 'proxy.example.jp', port: 8080 }] };
const REMEMBER = 'このパスワードをこのコンピュータに記憶する (プロキシのパスワード)';
const USE = '記憶したパスワードを使用 (プロキシのパスワード)';
const saved = (host: Fake, call = 0): SaveRequest | undefined => host.saveSettings.mock.calls[call]?.[0];

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('remembered passwords beside the password fields', () => {
  it('「記憶したパスワードを使用」 appears for the typed account and sets the field to (remembered), never a password', async () => {
    const { host, store } = await show(PROXY, ['https'], known);
    const use = await screen.findByRole('button', { name: USE });
    fireEvent.focus(use);
    expect(store.getState().guide?.ja).toContain('proxy:ops@proxy.example.jp:8080');
    fireEvent.click(use);
    const field = screen.getByLabelText('パスワード', { selector: '[name="https.proxy.password"]' }) as HTMLInputElement;
    expect(field.value).toBe('');
    expect(field.placeholder).toBe('(記憶したパスワード)');
    fireEvent.click(screen.getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(host.saveSettings).toHaveBeenCalledTimes(1));
    expect(saved(host)).toEqual({ values: { 'https.proxy.password': '(remembered)' } });
  });

  it('the button follows the fields as typed: another user or port has no remembered password', async () => {
    await show(PROXY, ['https'], known);
    await screen.findByRole('button', { name: USE });
    fireEvent.change(screen.getByLabelText('ユーザー名', { selector: '[name="https.proxy.user"]' }), { target: { value: 'someone' } });
    expect(screen.queryByRole('button', { name: USE })).toBeNull();
    fireEvent.change(screen.getByLabelText('ユーザー名', { selector: '[name="https.proxy.user"]' }), { target: { value: 'ops' } });
    expect(screen.getByRole('button', { name: USE })).toBeTruthy();
  });

  it('the checkbox has a label and a guide message; a ticked box sends remember with the typed password', async () => {
    const { host, store } = await show(PROXY, ['https'], { available: true, accounts: [] });
    const box = await screen.findByLabelText(REMEMBER);
    expect(screen.queryByRole('button', { name: USE })).toBeNull();
    fireEvent.focus(box);
    expect(store.getState().guide?.ja).toContain('OS のキーチェーン');
    fireEvent.change(screen.getByLabelText('パスワード', { selector: '[name="https.proxy.password"]' }), { target: { value: 'Secr3t' } });
    fireEvent.click(box);
    fireEvent.click(screen.getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(host.saveSettings).toHaveBeenCalledTimes(1));
    expect(saved(host)).toEqual({ values: { 'https.proxy.password': 'Secr3t' }, remember: ['https.proxy.password'] });
  });

  it("a warning of a save that went through (not remembered) goes to the window's event list", async () => {
    const { host, store } = await show(PROXY, ['https'], { available: true, accounts: [] });
    host.saveSettings.mockImplementationOnce(async () => ({
      ok: true,
      snapshot: await host.snapshot(),
      warnings: [problem('ER_6005', { label: { ja: 'プロキシのパスワード', en: 'Proxy password' }, reason: 'locked' }, { field: 'https.proxy.password' })],
    }));
    fireEvent.change(screen.getByLabelText('パスワード', { selector: '[name="https.proxy.password"]' }), { target: { value: 'Secr3t' } });
    fireEvent.click(await screen.findByLabelText(REMEMBER));
    fireEvent.click(screen.getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(store.getState().events.map((e) => e.code)).toContain('ER_6005'));
  });

  it('an unavailable keychain disables the checkbox and says so', async () => {
    await show(PROXY, ['https'], { available: false, problem: problem('ER_1012', { reason: 'no Secret Service' }) });
    const box = (await screen.findByLabelText(
      `このパスワードをこのコンピュータに記憶する(このコンピュータでは使用できません) (プロキシのパスワード)`,
    )) as HTMLInputElement;
    expect(box.disabled).toBe(true);
  });

  it('「記憶したパスワードを削除」 forgets the account through the host', async () => {
    const { host } = await show(PROXY, ['https'], known);
    fireEvent.click(await screen.findByRole('button', { name: '記憶したパスワードを削除 (プロキシのパスワード)' }));
    await waitFor(() => expect(host.forgetSecret).toHaveBeenCalledWith({ kind: 'proxy', user: 'ops', host: 'proxy.example.jp', port: 8080 }));
    await waitFor(() => expect(screen.queryByRole('button', { name: USE })).toBeNull());
  });

  it("認証設定: the SMTP account uses the e-mail dialog's unsaved server, which travels with (remembered)", async () => {
    const list: RememberedList = { available: true, accounts: [{ kind: 'smtp', user: 'mailer', host: 'smtp.new.example', port: 25 }] };
    const { host } = await show(
      { 'express.route': 'mail', 'mail.auth.use': true, 'mail.auth.user': 'mailer', 'mail.smtp.host': 'smtp.old.example' },
      ['mail'],
      list,
    );
    fireEvent.change(screen.getByLabelText(/メールサーバ\(SMTP\)/), { target: { value: 'smtp.new.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'インターネットメール通報の認証設定' }));
    const auth = screen.getByRole('dialog', { name: 'インターネットメール通報の認証設定' });
    fireEvent.click(await within(auth).findByRole('button', { name: '記憶したパスワードを使用 (SMTP 認証のパスワード)' }));
    expect(within(auth).queryByRole('button', { name: /POP のパスワード/ })).toBeNull();
    fireEvent.click(within(auth).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(host.saveSettings).toHaveBeenCalledTimes(1));
    expect(saved(host)).toEqual({ values: { 'mail.smtp.host': 'smtp.new.example', 'mail.auth.password': '(remembered)' } });
  });

  it('English on request', async () => {
    await show(
      { ...PROXY, 'remote.use': true, 'remote.user': 'dial', 'remote.entry': 'ISP' },
      ['https'],
      { available: true, accounts: [{ kind: 'remote', user: 'dial', entry: 'ISP' }] },
      'en',
    );
    expect(await screen.findByLabelText('Remember this password on this computer (Proxy password)')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Use the remembered password (Password)' })).toBeTruthy();
  });
});
