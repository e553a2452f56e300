// @vitest-environment jsdom
/**
 * The manager relay's window (issue 13): the agent's way through a manager (HTTPS [マネージャ経由], Express via manager),
 * the manager's マネージャからのエクスプレス通報 dialogs with 宛先登録, エージェント一覧 and the relay in 通報サービスの状態,
 * against the shared fake host: what the user sees and exactly what is asked of the host.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { type Settings } from '../../../../shared/settings/schema.js';
import { problem } from '../../../../shared/messages/problem.js';
import { type HostApi, type RelayAgent, type ServiceStatus } from '../../../../shared/host/api.js';
import { createAppStore, type AppStore, type DialogId } from '../../../../renderer/store.js';
import { StoreContext } from '../../../../renderer/store-context.js';
import { App } from '../../../../renderer/app/App.js';
import { loadDialogs } from '../../../../renderer/app/dialogs.js';
import { configuredSnapshot, fakeHost, notifying, type FakeHost, type Answers } from '../fake-host.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

async function show(over: Partial<Settings>, dialogs: DialogId[], answers: Answers = notifying, lang: 'ja' | 'en' = 'ja') {
  const snapshot = configuredSnapshot(over);
  const host = fakeHost(snapshot, answers);
  const store = createAppStore(host as unknown as HostApi);
  store.setState({ dialogs, lang, snapshot });
  render(
    <StoreContext.Provider value={store}>
      <App onExit={() => undefined} />
    </StoreContext.Provider>,
  );
  if (dialogs.length > 0) await screen.findAllByRole('dialog');
  else await screen.findByRole('menubar');
  return { host, store } as { host: FakeHost; store: AppStore };
}

const click = (el: HTMLElement) =>
  act(async () => {
    fireEvent.click(el);
  });
const type = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });
const dialog = (name: string | RegExp) => screen.getByRole('dialog', { name });
const button = (name: string | RegExp, root: HTMLElement = document.body) => within(root).getByRole('button', { name });

// The dialogs' chunk loaded first, as the window does when idle after it is ready (renderer/app/dialogs.ts).
beforeAll(() => loadDialogs());
beforeAll(() => {
  Element.prototype.scrollIntoView = () => undefined;
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** テスト通報結果送付先の選択 → はい: the address the fake snapshot has. */
async function chooseResultMail(): Promise<void> {
  await click(button('OK', await screen.findByRole('dialog', { name: 'テスト通報結果送付先の選択' })));
  await click(button('はい', await screen.findByRole('alertdialog')));
}

describe('agent: エクスプレス通報サービス(HTTPS) [マネージャ経由]', () => {
  it('マネージャ経由 puts the direct settings aside and 宛先設定... opens the manager dialog', async () => {
    const { store } = await show({}, ['https']);
    const https = dialog('エクスプレス通報サービス(HTTPS)の基本設定');
    const open = button('マネージャ経由の宛先設定...', https) as HTMLButtonElement;
    expect(open.disabled).toBe(true);
    expect(button('テスト通報(1次)(T)', https)).toBeTruthy();
    await click(within(https).getByLabelText('マネージャ経由'));
    expect(open.disabled).toBe(false);
    expect((within(https).getByRole('group', { name: 'HTTPS で直接送る場合の設定' }) as HTMLFieldSetElement).disabled).toBe(true);
    expect(within(https).queryByRole('button', { name: 'テスト通報(1次)(T)' })).toBeNull();
    await click(open);
    expect(store.getState().dialogs).toEqual(['https', 'https-manager']);
  });

  it('テスト通報(T) goes through the manager with the values shown; the result says a dial-up manager sends no result', async () => {
    const { host } = await show({}, ['https-manager']);
    const d = dialog('エクスプレス通報サービス(HTTPS)(マネージャ経由)の設定');
    type(within(d).getByLabelText(/IPアドレス\(またはホスト名\)/, { selector: '[name="https.manager.host"]' }), '192.168.0.20');
    expect(within(d).queryByRole('button', { name: /テスト通報\(2次\)/ })).toBeNull();
    await click(button('テスト通報(T)', d));
    await chooseResultMail();
    const result = await screen.findByRole('dialog', { name: 'テスト通報の結果' });
    expect(result.textContent).toContain('192.168.0.20:31138');
    expect(result.textContent).toContain('マネージャでダイヤルアップ経由が選択されている場合は、テスト結果は送付されません');
    expect(host.testNotify.mock.calls[0]?.[0]).toEqual({
      resultMail: 'customer@example.jp',
      target: 'primary',
      override: { values: { 'https.via': 'manager', 'https.manager.host': '192.168.0.20' } },
    });
  });

  it('OK saves マネージャ経由 with the address; 初期値(D) sets 31138', async () => {
    const { host, store } = await show({ 'https.manager.port': 1234 }, ['https-manager']);
    const d = dialog('エクスプレス通報サービス(HTTPS)(マネージャ経由)の設定');
    type(within(d).getByRole('textbox', { name: /^IPアドレス/ }), 'hmanager.example.jp');
    await click(button('初期値(D) (ポート番号)', d));
    await click(button('OK', d));
    await waitFor(() => expect(store.getState().dialogs).toEqual([]));
    expect(host.saveSettings.mock.calls[0]?.[0].values).toEqual({
      'https.via': 'manager',
      'https.manager.host': 'hmanager.example.jp',
      'https.manager.port': '31138',
    });
  });

  it('ID設定 → 宛先設定... opens the manager dialog while HTTPS goes through a manager', async () => {
    const { store } = await show({ 'https.via': 'manager' }, ['id-settings']);
    await click(button('宛先設定...'));
    expect(store.getState().dialogs.at(-1)).toBe('https-manager');
  });
});

