// @vitest-environment jsdom
/**
 * テスト通報 / 開局通報 in the HTTPS and mail dialogs, 通報テスト from the event tree and 通報サービスの状態, against a fake
 * HostApi: the questions of the original in their order, and exactly what is asked of the host.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { problem } from '../../../shared/messages/problem.js';
import { type AppSnapshot, type HostApi, type Notified, type ServiceStatus } from '../../../shared/host/api.js';
import { configuredSnapshot as snapshotOf, fakeHost as sharedFake, notifying, type FakeHost as Fake } from './fake-host.js';
import { createAppStore, type AppStore, type DialogId } from '../../../renderer/store.js';
import { StoreContext } from '../../../renderer/store-context.js';
import { App } from '../../../renderer/app/App.js';
import { loadDialogs } from '../../../renderer/app/dialogs.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const fakeHost = (s: AppSnapshot): Fake => sharedFake(s, notifying);

async function show(snapshot: AppSnapshot, dialogs: DialogId[], lang: 'ja' | 'en' = 'ja'): Promise<{ host: Fake; store: AppStore }> {
  const host = fakeHost(snapshot);
  const store = createAppStore(host as unknown as HostApi);
  store.setState({ dialogs, lang, snapshot });
  render(
    <StoreContext.Provider value={store}>
      <App onExit={() => undefined} />
    </StoreContext.Provider>,
  );
  await screen.findByRole('dialog', { name: dialogs.length > 0 ? /.+/ : undefined });
  return { host, store };
}

/** A click, and whatever host calls it starts settled (so their state updates land inside act). */
const click = (el: HTMLElement) =>
  act(async () => {
    fireEvent.click(el);
  });
const button = (name: string | RegExp, root: HTMLElement = document.body) => within(root).getByRole('button', { name });
const question = async () => screen.findByRole('alertdialog');
const selection = () => screen.findByRole('dialog', { name: 'テスト通報結果送付先の選択' });

