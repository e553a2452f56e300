// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { type ReactNode } from 'react';
import { settingDef, type Settings } from '../../../../shared/settings/schema.js';
import { problem } from '../../../../shared/messages/problem.js';
import { type AppSnapshot, type HostApi } from '../../../../shared/host/api.js';
import { createAppStore, type AppStore, type DialogId } from '../../../../renderer/store.js';
import { StoreContext, useApp } from '../../../../renderer/store-context.js';
import { settingsDialogs } from '../../../../renderer/settings/index.js';
import { fakeHost as sharedFake, snapshotOf as sharedSnapshot, type FakeHost as Fake } from '../fake-host.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const snapshotOf = (over: Partial<Settings> = {}): AppSnapshot =>
  sharedSnapshot(over, {
    configDir: '/tmp/express-report',
    destinations: { url1: 'https://primary.example/report', url2: 'https://secondary.example/report' },
  });

/** A host that accepts every value (saving applies it to its snapshot), unless a test says otherwise. */
const fakeHost = (initial: AppSnapshot): Fake =>
  sharedFake(initial, (held) => ({
    endService: async () => ({ ok: true, snapshot: held.keep({ ...held.current, settings: { ...held.current.settings, 'activation.state': 'ended' } }) }),
    readDestinations: async () => ({ ok: true, destinations: { url1: 'https://x.example/' } }),
  }));

function Dialogs(): ReactNode {
  const dialogs = useApp((s) => s.dialogs);
  return (
    <>
      {dialogs.map((d) => {
        const D = settingsDialogs[d];
        return D ? <D key={d} /> : <div key={d} data-testid={`open-${d}`} />;
      })}
    </>
  );
}

async function show(over: Partial<Settings>, dialogs: DialogId[], lang: 'ja' | 'en' = 'ja'): Promise<{ host: Fake; store: AppStore }> {
  const host = fakeHost(snapshotOf(over));
  const store = createAppStore(host as unknown as HostApi);
  store.setState({ dialogs, lang, snapshot: await host.snapshot() });
  render(
    <StoreContext.Provider value={store}>
      <Dialogs />
    </StoreContext.Provider>,
  );
  return { host, store };
}

const dialog = (name: string | RegExp) => screen.getByRole('dialog', { name });
const click = (el: HTMLElement) => fireEvent.click(el);
const type = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });
const savedValues = (host: Fake, call = 0) => host.saveSettings.mock.calls[call]?.[0].values;

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('通報手段の設定 (methods)', () => {
  it('refuses to enable Express while Express (HTTPS) is on, with ER_3019, until HTTPS is disabled', async () => {
    const { host } = await show({ 'express.route': 'https' }, ['methods']);
    const express = screen.getByLabelText('エクスプレス通報サービス') as HTMLInputElement;
    const https = screen.getByLabelText('エクスプレス通報サービス(HTTPS)') as HTMLInputElement;
    expect(https.checked).toBe(true);

    click(express);
    const alert = await screen.findByRole('alertdialog');
    expect(alert.textContent).toContain('ER_3019');
    expect(alert.textContent).toContain('エクスプレス通報サービス(HTTPS)を無効にしてから有効にしてください');
    expect(express.checked).toBe(false);
    click(within(alert).getByRole('button', { name: 'OK' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();

    click(https);
    expect(https.checked).toBe(false);
    click(express);
    expect(express.checked).toBe(true);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    click(within(dialog('通報基本設定')).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(host.saveSettings).toHaveBeenCalledTimes(1));
    expect(savedValues(host)).toEqual({ 'express.route': 'mail' });
  });

  it('refuses Express (HTTPS) while Express is on (the reverse)', async () => {
    await show({ 'express.route': 'dialup' }, ['methods']);
    click(screen.getByLabelText('エクスプレス通報サービス(HTTPS)'));
    const alert = await screen.findByRole('alertdialog');
    expect(alert.textContent).toContain('エクスプレス通報サービスを無効にしてから有効にしてください');
  });

  it("shows each method's state as a lamp with text, and 設定 opens the method's dialog", async () => {
    const { store } = await show({ 'express.route': 'mail', 'relay.https.enabled': true }, ['methods']);
    const rows = within(dialog('通報基本設定')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.querySelector('.sr-only')?.textContent)).toEqual(['有効', '無効', '無効', '有効']);
    expect(rows[0]!.querySelector('.lamp-on')).not.toBeNull();
    click(screen.getByRole('button', { name: 'エクスプレス通報サービス(HTTPS)の設定' }));
    expect(store.getState().dialogs).toEqual(['methods', 'https']);
    click(screen.getByRole('button', { name: 'マネージャからのエクスプレス通報の設定' }));
    expect(store.getState().dialogs.at(-1)).toBe('relay');
  });

  it('disabling Express sets the route off', async () => {
    const { host } = await show({ 'express.route': 'manager' }, ['methods']);
    click(screen.getByLabelText('エクスプレス通報サービス'));
    click(screen.getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(savedValues(host)).toEqual({ 'express.route': 'off' }));
  });

  it('does not write back an older route after a dialog opened from it saved a new one', async () => {
    const { host, store } = await show({ 'express.route': 'off' }, ['methods']);
    click(screen.getByRole('button', { name: 'エクスプレス通報サービスの設定' }));
    const express = dialog('エクスプレス通報サービスの基本設定');
    click(within(express).getByLabelText('ダイヤルアップ経由'));
    click(within(express).getByRole('button', { name: 'OK' }));
    click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'はい' }));
    await waitFor(() => expect(store.getState().dialogs).toEqual(['methods']));
    expect(savedValues(host)).toEqual({ 'express.route': 'dialup' });
    expect((screen.getByLabelText('エクスプレス通報サービス') as HTMLInputElement).checked).toBe(true);
    click(screen.getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(host.saveSettings).toHaveBeenCalledTimes(2));
    expect(savedValues(host, 1)).toEqual({});
  });
});