describe('agent: エクスプレス通報サービス(マネージャ経由)', () => {
  it('has the secondary manager, one テスト通報(T), and shows the answer the manager gave', async () => {
    const { host } = await show({ 'express.route': 'manager', 'manager.host': 'mgr.example.jp' }, ['manager'], (held) => ({
      ...notifying(held),
      testNotify: async () => ({ ok: true, detail: 'manager mgr.example.jp:31136 acknowledged', snapshot: held.current }),
    }));
    const d = dialog('エクスプレス通報サービス(マネージャ経由)の設定');
    expect(within(d).getByRole('group', { name: '予備のマネージャ(省略可)' })).toBeTruthy();
    await click(button('テスト通報(T)', d));
    await chooseResultMail();
    const result = await screen.findByRole('dialog', { name: 'テスト通報の結果' });
    expect(result.textContent).toContain('manager mgr.example.jp:31136 acknowledged');
    expect(result.textContent).toContain('テスト結果は送付されません');
    expect(host.testNotify.mock.calls[0]?.[0]).toEqual({ resultMail: 'customer@example.jp', target: 'primary' });
  });
});

describe('manager: マネージャからのエクスプレス通報', () => {
  it('ポート番号(P) with 初期値(E), and 設定(S)... opens the chosen forwarding route; its OK only saves', async () => {
    const { host, store } = await show({ 'relay.express.enabled': true, 'relay.express.port': 4000 }, ['relay']);
    const d = dialog('マネージャからのエクスプレス通報の基本設定');
    await click(button('初期値(E) (ポート番号)', d));
    expect((within(d).getByRole('textbox', { name: 'ポート番号(P)' }) as HTMLInputElement).value).toBe('31136');
    await click(within(d).getByLabelText('ダイヤルアップ経由(D)'));
    await click(button(/^設定\(S\)\.\.\. ダイヤルアップ経由/, d));
    expect(store.getState().dialogs).toEqual(['relay', 'relay-dialup']);
    const dial = dialog('マネージャからのエクスプレス通報(ダイヤルアップ経由)');
    type(within(dial).getByLabelText(/一次通報先電話番号/), '03-1234-5678');
    await click(button('OK', dial));
    await waitFor(() => expect(store.getState().dialogs).toEqual(['relay']));
    expect(screen.queryByRole('alertdialog')).toBeNull(); // no 「この通報手段を有効にしますか?」: the manager's own route stays
    expect(host.saveSettings.mock.calls[0]?.[0].values).toEqual({ 'dialup.primary.number': '03-1234-5678' });
    expect(d.textContent).toContain('到達確認テスト');
    expect(d.textContent).toContain('OPFILELESS');
  });

  it('宛先登録(A)... reads the key file through the host without activating again, then 完了', async () => {
    const { host } = await show({ 'relay.express.enabled': true }, ['relay']);
    await click(button('宛先登録(A)...'));
    const tool = dialog('通報開局FD読み取りツール');
    expect(button('次へ(N) >', tool)).toHaveProperty('disabled', true);
    const file = new File(['key'], 'KEY.DAT');
    await act(async () => {
      fireEvent.change(screen.getByTestId('register-destinations-picker'), { target: { files: [file] } });
    });
    await waitFor(() => expect(button('次へ(N) >', tool)).toHaveProperty('disabled', false));
    await click(button('次へ(N) >', tool));
    await waitFor(() => expect(within(tool).getByTestId('registered-destinations')).toBeTruthy());
    expect(host.registerDestinations.mock.calls[0]?.[0]).toEqual({ name: 'KEY.DAT', contentBase64: Buffer.from('key').toString('base64') });
    expect(host.activate).not.toHaveBeenCalled();
    await click(button('完了', tool));
    expect(screen.queryByRole('dialog', { name: '通報開局FD読み取りツール' })).toBeNull();
  });

  it('宛先登録 shows the coded refusal and stays on the page', async () => {
    await show({}, ['relay'], (held) => ({
      ...notifying(held),
      registerDestinations: async () => ({ ok: false, problems: [problem('ER_3131', { file: 'KEY.DAT' })] }),
    }));
    await click(button('宛先登録(A)...'));
    const tool = dialog('通報開局FD読み取りツール');
    await act(async () => {
      fireEvent.change(screen.getByTestId('register-destinations-picker'), { target: { files: [new File(['k'], 'KEY.DAT')] } });
    });
    await waitFor(() => expect(button('次へ(N) >', tool)).toHaveProperty('disabled', false));
    await click(button('次へ(N) >', tool));
    await waitFor(() => expect(tool.textContent).toContain('ER_3131'));
    expect(button('次へ(N) >', tool)).toBeTruthy();
  });

  it('the HTTPS relay: ポート番号 31138, the proxy, and the manager’s own テスト通報(1次)/(2次)', async () => {
    await show({ 'relay.https.enabled': true, 'relay.https.port': 5000 }, ['methods']);
    await click(button('マネージャからのエクスプレス通報(HTTPS)の設定'));
    const d = dialog('マネージャからのエクスプレス(HTTPS)通報の基本設定');
    await click(button('初期値(E) (ポート番号)', d));
    expect((within(d).getByRole('textbox', { name: 'ポート番号(P)' }) as HTMLInputElement).value).toBe('31138');
    expect(within(d).getByLabelText('指定したプロキシサーバを使用する')).toBeTruthy();
    expect(button('テスト通報(1次)(T)', d)).toBeTruthy();
    expect(d.textContent).toContain('テスト通報(1次、2次通報先があれば 2次も)が正常に終了した後に、エージェント側を設定してください');
  });
});

