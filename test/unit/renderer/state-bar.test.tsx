// @vitest-environment jsdom
/**
 * State that cannot lie (issue 11 section 2), in the window: the state bar's machine, state, overlay, route, service
 * and queue, kept fresh by queries only; 運用中 never alone while no service runs; サービスの終了 / サービス有効期限の変更
 * enabled only in the states the manual allows, with the reason when not; ユーザシステムコード in バージョン情報 and the
 * status dialog. Against a fake HostApi.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { type ReactNode } from 'react';
import { type Settings } from '../../../shared/settings/schema.js';
import { problem } from '../../../shared/messages/problem.js';
import { type AppSnapshot, type HostApi, type ServiceStatus } from '../../../shared/host/api.js';
import { createAppStore, type AppStore } from '../../../renderer/store.js';
import { StoreContext } from '../../../renderer/store-context.js';
import { StatusBar } from '../../../renderer/components/StatusBar.js';
import { MenuBar } from '../../../renderer/components/MenuBar.js';
import { useLiveState } from '../../../renderer/components/use-live-state.js';
import { settingsDialogs } from '../../../renderer/settings/index.js';
import { configuredSnapshot as snapshotOf, fakeHost as sharedFake, notifying, type FakeHost as Fake } from './fake-host.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const fakeHost = (s: AppSnapshot): Fake => sharedFake(s, notifying);

const machine: Partial<Settings> = { 'machine.serverName': 'SERVER001', 'machine.deviceCode': 'N8100-2810', 'machine.serialNumber': '00000001' };

function snap(over: Partial<Settings>): AppSnapshot {
  return { ...snapshotOf({ ...machine, ...over }) };
}

async function mount(node: ReactNode, s: AppSnapshot, status?: ServiceStatus): Promise<{ host: Fake; store: AppStore }> {
  const host = fakeHost(s);
  host.serviceStatus.mockResolvedValue(status);
  const store = createAppStore(host as unknown as HostApi);
  store.setState({ lang: 'ja', snapshot: s });
  await act(async () => {
    render(<StoreContext.Provider value={store}>{node}</StoreContext.Provider>);
  });
  return { host, store };
}

const bar = () => screen.getByRole('status', { name: '状態' });
const part = (id: string) => within(bar()).getByTestId(id).textContent;

const running = (over: Partial<ServiceStatus> = {}): ServiceStatus => ({
  state: 'active',
  pending: 2,
  expired: 1,
  pid: 42,
  startedAt: '2025-01-02T03:00:00.000Z',
  lastDelivery: { at: '2025-01-02T03:10:00.000Z', reportId: 'r-ok', detail: 'URL1 answered 200 OK' },
  lastFailure: { at: '2025-01-02T04:05:00.000Z', reportId: 'r-bad', problem: problem('ER_2002', { peer: 'center', reason: 'ECONNREFUSED' }) },
  ...over,
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the state bar', () => {
  it('運用中 with no service running says so: 停止中 and that failures are not reported; the queue is unknown', async () => {
    await mount(<StatusBar />, snap({ 'activation.state': 'active', 'express.route': 'https', 'https.proxy.use': true }));
    await waitFor(() => expect(part('service')).toBe('サービス: 停止中'));
    expect(part('state')).toBe('運用中');
    expect(part('service-warning')).toContain('通報サービスが停止しているため、障害は通報されません');
    expect(part('machine')).toBe('装置: SERVER001(装置コード N8100-2810、製造番号 00000001)');
    expect(part('route')).toBe('通報手段: HTTPS(プロキシ経由)');
    expect(part('queue')).toBe('送信待ち: -');
    // One readable text: every part is in the status region, separated for a screen reader.
    expect(bar().textContent).toMatch(/装置: SERVER001.*; 運用中; 通報サービスが停止.*; 通報手段: HTTPS\(プロキシ経由\); サービス: 停止中; 送信待ち: -/);
  });

  it('with the service running: 稼働中, the queue and the last result with its time, and no warning', async () => {
    const { host } = await mount(
      <StatusBar />,
      snap({ 'activation.state': 'active', 'express.route': 'https' }),
      running({ notSent: { noRoute: 3, last: { at: '2025-01-02T04:06:00.000Z', what: 'atapi 0xc0040006' } } }),
    );
    await waitFor(() => expect(part('service')).toBe('サービス: 稼働中'));
    const failedAt = new Date('2025-01-02T04:05:00.000Z');
    const hm = `${String(failedAt.getHours()).padStart(2, '0')}:${String(failedAt.getMinutes()).padStart(2, '0')}`;
    expect(part('queue')).toMatch(new RegExp(`^送信待ち 2 件・期限切れ 1 件・最終: 失敗 ER_2002 (\\d+/\\d+ )?${hm}$`));
    expect(within(bar()).getByTestId('queue').getAttribute('title')).toContain('ER_2002');
    expect(part('route')).toBe('通報手段: HTTPS(直接)');
    expect(part('not-sent')).toBe('未送信(通報手段なし) 3 件');
    expect(within(bar()).queryByTestId('service-warning')).toBeNull();
    expect(host.serviceStatus).toHaveBeenCalled();
  });

  it('says the route is off, and keeps 変更後未テスト as a flag beside the state', async () => {
    await mount(<StatusBar />, { ...snap({ 'activation.state': 'tested', 'express.route': 'off' }), untested: { areas: ['destinations'] } }, running());
    await waitFor(() => expect(part('service')).toBe('サービス: 稼働中'));
    expect(part('route')).toBe('通報手段: 通報手段なし(無効)');
    expect(part('state')).toBe('テスト通報済み');
    expect(part('untested')).toBe('変更後未テスト');
  });

  it('a service that cannot be asked is "not answering", with the coded reason in its title', async () => {
    const { host } = await mount(<StatusBar />, snap({ 'activation.state': 'active' }));
    host.serviceStatus.mockReset();
    host.serviceStatus.mockRejectedValue(new Error('boom'));
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await waitFor(() => expect(part('service')).toBe('サービス: 応答なし'));
    expect(within(bar()).getByTestId('service').getAttribute('title')).toContain('boom');
    expect(part('service-warning')).toBeTruthy(); // still 運用中 and nothing is known to be sending
  });
});

function Probe({ ms }: { ms: number }): ReactNode {
  const live = useLiveState(ms);
  return <p data-testid="live">{live.kind}</p>;
}

describe('keeping the state bar fresh (queries only)', () => {
  it('asks on mount, when the snapshot changes, when the window becomes visible, and on its interval; never while hidden', async () => {
    const s = snap({ 'activation.state': 'configured' });
    const { host, store } = await mount(<Probe ms={60_000} />, s);
    await waitFor(() => expect(screen.getByTestId('live').textContent).toBe('stopped'));
    const calls = () => host.serviceStatus.mock.calls.length;
    expect(calls()).toBe(1);
    // The snapshot changed (a save, a notification): the service is asked again at once.
    await act(async () => {
      store.setState({ snapshot: { ...s, settings: { ...s.settings, 'activation.state': 'tested' } } });
    });
    await waitFor(() => expect(calls()).toBe(2));
    // Back in front of the user: asked again (and the snapshot, which the command line may have changed).
    host.serviceStatus.mockResolvedValue(running());
    const changed = { ...s, settings: { ...s.settings, 'activation.state': 'active' as const } };
    host.snapshot.mockResolvedValue(changed);
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await waitFor(() => expect(screen.getByTestId('live').textContent).toBe('running'));
    await waitFor(() => expect(store.getState().snapshot?.settings['activation.state']).toBe('active'));
    // Hidden: nothing is asked.
    const hidden = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const before = calls();
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(calls()).toBe(before);
    hidden.mockRestore();
    cleanup();
    // The interval (short here) asks by itself while visible.
    const again = await mount(<Probe ms={20} />, s);
    await waitFor(() => expect(again.host.serviceStatus.mock.calls.length).toBeGreaterThanOrEqual(3));
    // Nothing but queries: no save, no notification, no event.
    for (const m of ['saveSettings', 'testNotify', 'activateNotify', 'testEvent', 'endService'] as const) expect(again.host[m]).not.toHaveBeenCalled();
  });

  it('does not replace the snapshot under an open dialog', async () => {
    const s = snap({ 'activation.state': 'configured' });
    const { host, store } = await mount(<Probe ms={20} />, s);
    await act(async () => {
      store.getState().open('https');
    });
    host.snapshot.mockResolvedValue({ ...s, settings: { ...s.settings, 'activation.state': 'active' } });
    await waitFor(() => expect(host.serviceStatus.mock.calls.length).toBeGreaterThanOrEqual(3));
    expect(store.getState().snapshot?.settings['activation.state']).toBe('configured');
  });
});

async function openTools(): Promise<HTMLElement> {
  await act(async () => {
    fireEvent.click(screen.getByRole('menuitem', { name: 'ツール(T)' }));
  });
  return screen.getByRole('menu', { name: 'ツール' });
}

describe('サービスの終了 and サービス有効期限の変更 in the ツール menu', () => {
  it.each([
    ['configured', true, true],
    ['tested', true, true],
    ['active', false, true],
    ['ended', true, false],
  ] as const)('state %s: サービスの終了 disabled %s, サービス有効期限の変更 disabled %s', async (state, endOff, expiryOff) => {
    const { store } = await mount(<MenuBar onExit={() => undefined} />, snap({ 'activation.state': state }));
    const menu = await openTools();
    const end = within(menu).getByRole('menuitem', { name: 'サービスの終了(Q)' });
    const expiry = within(menu).getByRole('menuitem', { name: 'サービス有効期限の変更(R)' });
    expect(end.getAttribute('aria-disabled') === 'true').toBe(endOff);
    expect(expiry.getAttribute('aria-disabled') === 'true').toBe(expiryOff);
    if (endOff) {
      // The reason is there before choosing: the tooltip, the description, and the guide line when it has the keyboard.
      expect(end.getAttribute('title')).toContain('サービスの開始後(運用中)にだけ');
      expect(end.getAttribute('aria-description')).toBe(end.getAttribute('title'));
      act(() => {
        end.focus();
      });
      expect(store.getState().guide?.ja).toContain('サービスの開始後(運用中)にだけ');
      await act(async () => {
        fireEvent.click(end);
      });
      expect(store.getState().dialogs).toEqual([]); // nothing opened; the menu stays open
      expect(screen.getByRole('menu', { name: 'ツール' })).toBeTruthy();
    } else {
      await act(async () => {
        fireEvent.click(end);
      });
      expect(store.getState().dialogs).toEqual(['service-end']);
    }
    if (expiryOff) {
      expect(expiry.getAttribute('title')).toContain('サービスの終了後にだけ');
    } else {
      await act(async () => {
        fireEvent.click(expiry);
      }); // the menu is still open: サービスの終了 did nothing
      expect(store.getState().dialogs).toEqual(['service-expiry']);
    }
  });
});

describe('ユーザシステムコード after activation', () => {
  const Version = settingsDialogs.version!;
  const Status = settingsDialogs['service-status']!;

  it('バージョン情報 shows the code the center gave; a key-code machine, that the manager takes OPFILELESS', async () => {
    await mount(<Version />, snap({ 'activation.state': 'active', 'activation.method': 'keyfile', 'activation.userSystemCode': 'U0123456789' }));
    expect(screen.getByTestId('user-system-code').textContent).toBe('U0123456789');
    cleanup();
    await mount(<Version />, snap({ 'activation.state': 'configured', 'activation.method': 'keycode' }));
    expect(screen.getByTestId('user-system-code').textContent).toContain('OPFILELESS');
  });

  it('the status dialog shows it, whether or not the service runs', async () => {
    await mount(<Status />, snap({ 'activation.state': 'active', 'activation.method': 'keyfile', 'activation.userSystemCode': 'U0123456789' }));
    await screen.findByTestId('service-stopped');
    expect(screen.getByTestId('status-user-system-code').textContent).toBe('U0123456789');
  });
});