describe('route dialogs', () => {
  it('a refused port shows ER_3009 next to the field and the dialog stays open', async () => {
    const { host, store } = await show({ 'express.route': 'mail' }, ['mail']);
    const def = settingDef('mail.smtp.port')!;
    host.saveSettings.mockResolvedValueOnce({ ok: false, problems: [problem('ER_3009', { label: def.label }, { field: 'mail.smtp.port' })] });
    const port = screen.getByLabelText(/SMTP ポート番号/);
    type(port, '70000');
    click(screen.getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(port.getAttribute('aria-invalid')).toBe('true'));
    const err = document.getElementById(port.getAttribute('aria-describedby')!);
    expect(err?.textContent).toContain('ER_3009');
    expect(err?.textContent).toContain('1~65535');
    expect(savedValues(host)).toEqual({ 'mail.smtp.port': '70000' });
    expect(store.getState().dialogs).toEqual(['mail']);
    expect(dialog('エクスプレス通報(インターネット メール経由)の設定')).toBeTruthy();
    expect((port as HTMLInputElement).value).toBe('70000');
  });

  it('asks 「この通報手段を有効にしますか?」 on OK while the route is not chosen; はい also saves the route', async () => {
    const { host, store } = await show({ 'express.route': 'off' }, ['mail']);
    type(screen.getByLabelText(/メールサーバ\(SMTP\)/), 'smtp.foo.co.jp');
    click(screen.getByRole('button', { name: 'OK' }));
    const q = await screen.findByRole('alertdialog');
    expect(q.textContent).toContain('この通報手段を有効にしますか?');
    expect(host.saveSettings).not.toHaveBeenCalled();
    click(within(q).getByRole('button', { name: 'はい' }));
    await waitFor(() => expect(store.getState().dialogs).toEqual([]));
    expect(savedValues(host)).toEqual({ 'express.route': 'mail', 'mail.smtp.host': 'smtp.foo.co.jp' });
  });

  it('いいえ saves only the fields', async () => {
    const { host, store } = await show({ 'express.route': 'off' }, ['dialup']);
    type(screen.getByLabelText(/一次通報先電話番号/), '123-456-7890');
    click(screen.getByRole('button', { name: 'OK' }));
    click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'いいえ' }));
    await waitFor(() => expect(store.getState().dialogs).toEqual([]));
    expect(savedValues(host)).toEqual({ 'dialup.primary.number': '123-456-7890' });
  });

  it("no question when the route is already the dialog's", async () => {
    const { host, store } = await show({ 'express.route': 'manager' }, ['manager']);
    click(screen.getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(store.getState().dialogs).toEqual([]));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(host.saveSettings).toHaveBeenCalledTimes(1);
  });

  it('はい is refused with ER_3019 when Express (HTTPS) is on; nothing is saved', async () => {
    const { host, store } = await show({ 'express.route': 'https' }, ['mail']);
    click(screen.getByRole('button', { name: 'OK' }));
    click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'はい' }));
    await waitFor(() => expect(screen.getByRole('alertdialog').textContent).toContain('ER_3019'));
    expect(host.saveSettings).not.toHaveBeenCalled();
    expect(store.getState().dialogs).toEqual(['mail']);
  });

  it('when はい is refused by the host the route is not kept for the next OK', async () => {
    const { host } = await show({ 'express.route': 'off' }, ['mail']);
    host.saveSettings.mockResolvedValueOnce({
      ok: false,
      problems: [problem('ER_3001', { label: settingDef('mail.smtp.host')!.label }, { field: 'mail.smtp.host' })],
    });
    click(screen.getByRole('button', { name: 'OK' }));
    click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'はい' }));
    await waitFor(() => expect(screen.getByText(/ER_3001/)).toBeTruthy());
    click(screen.getByRole('button', { name: 'OK' }));
    click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'いいえ' }));
    await waitFor(() => expect(host.saveSettings).toHaveBeenCalledTimes(2));
    expect(savedValues(host, 1)).toEqual({});
  });

  it('fields of a route dialog can be filled before the route is enabled; inactive ones are disabled, required ones marked ※', async () => {
    await show({ 'express.route': 'off' }, ['mail']);
    const host = screen.getByLabelText(/メールサーバ\(SMTP\)/) as HTMLInputElement;
    expect(host.disabled).toBe(false);
    expect(host.labels?.[0]?.textContent).toContain('※');
    const entry = screen.getByLabelText(/使用するエントリ/) as HTMLInputElement;
    expect(entry.disabled).toBe(true);
    click(screen.getByLabelText('リモートアクセスサービスを利用する'));
    expect(entry.disabled).toBe(false);
    expect(entry.labels?.[0]?.textContent).toContain('※');
    expect((screen.getByLabelText('宛先') as HTMLInputElement).readOnly).toBe(true);
  });

  it('認証設定 follows the unsaved POP / SMTP auth checkboxes of the e-mail dialog', async () => {
    const { store } = await show({ 'express.route': 'mail' }, ['mail']);
    const settings = screen.getByRole('button', { name: 'インターネットメール通報の認証設定' }) as HTMLButtonElement;
    expect(settings.disabled).toBe(true);
    click(screen.getByLabelText('このサーバは POP Before SMTP が必要'));
    click(settings);
    expect(store.getState().dialogs).toEqual(['mail', 'mail-auth']);
    const auth = dialog('インターネットメール通報の認証設定');
    expect((within(auth).getByLabelText(/メールサーバ\(POP\)/) as HTMLInputElement).disabled).toBe(false);
    expect((within(auth).getByLabelText(/SMTP 認証のアカウント名/) as HTMLInputElement).disabled).toBe(true);
    expect(auth.textContent).toContain('CRAM-MD5、LOGIN、PLAIN の順に認証を行います');
  });

  it('S/MIME is enabled only with key-file activation and the e-mail or dial-up route', async () => {
    await show({ 'express.route': 'manager', 'activation.method': 'keyfile' }, ['express']);
    const smime = screen.getByLabelText('S/MIME 有効') as HTMLInputElement;
    expect(smime.disabled).toBe(true);
    click(screen.getByLabelText('インターネットメール経由'));
    expect(smime.disabled).toBe(false);
    cleanup();
    await show({ 'express.route': 'mail', 'activation.method': 'keycode' }, ['express']);
    expect((screen.getByLabelText('S/MIME 有効') as HTMLInputElement).disabled).toBe(true);
  });

  it('the express dialog opens the route dialogs, 通報の抑制 and the setup utility', async () => {
    const { store } = await show({}, ['express']);
    click(screen.getByRole('button', { name: 'ダイヤルアップ経由の設定' }));
    click(screen.getByRole('button', { name: '通報の抑制...' }));
    click(screen.getByRole('button', { name: '開局情報の入力...' }));
    expect(store.getState().dialogs).toEqual(['express', 'dialup', 'suppression', 'wizard']);
  });

  it('初期値 sets the manager port (31136; 31138 in the HTTPS route through a manager)', async () => {
    await show({ 'express.route': 'manager', 'manager.port': 1234 }, ['manager']);
    click(screen.getByRole('button', { name: '初期値(D) (ポート番号)' }));
    expect((screen.getByRole('textbox', { name: /^ポート番号/ }) as HTMLInputElement).value).toBe('31136');
    cleanup();
    await show({ 'express.route': 'https', 'https.via': 'manager', 'https.manager.port': 1234 }, ['https-manager']);
    click(screen.getByRole('button', { name: '初期値(D) (ポート番号)' }));
    expect((screen.getByRole('textbox', { name: /^ポート番号/ }) as HTMLInputElement).value).toBe('31138');
  });

  it('HTTPS shows URL1 / URL2, notes Basic auth only, and loads a destination file through the host', async () => {
    const { host } = await show({ 'express.route': 'https' }, ['https']);
    expect((screen.getByLabelText('1次通報先 (URL1)') as HTMLInputElement).value).toBe('https://primary.example/report');
    expect((screen.getByLabelText('2次通報先 (URL2)') as HTMLInputElement).value).toBe('https://secondary.example/report');
    const d = dialog('エクスプレス通報サービス(HTTPS)の基本設定');
    expect(d.textContent).toContain('BASIC 認証方式に対応しています');
    expect(d.textContent).toContain('自動構成スクリプト、プロキシの自動検出には対応していません');
    const proxy = screen.getByLabelText(/^※?アドレス$/) as HTMLInputElement;
    expect(proxy.disabled).toBe(true);
    click(screen.getByLabelText('指定したプロキシサーバを使用する'));
    expect(proxy.disabled).toBe(false);

    const file = new File(['[URL1]\nURL=https://x.example/\n'], 'AMHTPADR.INF');
    expect(screen.getByRole('button', { name: '宛先の読み込み...' })).toBeTruthy();
    fireEvent.change(d.querySelector('input[type="file"]')!, { target: { files: [file] } });
    expect(await screen.findByRole('status')).toBeTruthy();
    expect(host.readDestinations).toHaveBeenCalledTimes(1);
    const arg = host.readDestinations.mock.calls[0]![0] as { name: string; contentBase64: string };
    expect(arg.name).toBe('AMHTPADR.INF');
    expect(atob(arg.contentBase64)).toBe('[URL1]\nURL=https://x.example/\n');
    // Read, shown, not saved: OK saves the destinations with the fields (one request).
    expect(host.saveSettings).not.toHaveBeenCalled();
    await act(async () => {
      fireEvent.click(within(d).getByRole('button', { name: 'OK' }));
    });
    const saved = host.saveSettings.mock.calls.at(-1)?.[0];
    expect(saved?.destinations).toEqual({ url1: 'https://x.example/' });
  });

  it("通報の抑制 carries the manual's warning", async () => {
    await show({}, ['suppression']);
    expect(dialog('通報の抑制').textContent).toContain('保守サービス会社からの指示がある場合を除いて、既定値を変更しないでください。');
  });
});

