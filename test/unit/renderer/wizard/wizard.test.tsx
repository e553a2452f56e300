// @vitest-environment jsdom
/**
 * The setup utility (renderer/wizard) against a fake HostApi: the key-code and key-file paths to 完了, the host-name
 * mismatch warning (続行 / 終了), required fields, the individual customer, キャンセル and re-activation.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { type ReactNode } from 'react';
import { type AppSnapshot, type KeyFileRead, type Resources } from '../../../../shared/host/api.js';
import { type Settings } from '../../../../shared/settings/schema.js';
import { validateSettings } from '../../../../shared/settings/validate.js';
import { problem } from '../../../../shared/messages/problem.js';
import { type KeyFileSummary } from '../../../../shared/keyfile/model.js';
import { previewSettings } from '../../../../renderer/components/use-settings-form.js';
import { createAppStore, type AppStore } from '../../../../renderer/store.js';
import { StoreContext, useApp } from '../../../../renderer/store-context.js';
import { SetupWizard } from '../../../../renderer/wizard/SetupWizard.js';
import { fakeHost as sharedFake, snapshotOf as sharedSnapshot, type FakeHost } from '../fake-host.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const HOST = 'SERVER001';

const snapshotOf = (over: Partial<Settings> = {}): AppSnapshot => sharedSnapshot(over, { hostName: HOST, configDir: '/tmp/cfg' });

const resources: Resources = {
  deviceCodes: [{ code: 'N8100-2810', name: 'Express5800/R120h-1M' }],
  dealers: ['NEC'],
  monitoredEvents: [],
};

const summary: KeyFileSummary = {
  format: 'express-report-keyfile/1',
  userSystemCode: '008EWA0002',
  serverName: 'OTHERNAME',
  customer: {
    type: 'corporate',
    nameKana: 'ﾆﾁﾃﾞﾝ ﾀﾛｳ',
    name: '日電　太郎',
    department: '総務',
    postalCode: '0123456',
    addressKana: 'ﾄｳｷｮｳﾄﾌﾁｭｳｼ',
    address: '東京都府中市',
    addressDetail: '',
    phone: '0123-45-6789',
    email: 'aaa@bbb.co.jp',
    contactKana: 'ﾆﾁﾃﾞﾝ ﾊﾅｺ',
    contact: '日電　花子',
  },
  machine: { deviceCode: 'N8100-2811', serialNumber: '00000001', warrantyNumber: '99999999' },
  destinations: {},
  expiry: '2030-03-31',
  issuedAt: '2025-01-01',
  signer: 'CN=Reception Center',
  centerCertificateSubject: 'CN=Center',
};

/** The host for the wizard: it keeps its snapshot; checking answers every problem; activating makes it 'configured'. */
function fakeHost(snapshot: AppSnapshot, read?: KeyFileRead): FakeHost {
  return sharedFake(snapshot, {
    resources: async () => resources,
    // Like the host: every problem of the settings as they would be with these values.
    check: async (req) => validateSettings(previewSettings(snapshot.settings, req.values)),
    saveSettings: async () => ({ ok: true, snapshot }),
    readKeyFile: async () => read ?? { ok: true, summary, hostNameMismatch: false },
    activate: async () => ({ ok: true, snapshot: snapshotOf({ 'activation.state': 'configured' }) }),
  });
}

function DialogHost(): ReactNode {
  const open = useApp((s) => s.dialogs.includes('wizard'));
  return open ? <SetupWizard /> : null;
}

async function start(host: FakeHost, snapshot: AppSnapshot, lang: 'ja' | 'en' = 'ja'): Promise<AppStore> {
  const store = createAppStore(host);
  store.setState({ snapshot, resources, lang });
  store.getState().open('wizard');
  await act(async () => {
    render(
      <StoreContext.Provider value={store}>
        <DialogHost />
      </StoreContext.Provider>,
    );
  });
  return store;
}