// The dialogs' chunk loaded first, as the window does when idle after it is ready (renderer/app/dialogs.ts).
beforeAll(() => loadDialogs());
beforeAll(() => {
  Element.prototype.scrollIntoView = () => undefined; // jsdom has no layout
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const ROUTE_ONLY = { values: { 'express.route': 'https' } };
const resultDialog = (name = 'テスト通報の結果') => screen.findByRole('dialog', { name });

describe('テスト通報 (HTTPS)', () => {
  it('asks where the result goes (いいえ goes back), tests the primary, and shows the result in a dialog: outcome, destination, time', async () => {
    const { host } = await show(snapshotOf(), ['https']);
    expect(button('開局通報(O)')).toHaveProperty('disabled', true);
    await click(button('テスト通報(1次)(T)'));
    const pick = await selection();
    const address = within(pick).getByLabelText('メールアドレス') as HTMLInputElement;
    expect(address.value).toBe('customer@example.jp');
    fireEvent.change(address, { target: { value: 'first@example.jp' } });
    await click(button('OK', pick));
    const q1 = await question();
    expect(q1.textContent).toContain('テスト通報結果は、電子メールにて以下の宛先に送付されます。よろしいですか?');
    expect(q1.textContent).toContain('first@example.jp');
    await click(button('いいえ', q1));

    const again = await selection();
    const address2 = within(again).getByLabelText('メールアドレス') as HTMLInputElement;
    expect(address2.value).toBe('first@example.jp');
    fireEvent.change(address2, { target: { value: 'result@example.jp' } });
    await click(button('OK', again));
    await click(button('はい', await question()));

    const result = await resultDialog();
    const attempt = within(result).getByTestId('notify-attempt');
    expect(attempt.textContent).toContain('テスト通報: 成功しました');
    expect(attempt.textContent).toContain('一次通報先 (https://primary.example/report)');
    expect(attempt.querySelector('time')?.getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(attempt.textContent).toContain('HTTP 200');
    // Nothing differs from the saved settings (HTTPS is the saved route): no override, so the host does not log 「画面の未保存の値で」.
    expect(host.testNotify.mock.calls.map((c) => c[0])).toEqual([{ resultMail: 'result@example.jp', target: 'primary' }]);
    await click(button('OK', result));
    expect(screen.queryByRole('dialog', { name: 'テスト通報の結果' })).toBeNull();
    await waitFor(() => expect(button('開局通報(O)')).toHaveProperty('disabled', false));

    // テスト通報(2次): the same questions, then the secondary.
    await click(button('テスト通報(2次)(2)'));
    await click(button('OK', await selection()));
    await click(button('はい', await question()));
    expect(within(await resultDialog()).getByTestId('notify-attempt').textContent).toContain('二次通報先 (https://secondary.example/report)');
    expect(host.testNotify.mock.calls[1]![0]).toMatchObject({ target: 'secondary' });
  });

  it('sends a fax request; without URL2 テスト通報(2次) is disabled; refuses a malformed address in the selection', async () => {
    const { host } = await show(snapshotOf({}, ''), ['https']);
    expect(button('テスト通報(2次)(2)')).toHaveProperty('disabled', true);
    await click(button('テスト通報(1次)(T)'));
    const pick = await selection();
    fireEvent.change(within(pick).getByLabelText('メールアドレス'), { target: { value: 'not an address' } });
    await click(button('OK', pick));
    expect(within(pick).getByRole('alert').textContent).toContain('ER_3007');
    await click(within(pick).getByLabelText('ファクシミリ(F)'));
    await click(button('OK', pick));
    const q = await question();
    expect(q.textContent).toContain('ファクシミリにて送付されます');
    await click(button('はい', q));
    await resultDialog();
    expect(host.testNotify.mock.calls.map((c) => c[0])).toEqual([{ resultVia: 'fax', target: 'primary' }]);
  });

  it('shows progress while the host works, and the coded problem in the result dialog when it fails', async () => {
    const { host } = await show(snapshotOf(), ['https']);
    let answer: (r: Notified) => void = () => undefined;
    host.testNotify.mockImplementationOnce(
      () =>
        new Promise((r) => {
          answer = r;
        }),
    );
    await click(button('テスト通報(1次)(T)'));
    await click(button('OK', await selection()));
    await click(button('はい', await question()));
    expect((await screen.findByTestId('notify-progress')).textContent).toContain('テスト通報中です');
    expect(button('テスト通報(1次)(T)')).toHaveProperty('disabled', true);
    await act(async () => answer({ ok: false, problems: [problem('ER_2002', { peer: 'URL1', reason: 'ECONNREFUSED' })] }));
    const attempt = within(await resultDialog()).getByTestId('notify-attempt');
    expect(attempt.getAttribute('data-ok')).toBe('false');
    expect(attempt.textContent).toContain('テスト通報: 失敗しました');
    expect(attempt.textContent).toContain('ER_2002');
    expect(screen.queryByTestId('notify-progress')).toBeNull();
  });

  it("tests with the dialog's unsaved values and destinations read by 宛先の読み込み, saving nothing; キャンセル keeps it so", async () => {
    const { host, store } = await show(snapshotOf(), ['https']);
    fireEvent.change(screen.getByLabelText(/タイムアウト時間/), { target: { value: '120' } });
    const d = screen.getByRole('dialog', { name: 'エクスプレス通報サービス(HTTPS)の基本設定' });
    await act(async () => {
      fireEvent.change(d.querySelector('input[type="file"]')!, {
        target: { files: [new File(['[URL1]\nURL= https://read.example/report\n'], 'AMHTPADR.INF')] },
      });
    });
    await waitFor(() => expect((screen.getByLabelText('1次通報先 (URL1)') as HTMLInputElement).value).toBe('https://read.example/report'));
    await click(button('テスト通報(1次)(T)'));
    await click(button('OK', await selection()));
    await click(button('はい', await question()));
    expect(within(await resultDialog()).getByTestId('notify-attempt').textContent).toContain('https://read.example/report');
    expect(host.testNotify.mock.calls[0]![0].override).toEqual({
      values: { 'https.timeoutSeconds': '120' },
      destinations: { url1: 'https://read.example/report' },
    });
    await click(button('OK', await resultDialog()));
    await click(button('キャンセル', d));
    expect(store.getState().dialogs).toEqual([]);
    expect(host.saveSettings).not.toHaveBeenCalled();
  });

  it('works before the route is saved as the enabled one, with this route', async () => {
    const { host } = await show(snapshotOf({ 'express.route': 'off' }), ['https']);
    expect(screen.getByText(/この画面の設定でテスト通報します/)).toBeTruthy();
    await click(button('テスト通報(1次)(T)'));
    await click(button('OK', await selection()));
    await click(button('はい', await question()));
    await resultDialog();
    expect(host.testNotify.mock.calls[0]![0].override).toEqual(ROUTE_ONLY);
    expect(host.saveSettings).not.toHaveBeenCalled();
  });

  it('says a test is advisable when the settings changed since the last test (変更後未テスト)', async () => {
    await show({ ...snapshotOf({ 'activation.state': 'active' }), untested: { areas: ['certificate'] } }, ['https']);
    expect(screen.getByTestId('untested-advice').textContent).toContain('変更後未テスト');
    expect(screen.getByTestId('untested-advice').textContent).toContain('証明書');
    expect(screen.getByTestId('untested').textContent).toBe('変更後未テスト');
  });
});

describe('開局通報', () => {
  it('lists definition-file errors (ER_5002): OK sends anyway with ignoreDefinitionErrors', async () => {
    const { host } = await show(snapshotOf({ 'activation.state': 'tested' }), ['https']);
    const bad = problem('ER_4018', { value: 'xx' }, { file: 'WebReprt/AMHTPLOG.INF', line: 3 });
    host.activateNotify.mockImplementationOnce(async () => ({ ok: false, problems: [bad, problem('ER_5002', { count: 1 })] }));
    await click(button('開局通報(O)'));
    const box = await question();
    expect(within(box).getByTestId('definition-errors').textContent).toContain('WebReprt/AMHTPLOG.INF:3: ER_4018');
    expect(box.textContent).toContain('ER_5002');
    await click(button('OK', box));
    const result = await resultDialog('開局通報の結果');
    expect(result.textContent).toContain('開局通報: 成功しました');
    expect(result.textContent).toContain('エクスプレス通報サービスを開始しました');
    expect(host.activateNotify.mock.calls.map((c) => c[0])).toEqual([{ target: 'primary' }, { target: 'primary', ignoreDefinitionErrors: true }]);
  });

  it('キャンセル on the definition errors sends nothing more', async () => {
    const { host } = await show(snapshotOf({ 'activation.state': 'tested' }), ['https']);
    host.activateNotify.mockImplementationOnce(async () => ({ ok: false, problems: [problem('ER_5002', { count: 1 })] }));
    await click(button('開局通報(O)'));
    await click(button('キャンセル', await question()));
    await waitFor(() => expect(button('開局通報(O)')).toHaveProperty('disabled', false));
    expect(host.activateNotify).toHaveBeenCalledTimes(1);
  });

  it('on a primary failure asks 「二次通報先に送信しますか?」; はい sends to the secondary; the dialog shows both', async () => {
    const { host } = await show(snapshotOf({ 'activation.state': 'tested' }), ['https']);
    host.activateNotify.mockImplementationOnce(async () => ({ ok: false, problems: [problem('ER_2008', { peer: 'URL1', reply: '503 busy' })] }));
    await click(button('開局通報(O)'));
    const q = await question();
    expect(q.textContent).toContain('二次通報先に送信しますか?');
    await click(button('はい', q));
    const attempts = within(await resultDialog('開局通報の結果')).getAllByTestId('notify-attempt');
    expect(attempts.map((a) => a.getAttribute('data-ok'))).toEqual(['false', 'true']);
    expect(attempts[0]!.textContent).toContain('ER_2008');
    expect(attempts[1]!.textContent).toContain('二次通報先');
    expect(host.activateNotify.mock.calls.map((c) => c[0])).toEqual([{ target: 'primary' }, { target: 'secondary' }]);
  });

  it('follows the configuration information that follows it, in the result dialog', async () => {
    const { host } = await show({ ...snapshotOf({ 'activation.state': 'tested' }), hasConfigurationInfo: true }, ['https']);
    const base: ServiceStatus = { state: 'active', pending: 1, expired: 0, pid: 1, startedAt: '2025-01-02T03:00:00.000Z' };
    const hb = (phase: 'collecting' | 'sent') => ({
      ...base,
      reports: [
        {
          id: 'hb-1',
          kind: 'heartbeat' as const,
          phase,
          createdAt: new Date().toISOString(),
          attempts: phase === 'sent' ? 1 : 0,
          logPaths: 1,
          ...(phase === 'sent' ? { detail: 'URL1 answered 200 OK' } : {}),
        },
      ],
    });
    host.serviceStatus.mockResolvedValueOnce(hb('collecting')).mockResolvedValue(hb('sent'));
    await click(button('開局通報(O)'));
    const progress = within(await resultDialog('開局通報の結果')).getByTestId('configuration-info');
    await waitFor(() => expect(progress.getAttribute('data-phase')).toBe('sent'), { timeout: 5000 });
    expect(progress.textContent).toContain('送信済み: URL1 answered 200 OK');
  });

  it("sent with the dialog's unsaved values: the configuration information is said to follow once OK has saved them", async () => {
    const { host } = await show({ ...snapshotOf({ 'activation.state': 'tested' }), hasConfigurationInfo: true }, ['https']);
    host.serviceStatus.mockResolvedValue({ state: 'active', pending: 0, expired: 0, pid: 1, startedAt: '2025-01-02T03:00:00.000Z', reports: [] });
    fireEvent.change(screen.getByLabelText(/タイムアウト時間/), { target: { value: '120' } });
    await click(button('開局通報(O)'));
    const progress = within(await resultDialog('開局通報の結果')).getByTestId('configuration-info');
    expect(progress.textContent).toContain('構成情報は、この画面の設定を[OK]で保存した後に通報されます。');
    expect(host.activateNotify.mock.calls.map((c) => c[0])).toEqual([{ target: 'primary', override: { values: { 'https.timeoutSeconds': '120' } } }]);
  });
});

describe('テスト通報 (mail) in English', () => {
  it('offers one test button; the mail route has no secondary', async () => {
    const { host } = await show(snapshotOf({ 'express.route': 'mail' }), ['mail'], 'en');
    await click(button('Test notification (T)'));
    const pick = await screen.findByRole('dialog', { name: 'Where to send the test result' });
    await click(button('OK', pick));
    const q = await question();
    expect(q.textContent).toContain('customer@example.jp');
    await click(button('Yes', q));
    expect((await screen.findByRole('dialog', { name: 'Test notification result' })).textContent).toContain('Succeeded');
    expect(host.testNotify.mock.calls.map((c) => c[0])).toEqual([{ resultMail: 'customer@example.jp', target: 'primary' }]);
  });
});

describe('通報テスト from the event tree', () => {
  const treeTest = async () => {
    const tree = await screen.findByRole('navigation', { name: 'イベントツリー' });
    fireEvent.contextMenu((await within(tree).findByText(/0xc0040006/)).closest('li')!);
    await click(await screen.findByRole('menuitem', { name: '通報テスト' }));
  };
  const panel = () => screen.getByRole('region', { name: 'イベント' });

  it('gives the event to the service and notes the accepted report id', async () => {
    const host = fakeHost(snapshotOf({ 'activation.state': 'active' }));
    render(
      <StoreContext.Provider value={createAppStore(host as unknown as HostApi)}>
        <App onExit={() => undefined} />
      </StoreContext.Provider>,
    );
    await treeTest();
    await waitFor(() => expect(panel().textContent).toContain('r-123'));
    expect(host.testEvent).toHaveBeenCalledWith({ source: 'atapi', id: '0xc0040006' });
    // Accepted is a success line: its code is kept on the line (data-code), not numbered in its text like an error.
    expect(panel().querySelector('li[data-code="ER_6023"]')?.textContent).toContain('r-123');
    expect(panel().textContent).not.toContain('ER_6023');
  });

  it('follows the accepted report: ログ採取中, then 送信済み with where it went, noted in the event panel', async () => {
    const host = fakeHost(snapshotOf({ 'activation.state': 'active' }));
    const base: ServiceStatus = { state: 'active', pending: 1, expired: 0, pid: 1, startedAt: '2025-01-02T03:00:00.000Z' };
    const progress = (phase: 'collecting' | 'sent') => ({
      ...base,
      reports: [
        {
          id: 'r-123',
          kind: 'failure' as const,
          phase,
          createdAt: base.startedAt,
          event: 'atapi 0xc0040006',
          attempts: phase === 'sent' ? 1 : 0,
          logPaths: 1,
          ...(phase === 'sent' ? { detail: 'URL1 answered 200 OK' } : {}),
        },
      ],
    });
    // The state bar asks too (use-live-state.ts): the answer is by time, not by call, so no question takes another's.
    host.serviceStatus.mockResolvedValue(progress('collecting'));
    render(
      <StoreContext.Provider value={createAppStore(host as unknown as HostApi)}>
        <App onExit={() => undefined} />
      </StoreContext.Provider>,
    );
    await treeTest();
    const box = await screen.findByRole('region', { name: '通報テストの経過' });
    await waitFor(() => expect(within(box).getByText('ログ採取中').getAttribute('aria-current')).toBe('step'));
    host.serviceStatus.mockResolvedValue(progress('sent'));
    await waitFor(
      () =>
        expect(
          within(box)
            .getByText(/送信済み/)
            .getAttribute('aria-current'),
        ).toBe('step'),
      { timeout: 3000 },
    );
    expect(within(box).getByText(/送信済み/).textContent).toContain('URL1 answered 200 OK');
    // A success line is not numbered like an error: its code is kept on the line, not shown in its text.
    await waitFor(() => expect(panel().querySelector('li[data-code="ER_6027"]')?.textContent).toContain('URL1 answered 200 OK'));
    expect(panel().textContent).not.toContain('ER_6027');
    await click(button('閉じる', box));
    expect(screen.queryByRole('region', { name: '通報テストの経過' })).toBeNull();
  });

  it('an expired report ends the progress with its reason (ER_6028)', async () => {
    const host = fakeHost(snapshotOf({ 'activation.state': 'active' }));
    host.serviceStatus.mockResolvedValue({
      state: 'active',
      pending: 0,
      expired: 1,
      pid: 1,
      startedAt: '2025-01-02T03:00:00.000Z',
      reports: [
        {
          id: 'r-123',
          kind: 'failure',
          phase: 'expired',
          createdAt: '2025-01-02T03:00:00.000Z',
          attempts: 1,
          logPaths: 0,
          problem: problem('ER_2104', { id: 'r-123', kind: 'failure', route: 'https', reason: 'HTTP 400' }),
        },
      ],
    });
    render(
      <StoreContext.Provider value={createAppStore(host as unknown as HostApi)}>
        <App onExit={() => undefined} />
      </StoreContext.Provider>,
    );
    await treeTest();
    const box = await screen.findByRole('region', { name: '通報テストの経過' });
    await waitFor(() =>
      expect(
        within(box)
          .getByText(/期限切れ/)
          .getAttribute('aria-current'),
      ).toBe('step'),
    );
    expect(within(box).getByText(/期限切れ/).textContent).toContain('ER_2104');
    await waitFor(() => expect(panel().textContent).toContain('ER_6028'));
  });

  it('notes an ignored event with its reason, and a service that is not running', async () => {
    const host = fakeHost(snapshotOf());
    host.testEvent.mockImplementationOnce(async () => ({ ok: true, outcome: { result: 'ignored', reason: 'not-active' } }));
    host.testEvent.mockImplementationOnce(async () => ({ ok: false, problems: [problem('ER_1032', { path: '/var/lib/er' })] }));
    render(
      <StoreContext.Provider value={createAppStore(host as unknown as HostApi)}>
        <App onExit={() => undefined} />
      </StoreContext.Provider>,
    );
    await treeTest();
    await waitFor(() => expect(panel().textContent).toContain('ER_6025'));
    expect(panel().textContent).toContain('通報サービスが運用中ではありません');
    await treeTest();
    await waitFor(() => expect(panel().textContent).toContain('ER_1032'));
    expect(panel().textContent).toContain('通報サービスが起動していません');
  });
});

describe('通報サービスの状態', () => {
  const status: ServiceStatus = {
    state: 'active',
    pending: 2,
    expired: 1,
    pid: 4321,
    startedAt: '2025-01-02T03:00:00.000Z',
    lastDelivery: { at: '2025-01-02T03:04:05.000Z', reportId: 'r-ok', detail: 'HTTP 200' },
    lastFailure: { at: '2025-01-02T03:05:00.000Z', reportId: 'r-bad', problem: problem('ER_2002', { peer: 'URL1', reason: 'ECONNREFUSED' }) },
    nextRetry: '2025-01-02T03:15:00.000Z',
  };

  it('opens from ツール, says when the service is not running, and refreshes to what it reports', async () => {
    const host = fakeHost(snapshotOf());
    render(
      <StoreContext.Provider value={createAppStore(host as unknown as HostApi)}>
        <App onExit={() => undefined} />
      </StoreContext.Provider>,
    );
    await click(await screen.findByRole('menuitem', { name: 'ツール(T)' }));
    await click(await screen.findByRole('menuitem', { name: '通報サービスの状態(S)' }));
    const dialog = await screen.findByRole('dialog', { name: '通報サービスの状態' });
    expect((await within(dialog).findByTestId('service-stopped')).textContent).toContain('通報サービスは起動していません');

    host.serviceStatus.mockImplementation(async () => status);
    const before = host.serviceStatus.mock.calls.length; // the state bar asks as well (use-live-state.ts)
    await click(button('最新の情報に更新', dialog));
    await within(dialog).findByTestId('service-status');
    expect(within(dialog).getByTestId('status-state').textContent).toBe('運用中');
    expect(within(dialog).getByTestId('status-pending').textContent).toBe('2 件');
    expect(within(dialog).getByTestId('status-expired').textContent).toBe('1 件');
    expect(within(dialog).getByTestId('status-last-delivery').textContent).toContain('r-ok');
    expect(within(dialog).getByTestId('status-last-failure').textContent).toMatch(/r-bad ER_2002 /);
    expect(within(dialog).getByTestId('status-next-retry').getAttribute('title')).toBe(status.nextRetry);
    expect(host.serviceStatus.mock.calls.length).toBeGreaterThan(before);
  });

  it('lists the reports with their kind and progress', async () => {
    const host = fakeHost(snapshotOf());
    host.serviceStatus.mockResolvedValue({
      ...status,
      reports: [
        { id: 'r-hb', kind: 'heartbeat', phase: 'sent', createdAt: '2025-01-02T03:00:00.000Z', attempts: 1, logPaths: 1, detail: 'URL1 answered 200 OK' },
        {
          id: 'r-x',
          kind: 'failure',
          phase: 'expired',
          createdAt: '2025-01-01T03:00:00.000Z',
          attempts: 3,
          logPaths: 0,
          event: 'disk 0xc0040007',
          problem: problem('ER_2102', { id: 'r-x', kind: 'failure', hours: 72, attempts: 3 }),
        },
      ],
    });
    render(
      <StoreContext.Provider value={createAppStore(host as unknown as HostApi)}>
        <App onExit={() => undefined} />
      </StoreContext.Provider>,
    );
    await click(await screen.findByRole('menuitem', { name: 'ツール(T)' }));
    await click(await screen.findByRole('menuitem', { name: '通報サービスの状態(S)' }));
    const table = await screen.findByRole('table', { name: '通報の一覧(新しい順)' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent);
    expect(rows[0]).toContain('構成情報通報');
    expect(rows[0]).toContain('送信済み');
    expect(rows[1]).toContain('disk 0xc0040007');
    expect(rows[1]).toContain('期限切れ(3 回試行)');
    expect(rows[1]).toContain('ER_2102');
  });
});