describe('通報先リスト, ID設定, スケジュール', () => {
  it("the ID list names the route's service; 修正... → ID設定 → 宛先設定 / スケジュール", async () => {
    const { store } = await show({ 'express.route': 'https' }, ['destinations']);
    expect(within(dialog('通報先リストの設定')).getByRole('cell', { name: 'エクスプレス通報サービス(HTTPS)' })).toBeTruthy();
    click(screen.getByRole('button', { name: '修正...' }));
    click(within(dialog('ID設定')).getByRole('button', { name: '宛先設定...' }));
    expect(store.getState().dialogs).toEqual(['destinations', 'id-settings', 'https']);
    act(() => store.getState().close('https'));
    click(await screen.findByRole('button', { name: 'スケジュール...' }));
    expect(store.getState().dialogs.at(-1)).toBe('schedule');
  });

  it('既定値に戻す restores every 5 minutes for 72 hours, all day, every day', async () => {
    const { host } = await show(
      {
        'schedule.retry.intervalMinutes': 10,
        'schedule.retry.limitHours': 24,
        'schedule.window.sun': 'none',
        'schedule.window.mon': '09:00-17:00',
        'schedule.window.sat': '08:00-12:00',
      },
      ['schedule'],
    );
    const d = dialog('スケジュール設定');
    expect(d.textContent).toContain('初期値は、5 分間隔で 72 時間後までのリトライ、24 時間通報できます。');
    expect((screen.getByLabelText('通報しない(日曜日)') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('月曜日 開始') as HTMLInputElement).value).toBe('09:00');
    click(screen.getByRole('button', { name: '既定値に戻す' }));
    expect((screen.getByLabelText(/リトライ間隔/) as HTMLInputElement).value).toBe('5');
    expect((screen.getByLabelText(/リトライ期限/) as HTMLInputElement).value).toBe('72');
    expect((screen.getByLabelText('全日(日曜日)') as HTMLInputElement).checked).toBe(true);
    click(within(d).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(host.saveSettings).toHaveBeenCalledTimes(1));
    expect(savedValues(host)).toEqual({
      'schedule.retry.intervalMinutes': '5',
      'schedule.retry.limitHours': '72',
      'schedule.window.sun': '00:00-24:00',
      'schedule.window.mon': '00:00-24:00',
      'schedule.window.sat': '00:00-24:00',
    });
  });

  it('the per-day editor writes HH:MM-HH:MM from 全日, 通報しない and the times', async () => {
    await show({}, ['schedule']);
    const text = screen.getByLabelText(/通報時間帯\(火曜日\)/) as HTMLInputElement;
    expect(text.value).toBe('00:00-24:00');
    click(screen.getByLabelText('全日(火曜日)'));
    expect(text.value).toBe('09:00-17:00');
    type(screen.getByLabelText('火曜日 終了'), '18:30');
    expect(text.value).toBe('09:00-18:30');
    click(screen.getByLabelText('通報しない(火曜日)'));
    expect(text.value).toBe('none');
    expect((screen.getByLabelText('火曜日 開始') as HTMLInputElement).disabled).toBe(true);
    type(text, '10:00-11:00');
    expect((screen.getByLabelText('火曜日 開始') as HTMLInputElement).value).toBe('10:00');
  });
});

