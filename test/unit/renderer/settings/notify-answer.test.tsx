// @vitest-environment jsdom
/**
 * The center's answer through the manager (issue 13, H7): the result dialog says the manager's words and "no result
 * mail comes" only when the manager forwarded over dial-up; the manager's dial-up relay dialog has 到達確認テスト(1次) /
 * (2次), which ask for the ユーザ ID the test names. Against the shared fake host: what is shown and what is asked of it.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { type Settings } from '../../../../shared/settings/schema.js';
import { message } from '../../../../shared/messages/problem.js';
import { type HostApi, type Notified } from '../../../../shared/host/api.js';
import { createAppStore, type DialogId } from '../../../../renderer/store.js';
import { StoreContext } from '../../../../renderer/store-context.js';
import { App } from '../../../../renderer/app/App.js';
import { loadDialogs } from '../../../../renderer/app/dialogs.js';
import { configuredSnapshot, fakeHost, type FakeHost } from '../fake-host.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const ID = '8c1f3e2a-1b2c-4d5e-8f90-123456789abc';

async function show(over: Partial<Settings>, dialogs: DialogId[], answer: Omit<Extract<Notified, { ok: true }>, 'snapshot'>): Promise<FakeHost> {
  const snapshot = configuredSnapshot({ 'activation.state': 'tested', ...over });
  const host = fakeHost(snapshot, (held) => ({ testNotify: async () => ({ ...answer, snapshot: held.current }) }));
  const store = createAppStore(host as unknown as HostApi);
  store.setState({ dialogs, lang: 'ja', snapshot });
  render(
    <StoreContext.Provider value={store}>
      <App onExit={() => undefined} />
    </StoreContext.Provider>,
  );
  await screen.findAllByRole('dialog');
  return host;
}

const click = (el: HTMLElement) =>
  act(async () => {
    fireEvent.click(el);
  });
const button = (name: string | RegExp, root: HTMLElement = document.body) => within(root).getByRole('button', { name });

// The dialogs' chunk loaded first, as the window does when idle after it is ready (renderer/app/dialogs.ts).
beforeAll(() => loadDialogs());
beforeAll(() => {
  Element.prototype.scrollIntoView = () => undefined;
});
afterEach(() => cleanup());

async function testThroughManager(): Promise<HTMLElement> {
  const d = screen.getByRole('dialog', { name: 'エクスプレス通報サービス(マネージャ経由)の設定' });
  await click(button('テスト通報(T)', d));
  await click(button('OK', await screen.findByRole('dialog', { name: 'テスト通報結果送付先の選択' })));
  await click(button('はい', await screen.findByRole('alertdialog')));
  return screen.findByRole('dialog', { name: 'テスト通報の結果' });
}

const viaManager: Partial<Settings> = { 'express.route': 'manager', 'manager.host': 'mgr.example.jp' };

describe('テスト通報 through the manager: its answer', () => {
  it('forwarded over dial-up: the manager words, and no result mail comes', async () => {
    const said = { code: 'ER_6702' as const, message: message('ER_6702', { id: ID, detail: 'ACK' }) };
    await show(viaManager, ['manager'], { ok: true, detail: `ER_6702 ${said.message.en}`, answer: said, noResult: true });
    const result = await testThroughManager();
    expect(result.textContent).toContain(`ER_6702 ${said.message.ja}`);
    expect(result.textContent).toContain('マネージャでダイヤルアップ経由が選択されているため、テスト結果は送付されません。');
    expect(result.textContent).not.toContain('指定した送付先に届きます');
    expect(result.textContent).not.toContain(said.message.en); // the window's language, not the English detail
  });

  it('forwarded over HTTPS: the center answer, and the result comes to the chosen address', async () => {
    const said = { code: 'ER_6700' as const, message: message('ER_6700', { id: ID, detail: 'https://center/ 200' }) };
    await show(viaManager, ['manager'], { ok: true, detail: said.message.en, answer: said });
    const result = await testThroughManager();
    expect(result.textContent).toContain(said.message.ja);
    expect(result.textContent).toContain('テスト通報結果は指定した送付先に届きます。');
    expect(result.textContent).not.toContain('送付されません');
  });

  it("the manager's address and port carry the manual's access keys, IPアドレス(またはホスト名)(I) and ポート番号(N)", async () => {
    await show(viaManager, ['manager'], { ok: true, detail: '' });
    const d = screen.getByRole('dialog', { name: 'エクスプレス通報サービス(マネージャ経由)の設定' });
    expect(within(d).getByRole('textbox', { name: 'IPアドレス(またはホスト名) (I)' })).toHaveProperty('value', 'mgr.example.jp');
    expect(within(d).getByRole('textbox', { name: 'ポート番号(N)' })).toHaveProperty('value', '31136');
  });

  it('an older manager says nothing of how it forwarded: both cases are named', async () => {
    await show(viaManager, ['manager'], { ok: true, detail: 'manager mgr.example.jp:31136 acknowledged report x' });
    const result = await testThroughManager();
    expect(result.textContent).toContain('acknowledged report x');
    expect(result.textContent).toContain('マネージャでダイヤルアップ経由が選択されている場合は、テスト結果は送付されません');
  });
});

describe("the manager's dial-up relay: 到達確認テスト", () => {
  const relay: Partial<Settings> = {
    'relay.express.enabled': true,
    'relay.express.forward': 'dialup',
    'dialup.primary.number': '03-1234-5678',
    'dialup.secondary.number': '03-8765-4321',
  };

  it('到達確認テスト(1次) asks the ユーザ ID, refuses a bad one beside the field, and sends the test with it', async () => {
    const host = await show(relay, ['relay', 'relay-dialup'], { ok: true, detail: 'ACK 1' });
    const d = screen.getByRole('dialog', { name: 'マネージャからのエクスプレス通報(ダイヤルアップ経由)' });
    expect(within(d).queryByRole('button', { name: /テスト通報/ })).toBeNull();
    expect(within(d).queryByRole('button', { name: /開局通報/ })).toBeNull();
    expect(button('到達確認テスト(2次)(2)', d)).toHaveProperty('disabled', false);
    await click(button('到達確認テスト(1次)(T)', d));
    const ask = await screen.findByRole('dialog', { name: '到達確認テスト(1次)' });
    const field = within(ask).getByRole('textbox', { name: /ユーザ ID/ });
    fireEvent.change(field, { target: { value: 'U 1' } });
    await click(button('OK', ask));
    expect(within(ask).getByRole('alert').textContent).toContain('ER_3100');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(host.testNotify).not.toHaveBeenCalled();
    fireEvent.change(field, { target: { value: 'OPFILELESS' } });
    await click(button('OK', ask));
    const result = await screen.findByRole('dialog', { name: 'テスト通報の結果' });
    expect(result.textContent).toContain('03-1234-5678');
    expect(within(result).getByRole('heading', { name: '到達確認テスト: 通報成功' })).toBeTruthy();
    expect(result.textContent).toContain('ユーザ IDOPFILELESS');
    expect(host.testNotify).toHaveBeenCalledTimes(1);
    expect(host.testNotify.mock.calls[0]?.[0]).toMatchObject({
      target: 'primary',
      userSystemCode: 'OPFILELESS',
      override: { values: { 'express.route': 'dialup' } },
    });
  });

  it('到達確認テスト(2次) dials the secondary with the agent user system code; キャンセル sends nothing', async () => {
    const host = await show(relay, ['relay', 'relay-dialup'], { ok: true, detail: 'ACK 2' });
    const d = screen.getByRole('dialog', { name: 'マネージャからのエクスプレス通報(ダイヤルアップ経由)' });
    await click(button('到達確認テスト(2次)(2)', d));
    await click(button('キャンセル', await screen.findByRole('dialog', { name: '到達確認テスト(2次)' })));
    expect(host.testNotify).not.toHaveBeenCalled();
    await click(button('到達確認テスト(2次)(2)', d));
    const ask = await screen.findByRole('dialog', { name: '到達確認テスト(2次)' });
    fireEvent.change(within(ask).getByRole('textbox', { name: /ユーザ ID/ }), { target: { value: 'USC0001' } });
    await click(button('OK', ask));
    await screen.findByRole('dialog', { name: 'テスト通報の結果' });
    expect(host.testNotify.mock.calls[0]?.[0]).toMatchObject({ target: 'secondary', userSystemCode: 'USC0001' });
  });
});