const agent = (over: Partial<RelayAgent>): RelayAgent => ({
  identity: 'N8100-1234:SN0001',
  serverName: 'agent01',
  deviceCode: 'N8100-1234',
  serialNumber: 'SN0001',
  userSystemCode: 'USC0001',
  addresses: ['192.168.0.11'],
  firstSeen: '2026-01-01T00:00:00.000Z',
  lastSeen: '2026-03-01T00:00:00.000Z',
  received: 3,
  forwarded: 2,
  waiting: 1,
  silent: false,
  conflict: false,
  ...over,
});

describe('エージェント一覧', () => {
  it('is in the ツール menu; without the service it shows the status dialog’s ER_1032', async () => {
    const { store } = await show({}, []);
    await click(screen.getByRole('menuitem', { name: 'ツール(T)' }));
    await click(screen.getByRole('menuitem', { name: 'エージェント一覧(A)' }));
    expect(store.getState().dialogs).toEqual(['relay-agents']);
    const d = dialog('エージェント一覧');
    await waitFor(() => expect(within(d).getByTestId('agents-failed').textContent).toContain('ER_1032'));
  });

  it('lists agents by identity, marks silent and conflicting ones in words', async () => {
    const agents = [
      agent({}),
      agent({ identity: 'N8100-1234:SN0002', serialNumber: 'SN0002', silent: true, conflict: true, lastProblem: problem('ER_1032', { path: '/x' }) }),
    ];
    await show({}, ['relay-agents'], { relayAgents: async () => ({ ok: true, agents }) });
    const table = await screen.findByTestId('relay-agents');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-identity'))).toEqual(['N8100-1234:SN0001', 'N8100-1234:SN0002']);
    expect(within(rows[0]!).getByRole('rowheader').textContent).toBe('N8100-1234:SN0001');
    expect(rows[0]!.textContent).toContain('192.168.0.11');
    expect(within(rows[1]!).getByTestId('agent-flags').textContent).toBe('35 日以上通報なし、同じ装置を名乗るマシンが複数あります');
    expect(rows[1]!.textContent).toContain('ER_1032');
    expect(screen.queryByTestId('agents-too-many')).toBeNull();
  });

  it('warns beyond 1,000 agents (reports are still taken), in English too', async () => {
    const agents = Array.from({ length: 1001 }, (_, i) => agent({ identity: `D:${i}`, serialNumber: String(i) }));
    await show({}, ['relay-agents'], { relayAgents: async () => ({ ok: true, agents }) }, 'en');
    expect((await screen.findByTestId('agents-too-many')).textContent).toContain('1001 agents report here; one manager is meant for up to 1,000');
  });
});

describe('通報サービスの状態: the relay', () => {
  it('shows each receive port, a port that cannot be opened with its problem, and the agents', async () => {
    const status: ServiceStatus = {
      state: 'active',
      pending: 0,
      expired: 0,
      pid: 42,
      startedAt: '2026-03-01T00:00:00.000Z',
      relay: {
        listeners: [
          { kind: 'express', port: 31136, state: 'open' },
          { kind: 'https', port: 31138, state: 'failed', problem: problem('ER_2330', { kind: 'HTTPS', port: 31138, reason: 'EADDRINUSE', seconds: 30 }) },
        ],
        agents: 5,
        waiting: 2,
        flagged: 1,
      },
    };
    const { store } = await show({}, ['service-status'], { serviceStatus: async () => status });
    const relay = await screen.findByTestId('status-relay');
    const items = within(relay).getAllByRole('listitem');
    expect(items[0]!.textContent).toBe('マネージャからのエクスプレス通報: ポート 31136 受信中');
    expect(items[1]!.textContent).toContain('ポート 31138 開けません');
    expect(items[1]!.textContent).toContain('ER_2330');
    expect(within(relay).getByTestId('status-relay-agents').textContent).toContain('エージェント 5 台、転送待ち 2 件、注意 1 台');
    await click(button('エージェント一覧...', relay));
    expect(store.getState().dialogs).toEqual(['service-status', 'relay-agents']);
  });
});