describe('キャンセル', () => {
  const formDialogs: DialogId[] = [
    'methods',
    'express',
    'mail',
    'mail-auth',
    'dialup',
    'manager',
    'https',
    'https-manager',
    'suppression',
    'relay',
    'relay-https',
    'relay-mail',
    'relay-dialup',
    'schedule',
  ];
  it.each(formDialogs)('%s: キャンセル closes without writing, after edits', async (id) => {
    const { host, store } = await show({ 'express.route': 'mail', 'mail.pop.use': true, 'mail.auth.use': true }, [id]);
    const d = screen.getByRole('dialog');
    const text = within(d)
      .queryAllByRole('textbox')
      .find((el) => !(el as HTMLInputElement).disabled && !(el as HTMLInputElement).readOnly);
    if (text) type(text, '99');
    const box = within(d)
      .queryAllByRole('checkbox')
      .find((el) => !(el as HTMLInputElement).disabled);
    if (box) click(box);
    const alert = screen.queryByRole('alertdialog');
    if (alert) click(within(alert).getByRole('button'));
    click(within(d).getByRole('button', { name: 'キャンセル' }));
    expect(store.getState().dialogs).toEqual([]);
    expect(host.saveSettings).not.toHaveBeenCalled();
  });

  it('Escape also cancels without writing', async () => {
    const { host, store } = await show({}, ['suppression']);
    type(screen.getByLabelText(/抑制時間/), '5');
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(store.getState().dialogs).toEqual([]);
    expect(host.saveSettings).not.toHaveBeenCalled();
  });
});