const heading = (name: string) => screen.findByRole('heading', { level: 3, name });
const button = (name: RegExp) => screen.getByRole('button', { name });
async function click(el: HTMLElement): Promise<void> {
  await act(async () => {
    fireEvent.click(el);
  });
}
async function type(label: RegExp, value: string): Promise<void> {
  await act(async () => {
    fireEvent.change(screen.getByLabelText(label), { target: { value } });
  });
}
// 開局方式選択 is answered with 続行, the other pages with 次へ.
const next = () => click(button(/次へ|^続行$/));
const isOpen = (store: AppStore) => store.getState().dialogs.includes('wizard');

beforeEach(() => {
  localStorage.clear();
});
afterEach(() => {
  cleanup();
});

describe('setup utility: key code', () => {
  it('walks every page to 完了 and sends the exact activation request', async () => {
    const snap = snapshotOf();
    const host = fakeHost(snap);
    const store = await start(host, snap);
    // setSnapshot refreshes the event list from the host's log afterwards; record the notes as they are added.
    const notes: string[] = [];
    store.subscribe((s, prev) => {
      if (s.events.length > prev.events.length) notes.push(s.events.at(-1)!.text.ja);
    });

    await heading('開局方式選択');
    expect(screen.getByText('開局ファイルを持っていますか。')).toBeTruthy();
    await click(screen.getByLabelText('いいえ、持っていません。通報開局キーコードを入力します(I)'));
    await click(screen.getByLabelText('エクスプレス通報サービス(HTTPS)'));
    await next();

    await heading('通報開局キーコードの入力');
    const keyCode = screen.getByLabelText(/通報開局キーコード/);
    expect(keyCode.getAttribute('data-accesskey')).toBe('k');
    expect(keyCode.getAttribute('aria-keyshortcuts')).toBe('Alt+K');
    expect(keyCode.getAttribute('aria-required')).toBe('true');
    expect(screen.getByLabelText(/テスト・開局結果返信メールアドレス/).getAttribute('aria-required')).toBe('true');
    await type(/通報開局キーコード/, '01239');
    await type(/テスト・開局結果返信メールアドレス/, 'reply@example.jp');
    await next();
    // check got every typed value with the chosen method and route.
    const checked = host.check.mock.calls.at(-1)![0].values;
    expect(checked).toMatchObject({ 'activation.method': 'keycode', 'express.route': 'https', 'activation.keyCode': '01239', 'machine.serverName': HOST });
    expect(host.deviceInfo).toHaveBeenCalledTimes(1);

    // The device's identity could not be read: 装置の固有情報の入力.
    const dlg = await screen.findByRole('dialog', { name: '装置の固有情報の入力' });
    await act(async () => {
      fireEvent.change(within(dlg).getByLabelText(/装置コード/), { target: { value: 'N8100-2810' } });
    });
    await act(async () => {
      fireEvent.change(within(dlg).getByLabelText(/製造番号/), { target: { value: '12345678' } });
    });
    await click(within(dlg).getByRole('button', { name: 'OK' }));

    await heading('本機に関する情報');
    expect(screen.queryByRole('dialog', { name: '装置の固有情報の入力' })).toBeNull();
    expect((screen.getByLabelText(/サーバ名称/) as HTMLInputElement).value).toBe(HOST);
    expect((screen.getByLabelText(/装置コード/) as HTMLInputElement).value).toBe('N8100-2810');
    const shownCode = screen.getByLabelText(/通報開局キーコード/) as HTMLInputElement;
    expect(shownCode.readOnly).toBe(true);
    expect(shownCode.value).toBe('01239');
    expect(screen.queryByRole('heading', { name: 'お客様に関する情報' })).toBeNull();
    await type(/保証書番号/, '99999999');
    await type(/コメント/, 'rack 3');
    await next();

    await heading('オプション装置情報');
    await click(button(/追加/));
    const add = await screen.findByRole('dialog', { name: 'オプション装置の追加' });
    await act(async () => {
      fireEvent.change(within(add).getByLabelText(/オプション装置名/), { target: { value: 'LTO' } });
    });
    await act(async () => {
      fireEvent.change(within(add).getByLabelText(/装置コード/), { target: { value: 'N8103-100' } });
    });
    await act(async () => {
      fireEvent.change(within(add).getByLabelText(/製造番号/), { target: { value: 'S1' } });
    });
    await click(within(add).getByRole('button', { name: 'OK' }));
    expect(screen.getByText('LTO')).toBeTruthy();
    await next();

    await heading('販売店情報');
    expect(screen.queryByRole('button', { name: /次へ/ })).toBeNull();
    await type(/販売店名/, 'NEC');
    await type(/担当営業氏名/, '営業 一郎');
    await click(button(/完了/));

    expect(host.activate).toHaveBeenCalledTimes(1);
    expect(host.activate.mock.calls[0]![0]).toEqual({
      method: 'keycode',
      service: 'https',
      values: {
        'activation.keyCode': '01239',
        'activation.replyMail': 'reply@example.jp',
        'machine.serverName': HOST,
        'machine.deviceCode': 'N8100-2810',
        'machine.serialNumber': '12345678',
        'machine.warrantyNumber': '99999999',
        'machine.comment': 'rack 3',
        'dealer.name': 'NEC',
        'dealer.sales.department': '',
        'dealer.sales.name': '営業 一郎',
        'dealer.sales.phone': '',
        'dealer.se.department': '',
        'dealer.se.name': '',
        'dealer.se.phone': '',
      },
      optionDevices: [{ name: 'LTO', deviceCode: 'N8103-100', serialNumber: 'S1' }],
    });
    expect(host.saveSettings).not.toHaveBeenCalled();
    expect(isOpen(store)).toBe(false);
    expect(store.getState().snapshot?.settings['activation.state']).toBe('configured');
    expect(notes.some((n) => n.includes('開局しました'))).toBe(true);
  });

  it('keeps the page and shows the coded message next to a required field left empty', async () => {
    const snap = snapshotOf();
    const host = fakeHost(snap);
    const store = await start(host, snap);
    await click(screen.getByLabelText(/通報開局キーコードを入力します/));
    await click(screen.getByLabelText('エクスプレス通報サービス'));
    await next();
    await heading('通報開局キーコードの入力');
    // Express (not HTTPS): no reply address on this page.
    expect(screen.queryByLabelText(/返信メールアドレス/)).toBeNull();
    await next();

    const input = screen.getByLabelText(/通報開局キーコード/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(input);
    // The focused field's guide message goes to the bottom of the window.
    expect(store.getState().guide?.ja).toBe('通報開局キーコード(5桁の数字)を入力して下さい。');
    const err = document.getElementById(input.getAttribute('aria-describedby')!)!;
    expect(err.textContent).toContain('ER_3001');
    expect(err.textContent).toContain('通報開局キーコードを入力してください');
    expect(screen.getByRole('heading', { level: 3, name: '通報開局キーコードの入力' })).toBeTruthy();
    expect(host.deviceInfo).not.toHaveBeenCalled();

    await type(/通報開局キーコード/, '12a');
    await next();
    expect(screen.getByText(/ER_3003/)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: '通報開局キーコードの入力' })).toBeTruthy();
  });

  it('goes to the page of the first problem when activate refuses', async () => {
    const snap = snapshotOf();
    const host = fakeHost(snap);
    host.deviceInfo.mockResolvedValue({ deviceCode: 'N8100-2810', serialNumber: '1' });
    host.activate.mockResolvedValue({
      ok: false,
      problems: [problem('ER_3002', { label: '保証書番号', max: 16, length: 20 }, { field: 'machine.warrantyNumber' })],
    });
    const store = await start(host, snap);
    await click(screen.getByLabelText(/通報開局キーコードを入力します/));
    await click(screen.getByLabelText('エクスプレス通報サービス'));
    await next();
    await type(/通報開局キーコード/, '01239');
    await next();
    await heading('本機に関する情報');
    await type(/保証書番号/, '1');
    await next();
    await heading('オプション装置情報');
    await next();
    await heading('販売店情報');
    await click(button(/完了/));
    await heading('本機に関する情報');
    const input = screen.getByLabelText(/保証書番号/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/ER_3002/)).toBeTruthy();
    expect(isOpen(store)).toBe(true);
  });
});

