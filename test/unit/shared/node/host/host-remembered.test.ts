/**
 * The host's remembered passwords with an in-memory keychain: SaveRequest.remember, the typed value `(remembered)`,
 * rememberedSecrets / forgetSecret, and what a keychain failure does to a save (the rest is saved, with a warning).
 */
import { describe, expect, it } from 'vitest';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createNodeHost } from '../../../../../shared/node/host/create.js';
import { type NodeHost } from '../../../../../shared/node/host/host.js';
import { dispatch } from '../../../../../shared/node/host/dispatch.js';
import { ConfigStore } from '../../../../../shared/node/config-store.js';
import { loadPrivateKey, openSealed } from '../../../../../shared/node/secrets.js';
import { MemoryKeychain } from '../../../../../shared/node/keychain.js';
import { convertTypedValues } from '../../../../../shared/node/host/typed-values.js';
import { type TypedValues } from '../../../../../shared/host/api.js';
import { RESOURCES_DIR } from '../../../../../service/app-paths.js';
import { tempDirs } from '../../../../helpers/tmp.js';

const tmp = tempDirs();

/** One server's folders and host, sharing the desktop user's keychain with the other servers of the test. */
async function server(keychain: MemoryKeychain): Promise<{ host: NodeHost; configDir: string; stateDir: string }> {
  const dir = await tmp();
  const configDir = join(dir, 'config');
  const stateDir = join(dir, 'state');
  const host = await createNodeHost({ configDir, stateDir, resourcesDir: RESOURCES_DIR, version: 'test' }, {}, undefined, keychain);
  return { host, configDir, stateDir };
}

async function storedSecret(
  s: { configDir: string; stateDir: string },
  key: 'https.proxy.password' | 'mail.auth.password' | 'remote.password',
): Promise<string> {
  const v = (await ConfigStore.open(s.configDir)).config.settings[key];
  return v === '' ? '' : openSealed(v, await loadPrivateKey(s.stateDir));
}

async function allText(dir: string): Promise<string> {
  let s = '';
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) s += await readFile(join(e.parentPath, e.name), 'latin1');
  return s;
}

const PROXY: TypedValues = {
  'express.route': 'https',
  'https.proxy.use': 'on',
  'https.proxy.host': 'proxy.example.jp',
  'https.proxy.port': '8080',
  'https.proxy.user': 'ops',
};
const ACCOUNT = 'proxy:ops@proxy.example.jp:8080';
const PASSWORD = 'Proxy-pw#2024';