describe('labels and languages', () => {
  const all: DialogId[] = [
    'methods',
    'express',
    'mail',
    'mail-auth',
    'dialup',
    'manager',
    'https',
    'suppression',
    'relay',
    'relay-https',
    'relay-mail',
    'relay-dialup',
    'https-manager',
    'destinations',
    'id-settings',
    'schedule',
    'version',
    'service-end',
    'service-expiry',
  ];
  it.each(all)('%s: a titled dialog whose every control has a label (ja and en)', async (id) => {
    for (const lang of ['ja', 'en'] as const) {
      await show({ 'activation.state': 'active' }, [id], lang);
      const d = screen.getByRole('dialog');
      const title = document.getElementById(d.getAttribute('aria-labelledby')!);
      expect(title?.textContent).toBeTruthy();
      // A hidden file input is driven by its labelled 参照 button, so it needs no label of its own.
      for (const el of d.querySelectorAll<HTMLInputElement>('input:not([type="file"][hidden]), select, textarea')) {
        expect(el.labels?.length ?? 0, `${id} ${lang}: ${el.outerHTML}`).toBeGreaterThan(0);
      }
      cleanup();
    }
  });

  it('English labels when lang is en', async () => {
    await show({ 'express.route': 'https' }, ['methods'], 'en');
    expect(dialog('Basic notification settings')).toBeTruthy();
    click(screen.getByLabelText('Express Report Service'));
    expect((await screen.findByRole('alertdialog')).textContent).toContain('Disable Express Report Service (HTTPS) first.');
  });
});