describe('setup utility: key file', () => {
  it('warns of a host-name mismatch; 続行 registers the OS host name and activation carries the key file', async () => {
    const snap = snapshotOf();
    const host = fakeHost(snap, { ok: true, summary, hostNameMismatch: true });
    host.deviceInfo.mockResolvedValue({ deviceCode: 'N8100-9999', serialNumber: 'XYZ' });
    const store = await start(host, snap);

    await click(screen.getByLabelText('はい、持っています(E)'));
    await next();
    await heading('開局キーファイルの指定');
    await type(/開局キーファイル/, '/media/cd/key.erk');
    await next();
    expect(host.readKeyFile).toHaveBeenCalledWith({ path: '/media/cd/key.erk' });

    const warn = await screen.findByRole('dialog', { name: 'サーバ名称の確認' });
    expect(warn.textContent).toContain('OTHERNAME');
    expect(warn.textContent).toContain(HOST);
    await click(within(warn).getByRole('button', { name: '続行' }));

    await heading('お客様に関する情報');
    expect(screen.getByText(/008EWA0002/)).toBeTruthy();
    expect((screen.getByLabelText(/お客様名称\(カナ\)/) as HTMLInputElement).value).toBe('ﾆﾁﾃﾞﾝ ﾀﾛｳ');
    expect(screen.getByLabelText(/お客様名称\(カナ\)/).getAttribute('aria-keyshortcuts')).toBe('Alt+M');
    expect(screen.getByLabelText(/お客様郵便番号/).getAttribute('aria-required')).toBe('true');
    expect(screen.getByLabelText(/部署名/).getAttribute('aria-required')).toBeNull();
    await type(/お客様名称\(漢字\)/, '日電　太郎二');
    await next();

    await heading('本機に関する情報');
    const server = screen.getByLabelText(/サーバ名称/) as HTMLInputElement;
    expect(server.value).toBe(HOST);
    expect(server.disabled).toBe(true);
    // The key file's machine data wins over the device's.
    expect((screen.getByLabelText(/装置コード/) as HTMLInputElement).value).toBe('N8100-2811');
    expect(screen.queryByLabelText(/通報開局キーコード/)).toBeNull();
    await next();
    await heading('オプション装置情報');
    await next();
    await heading('販売店情報');
    await click(button(/完了/));

    const req = host.activate.mock.calls[0]![0];
    // The HTTPS service is chosen by default, as on the command line.
    expect(req).toMatchObject({ method: 'keyfile', service: 'https', keyFile: { path: '/media/cd/key.erk' }, acceptHostNameMismatch: true, optionDevices: [] });
    expect(req.confirmReactivation).toBeUndefined();
    expect(req.values).toMatchObject({
      'customer.type': 'corporate',
      'customer.name': '日電　太郎二',
      'customer.department': '総務',
      'machine.serverName': HOST,
      'machine.serialNumber': '00000001',
    });
    expect(req.values['activation.keyCode']).toBeUndefined();
    expect(isOpen(store)).toBe(false);
  });

  it('終了 on the mismatch warning closes the utility without activating', async () => {
    const snap = snapshotOf();
    const host = fakeHost(snap, { ok: true, summary, hostNameMismatch: true });
    const store = await start(host, snap);
    await next();
    await heading('開局キーファイルの指定');
    await type(/開局キーファイル/, 'C:\\key.erk');
    await next();
    const warn = await screen.findByRole('dialog', { name: 'サーバ名称の確認' });
    await click(within(warn).getByRole('button', { name: '終了' }));
    expect(isOpen(store)).toBe(false);
    expect(host.activate).not.toHaveBeenCalled();
    expect(host.saveSettings).not.toHaveBeenCalled();
    expect(host.deviceInfo).not.toHaveBeenCalled();
  });

  it('reads a browsed file as base64 and shows the key file problems', async () => {
    const snap = snapshotOf();
    const host = fakeHost(snap, { ok: false, problems: [problem('ER_3036', { what: { ja: '開局キーファイル', en: 'key file' } })] });
    await start(host, snap);
    await next();
    await heading('開局キーファイルの指定');
    const picker = screen.getByTestId('keyfile-picker');
    const file = new File(['hello'], 'key.erk', { type: 'application/octet-stream' });
    await act(async () => {
      fireEvent.change(picker, { target: { files: [file] } });
    });
    await waitFor(() => expect((screen.getByLabelText(/開局キーファイル/) as HTMLInputElement).value).toBe('key.erk'));
    await next();
    expect(host.readKeyFile).toHaveBeenCalledWith({ name: 'key.erk', contentBase64: btoa('hello') });
    expect(screen.getByText(/ER_3036/)).toBeTruthy();
    expect(screen.getByLabelText(/開局キーファイル/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('heading', { level: 3, name: '開局キーファイルの指定' })).toBeTruthy();
  });

  it('an individual customer disables and clears 部署名 and 担当者名', async () => {
    const snap = snapshotOf();
    const host = fakeHost(snap);
    host.deviceInfo.mockResolvedValue({ deviceCode: 'N8100-9999', serialNumber: 'XYZ' });
    await start(host, snap);
    await next();
    await type(/開局キーファイル/, '/key.erk');
    await next();
    await heading('お客様に関する情報');
    const dept = screen.getByLabelText(/部署名/) as HTMLInputElement;
    expect(dept.disabled).toBe(false);
    expect(dept.value).toBe('総務');
    await click(screen.getByLabelText(/個人/));
    for (const label of [/部署名/, /担当者名\(カナ\)/, /担当者名\(漢字\)/]) {
      const el = screen.getByLabelText(label) as HTMLInputElement;
      expect(el.disabled).toBe(true);
      expect(el.value).toBe('');
    }
    expect((screen.getByLabelText(/お客様名称\(漢字\)/) as HTMLInputElement).disabled).toBe(false);
    await next();
    await heading('本機に関する情報');
    expect(host.check.mock.calls.at(-1)![0].values).toMatchObject({ 'customer.type': 'individual', 'customer.department': '', 'customer.contact': '' });
  });
});

describe('setup utility: closing and re-activation', () => {
  it('キャンセル and Escape never write', async () => {
    const snap = snapshotOf();
    const host = fakeHost(snap);
    const store = await start(host, snap);
    await click(screen.getByLabelText(/通報開局キーコードを入力します/));
    await next();
    await type(/通報開局キーコード/, '01239');
    await click(button(/^キャンセル$/));
    expect(isOpen(store)).toBe(false);

    cleanup();
    const store2 = await start(host, snap);
    await act(async () => {
      fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    });
    expect(isOpen(store2)).toBe(false);
    expect(host.activate).not.toHaveBeenCalled();
    expect(host.saveSettings).not.toHaveBeenCalled();
  });

  it('on an activated machine opens on the registered information; 完了 changes only the registration, option devices loaded', async () => {
    const devices = [{ name: '増設ディスク', deviceCode: 'N8103-1001', serialNumber: 'A0001' }];
    const snap = {
      ...snapshotOf({
        'activation.state': 'active',
        'activation.method': 'keycode',
        'activation.userSystemCode': '1234567890',
        'machine.serverName': 'SERVER001',
        'machine.deviceCode': 'N8100-2810',
        'machine.serialNumber': '1',
        'machine.warrantyNumber': '2',
        'activation.replyMail': 'r@example.jp',
        'express.route': 'https',
      }),
      optionDevices: devices,
    };
    const host = fakeHost(snap);
    const store = await start(host, snap);
    await heading('登録されている開局情報');
    expect(screen.queryByText(/再開局すると/)).toBeNull();
    expect((screen.getByLabelText('ユーザシステムコード') as HTMLInputElement).value).toBe('1234567890');
    expect((screen.getByLabelText(/登録されている情報を変更する/) as HTMLInputElement).checked).toBe(true);
    await next();
    await heading('本機に関する情報');
    await type(/コメント/, '2F rack 3');
    await next();
    await heading('オプション装置情報');
    expect(screen.getByText('増設ディスク')).toBeTruthy();
    await next();
    await heading('販売店情報');
    await click(button(/完了/));
    expect(host.activate).not.toHaveBeenCalled();
    expect(host.updateRegistration).toHaveBeenCalledTimes(1);
    const req = host.updateRegistration.mock.calls[0]![0];
    expect(req.optionDevices).toEqual(devices);
    expect(req.values['machine.comment']).toBe('2F rack 3');
    expect(req.values['activation.replyMail']).toBe('r@example.jp');
    expect(Object.keys(req.values).filter((k) => !/^(customer|machine|dealer)\.|^activation\.replyMail$/.test(k))).toEqual([]);
    expect(isOpen(store)).toBe(false);
  });

  it('開局し直す asks ER_5001 with いいえ focused; いいえ goes back, はい activates with confirmReactivation', async () => {
    const snap = snapshotOf({
      'activation.state': 'active',
      'activation.method': 'keycode',
      'machine.deviceCode': 'N8100-2810',
      'machine.serialNumber': '1',
      'machine.warrantyNumber': '2',
      'express.route': 'https',
    });
    const host = fakeHost(snap);
    const store = await start(host, snap);
    await heading('登録されている開局情報');
    await click(screen.getByLabelText(/開局し直す/));
    await next();
    expect(screen.getByText('再開局すると、以前に設定した内容はすべて消去されます。よろしいですか?')).toBeTruthy();
    expect(document.activeElement?.textContent).toMatch(/いいえ/);
    await click(button(/いいえ/));
    await heading('登録されている開局情報');
    expect(isOpen(store)).toBe(true);

    await click(screen.getByLabelText(/開局し直す/));
    await next();
    await click(button(/はい/));
    await heading('開局方式選択');
    // The saved method and service are chosen.
    expect((screen.getByLabelText(/通報開局キーコードを入力します/) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('エクスプレス通報サービス(HTTPS)') as HTMLInputElement).checked).toBe(true);
    await next();
    await type(/通報開局キーコード/, '01239');
    await type(/テスト・開局結果返信メールアドレス/, 'a@b.jp');
    await next();
    await heading('本機に関する情報');
    await next();
    await next();
    await heading('販売店情報');
    await click(button(/完了/));
    expect(host.updateRegistration).not.toHaveBeenCalled();
    expect(host.activate.mock.calls[0]![0]).toMatchObject({ method: 'keycode', service: 'https', confirmReactivation: true });
    expect(isOpen(store)).toBe(false);
  });

  it('speaks English when lang is en', async () => {
    const snap = snapshotOf();
    const host = fakeHost(snap);
    await start(host, snap, 'en');
    await heading('Activation method');
    expect(screen.getByRole('dialog', { name: 'Express Report Service (HTTPS) setup utility' })).toBeTruthy();
    expect(screen.getByLabelText(/Yes, I have one/)).toBeTruthy();
    expect(button(/^Continue$/)).toBeTruthy();
  });
});
