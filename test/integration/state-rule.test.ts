/**
 * Issue 11 section 2, "State that cannot lie": no generic settings write changes the lifecycle state — `config set
 * activation.state`, HostApi saveSettings, a store save without its operation — only activation, a successful test, the
 * activation notification, service end and renewal do (shared/config/lifecycle.ts). The honest way still works (a real
 * test and activation notification to an HTTPS receiver), and `validate` says when State= was reached by a hand edit.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { makeTestPki, type TestPki } from '../helpers/peers/test-ca.js';
import { startReceiver, type Receiver } from '../helpers/peers/https-receiver.js';
import { tempDirs } from '../helpers/tmp.js';
import { cliMachine } from '../helpers/cli-machine.js';
import { handEditState } from '../helpers/service-process.js';
import { createHost } from '../../service/host-factory.js';
import { ConfigStore } from '../../shared/node/config-store.js';
import { isCodedError } from '../../shared/node/coded-error.js';

const tmp = tempDirs();
let pki: TestPki;
let center: Receiver;

beforeAll(async () => {
  pki = makeTestPki();
  center = await startReceiver(pki.server);
}, 60_000);

afterAll(async () => {
  await center?.close();
});

/** Activated by key code (設定済み), its HTTPS destination the receiver. */
async function machine() {
  const { dirs, run, ok } = await cliMachine(await tmp(), { who: 'S1', url1: center.url, caPem: pki.ca.certPem, caName: 'ca.pem' });
  const state = async () => (await ok(['config', 'get', 'activation.state'])).out.join('').trim();
  return { dirs, run, ok, state };
}

describe('the lifecycle state changes only by its operations', () => {
  it('config set activation.state is refused with a coded message naming the operations; nothing is written', async () => {
    const m = await machine();
    for (const value of ['active', 'tested', 'ended', 'configured']) {
      const r = await m.run(['config', 'set', 'machine.comment', 'x', 'activation.state', value]);
      expect(r.code).toBe(1);
      expect(r.err.join('\n')).toMatch(/^activation\.state: ER_3090 .*test-notify.*activate-notify.*end-service.*express-report pause/m);
    }
    expect(await m.state()).toBe('configured');
    expect((await m.ok(['config', 'get', 'machine.comment'])).out.join('')).toBe(''); // refused whole
  });

  it('HostApi saveSettings with the state is refused (ER_3090 on its field); other keys of a save still work', async () => {
    const m = await machine();
    const host = await createHost(m.dirs, {});
    const r = await host.saveSettings({ values: { 'activation.state': 'active', 'machine.comment': 'x' } });
    expect(r.ok ? [] : r.problems.map((p) => [p.field, p.code])).toEqual([['activation.state', 'ER_3090']]);
    expect(await m.state()).toBe('configured');
    const fine = await host.saveSettings({ values: { 'machine.comment': 'rack 3' } });
    expect(fine.ok && fine.snapshot.settings['activation.state']).toBe('configured');
  });

  it('the store refuses a state change without its operation, and an operation to another state than its own', async () => {
    const m = await machine();
    const store = await ConfigStore.open(m.dirs.configDir);
    const to = (state: 'tested' | 'active') => ({ ...store.config, settings: { ...store.config.settings, 'activation.state': state } });
    const refused = async (p: Promise<unknown>) =>
      p.then(
        () => 'saved',
        (e: unknown) => (isCodedError(e) ? e.code : String(e)),
      );
    expect(await refused(store.save(to('active')))).toBe('ER_3090');
    expect(await refused(store.save(to('active'), { lifecycle: 'test' }))).toBe('ER_3090');
    expect(await refused(store.save(to('active'), { lifecycle: 'activation-notification' }))).toBe('ER_3090'); // not tested yet
    expect(await m.state()).toBe('configured');
    expect(await refused(store.save(to('tested'), { lifecycle: 'test' }))).toBe('saved');
  });

  it('the honest way: a real テスト通報 then 開局通報 reach 運用中; validate is quiet about it', async () => {
    const m = await machine();
    await m.ok(['test-notify', '--result-mail', 'r@example.jp']);
    expect(await m.state()).toBe('tested');
    await m.ok(['activate-notify']);
    expect(await m.state()).toBe('active');
    const v = await m.ok(['validate']);
    expect(v.err.join('\n')).not.toMatch(/ER_6116/);
  });

  it('a hand edit of State= is trusted, and validate flags it (a warning: no test recorded in this state folder)', async () => {
    const m = await machine();
    await handEditState(m.dirs.configDir, 'active');
    expect(await m.state()).toBe('active');
    const v = await m.run(['validate']);
    expect(v.code).toBe(0);
    expect(v.err.join('\n')).toMatch(/activation\.ini:0: ER_6116 \[warning\] The state is "active", but this state folder has no record of a successful test/);
  });
});