describe('remembered passwords in a save', () => {
  it('remembers a typed password; another server uses it with (remembered): the sealed value opens to it', async () => {
    const keychain = new MemoryKeychain();
    const first = await server(keychain);
    const r1 = await first.host.saveSettings({ values: { ...PROXY, 'https.proxy.password': PASSWORD }, remember: ['https.proxy.password'] });
    expect(r1.ok && r1.warnings).toBeFalsy();
    expect([...keychain.entries]).toEqual([[ACCOUNT, PASSWORD]]);
    expect((await first.host.eventLog()).map((e) => e.code)).toContain('ER_6007');

    const second = await server(keychain);
    const r2 = await second.host.saveSettings({ values: { ...PROXY, 'https.proxy.password': '(remembered)' } });
    expect(r2.ok).toBe(true);
    if (!r2.ok) return;
    expect(r2.snapshot.settings['https.proxy.password']).toBe('(set)');
    expect(await storedSecret(second, 'https.proxy.password')).toBe(PASSWORD);
    for (const s of [first, second]) expect(await allText(s.configDir)).not.toContain(PASSWORD);
    expect(JSON.stringify(await second.host.eventLog())).not.toContain(PASSWORD);
  });

  it('(remembered) uses the saved host and port when the request leaves them out (SMTP auth beside the e-mail dialog)', async () => {
    const keychain = new MemoryKeychain();
    keychain.entries.set('smtp:mailer@smtp.example.jp:587', 'smtp-pw');
    const s = await server(keychain);
    expect((await s.host.saveSettings({ values: { 'mail.smtp.host': 'smtp.example.jp', 'mail.smtp.port': '587' } })).ok).toBe(true);
    const r = await s.host.saveSettings({ values: { 'mail.auth.use': 'on', 'mail.auth.user': 'mailer', 'mail.auth.password': '(remembered)' } });
    expect(r.ok).toBe(true);
    expect(await storedSecret(s, 'mail.auth.password')).toBe('smtp-pw');
  });

  it('(remembered) with no password for the account is ER_3053 on the field, and nothing is written', async () => {
    const keychain = new MemoryKeychain();
    keychain.entries.set(ACCOUNT, PASSWORD);
    const s = await server(keychain);
    const before = await allText(s.configDir);
    const r = await s.host.saveSettings({ values: { ...PROXY, 'https.proxy.user': 'someone-else', 'https.proxy.password': '(remembered)' } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.code, p.field])).toEqual([['ER_3053', 'https.proxy.password']]);
    expect(r.problems[0]!.message.en).toContain('proxy:someone-else@proxy.example.jp:8080');
    expect(await allText(s.configDir)).toBe(before);
  });

  it('(remembered) or remember without a user is ER_3054 naming what to fill in', async () => {
    const s = await server(new MemoryKeychain());
    const r = await s.host.saveSettings({ values: { ...PROXY, 'https.proxy.user': '', 'https.proxy.password': '(remembered)' } });
    expect(!r.ok && r.problems.map((p) => p.code)).toEqual(['ER_3054']);
    const r2 = await s.host.saveSettings({ values: { ...PROXY, 'https.proxy.user': '', 'https.proxy.password': 'x' }, remember: ['https.proxy.password'] });
    expect(!r2.ok && r2.problems[0]!.message.ja).toContain('プロキシのユーザー名');
  });

  it('a keychain failure while remembering: the settings are saved (password sealed) with warning ER_6005', async () => {
    const keychain = new MemoryKeychain();
    keychain.failure = 'Cannot autolaunch D-Bus without X11 $DISPLAY';
    const s = await server(keychain);
    const r = await s.host.saveSettings({ values: { ...PROXY, 'https.proxy.password': PASSWORD }, remember: ['https.proxy.password'] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings?.map((w) => [w.code, w.field, w.severity])).toEqual([['ER_6005', 'https.proxy.password', 'warning']]);
    expect(r.warnings?.[0]?.message.en).toContain('Cannot autolaunch D-Bus');
    expect(r.snapshot.settings['https.proxy.host']).toBe('proxy.example.jp');
    expect(await storedSecret(s, 'https.proxy.password')).toBe(PASSWORD);
    expect((await s.host.eventLog()).map((e) => e.code)).toContain('ER_6005');
  });

  it('a keychain failure while reading (remembered): the password is unchanged, the rest saved, warning ER_6006', async () => {
    const keychain = new MemoryKeychain();
    const s = await server(keychain);
    expect((await s.host.saveSettings({ values: { ...PROXY, 'https.proxy.password': 'old-pw' } })).ok).toBe(true);
    keychain.failure = 'the collection is locked';
    const r = await s.host.saveSettings({ values: { ...PROXY, 'https.timeoutSeconds': '120', 'https.proxy.password': '(remembered)' } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings?.map((w) => w.code)).toEqual(['ER_6006']);
    expect(r.snapshot.settings['https.timeoutSeconds']).toBe(120);
    expect(await storedSecret(s, 'https.proxy.password')).toBe('old-pw');
  });

  it('remember with no typed password (the field still reads (set)) saves and warns', async () => {
    const s = await server(new MemoryKeychain());
    const r = await s.host.saveSettings({ values: PROXY, remember: ['https.proxy.password'] });
    expect(r.ok && r.warnings?.map((w) => w.code)).toEqual(['ER_6005']);
  });

  it('check() reports (remembered) without an entry like saving would, without writing', async () => {
    const s = await server(new MemoryKeychain());
    const ps = await s.host.check({ values: { ...PROXY, 'https.proxy.password': '(remembered)' } });
    expect(ps.filter((p) => p.severity === 'error').map((p) => p.code)).toContain('ER_3053');
  });

  it('an unresolved (remembered) (config set, activation) is refused, never sealed as text', async () => {
    const c = await convertTypedValues({ 'remote.password': '(remembered)' }, async () => 'sealed:v1:x');
    expect(c.changes.size).toBe(0);
    expect(c.problems.map((p) => p.code)).toEqual(['ER_3053']);
  });
});

describe('rememberedSecrets / forgetSecret', () => {
  it("lists accounts by structure (never a password); forgets one; other programs' names are left out", async () => {
    const keychain = new MemoryKeychain();
    keychain.entries.set(ACCOUNT, PASSWORD);
    keychain.entries.set('remote:dial@プロバイダ', 'remote-pw');
    keychain.entries.set('legacy-entry', 'zzz');
    const s = await server(keychain);
    const list = await s.host.rememberedSecrets();
    expect(list).toEqual({
      available: true,
      accounts: [
        { kind: 'proxy', user: 'ops', host: 'proxy.example.jp', port: 8080 },
        { kind: 'remote', user: 'dial', entry: 'プロバイダ' },
      ],
    });
    expect(JSON.stringify(list)).not.toMatch(/pw|zzz/);
    const after = await dispatch(s.host, 'forgetSecret', { kind: 'proxy', user: 'ops', host: 'proxy.example.jp', port: 8080 });
    expect(after).toEqual({ ok: true, result: { available: true, accounts: [{ kind: 'remote', user: 'dial', entry: 'プロバイダ' }] } });
    expect(keychain.entries.has(ACCOUNT)).toBe(false);
    expect((await s.host.eventLog()).map((e) => e.code)).toContain('ER_6008');
  });

  it('an unavailable keychain is reported as ER_1012, not thrown', async () => {
    const keychain = new MemoryKeychain();
    keychain.failure = 'no Secret Service';
    const s = await server(keychain);
    const list = await s.host.rememberedSecrets();
    expect(list.available === false && list.problem.code).toBe('ER_1012');
    const forgot = await s.host.forgetSecret({ kind: 'remote', user: 'a', entry: 'b' });
    expect(forgot.available).toBe(false);
  });

  it('the dispatcher refuses malformed requests (ER_1021)', async () => {
    const s = await server(new MemoryKeychain());
    for (const [m, arg] of [
      ['forgetSecret', { kind: 'proxy', user: 'u', host: 'h' }],
      ['forgetSecret', { kind: 'remote', user: 'u', entry: 'e', password: 'x' }],
      ['saveSettings', { values: {}, remember: ['customer.name'] }],
    ] as const) {
      const r = await dispatch(s.host, m, arg);
      expect(!r.ok && r.problems[0]!.code).toBe('ER_1021');
    }
  });
});