describe('バージョン情報, サービスの終了', () => {
  it('shows the product, version and config folder', async () => {
    await show({}, ['version']);
    const d = dialog('バージョン情報');
    expect(d.textContent).toContain('Express Report');
    expect(within(d).getByTestId('version').textContent).toBe('0.1.0');
    expect(within(d).getByTestId('config-dir').textContent).toBe('/tmp/express-report');
  });

  it('サービスの終了 asks first and then ends the service', async () => {
    const { host } = await show({ 'activation.state': 'active', 'activation.expiry': '2030-03-31' }, ['service-end']);
    expect(screen.getByTestId('service-expiry').textContent).toBe('2030-03-31');
    click(screen.getByRole('button', { name: 'サービスの終了...' }));
    const q = await screen.findByRole('alertdialog');
    expect(q.textContent).toContain('通報されません');
    click(within(q).getByRole('button', { name: 'いいえ' }));
    expect(host.endService).not.toHaveBeenCalled();
    click(screen.getByRole('button', { name: 'サービスの終了...' }));
    click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'はい' }));
    await waitFor(() => expect(screen.getByTestId('service-state').textContent).toBe('サービス終了'));
    expect(host.endService).toHaveBeenCalledTimes(1);
  });

  it('サービス有効期限の変更 sends the key and shows coded problems', async () => {
    const { host } = await show({ 'activation.state': 'ended', 'activation.expiry': '2030-03-31' }, ['service-expiry']);
    host.extendExpiry.mockResolvedValueOnce({ ok: false, problems: [problem('ER_3041', { other: 'U1', code: 'U2' })] });
    type(screen.getByLabelText('期限延長キー'), 'KEY-TEXT');
    click(screen.getByRole('button', { name: '変更' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('ER_3041'));
    expect(host.extendExpiry).toHaveBeenCalledWith({ key: 'KEY-TEXT' });
  });
});

it('a dialog opened before the snapshot arrives takes the saved values when it comes', async () => {
  const host = fakeHost(snapshotOf({ 'suppression.windowMinutes': 30 }));
  const store = createAppStore(host as unknown as HostApi);
  store.setState({ dialogs: ['suppression'], lang: 'ja' });
  render(
    <StoreContext.Provider value={store}>
      <Dialogs />
    </StoreContext.Provider>,
  );
  expect((screen.getByLabelText(/抑制時間/) as HTMLInputElement).value).toBe('60');
  const snapshot = await host.snapshot();
  act(() => store.setState({ snapshot }));
  expect((screen.getByLabelText(/抑制時間/) as HTMLInputElement).value).toBe('30');
});
