/** Remembered-password accounts (shared/host/remembered.ts) and the keychain wrapper's error handling (shared/node/keychain.ts). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultSettings, type Settings } from '../../../../shared/settings/schema.js';
import { viewOf } from '../../../../shared/settings/validate.js';
import { REMEMBERABLE_SECRETS, accountFor, accountName, parseAccountName, sameAccount, type RememberedAccount } from '../../../../shared/host/remembered.js';
import { MemoryKeychain, OsKeychain, type KeytarApi } from '../../../../shared/node/keychain.js';
import { isCodedError } from '../../../../shared/node/coded-error.js';

const view = (over: Partial<Settings>) => viewOf({ ...defaultSettings(), ...over });

describe('accounts are derived by structure from the settings beside the password', () => {
  it('proxy, SMTP, POP and remote access', () => {
    const v = view({
      'https.proxy.user': 'ops',
      'https.proxy.host': 'Proxy.Example.JP',
      'https.proxy.port': 8080,
      'mail.auth.user': 'smtpuser',
      'mail.smtp.host': 'smtp.example.jp',
      'mail.smtp.port': 587,
      'mail.pop.user': 'popuser',
      'mail.pop.host': 'pop.example.jp',
      'mail.pop.port': 110,
      'remote.user': 'dial',
      'remote.entry': 'プロバイダ接続',
    });
    expect(REMEMBERABLE_SECRETS.map((k) => accountName(accountFor(k, v)!))).toEqual([
      'proxy:ops@proxy.example.jp:8080',
      'smtp:smtpuser@smtp.example.jp:587',
      'pop:popuser@pop.example.jp:110',
      'remote:dial@プロバイダ接続',
    ]);
  });

  it('no account while the user, host or entry is empty', () => {
    expect(accountFor('https.proxy.password', view({ 'https.proxy.host': 'p.example' }))).toBeUndefined();
    expect(accountFor('mail.auth.password', view({ 'mail.auth.user': 'u' }))).toBeUndefined();
    expect(accountFor('remote.password', view({ 'remote.user': 'u', 'remote.entry': '  ' }))).toBeUndefined();
  });

  it('a user with @ and an IPv6 host read back exactly; host names compare without case', () => {
    const a: RememberedAccount = { kind: 'proxy', user: 'ops@corp:1', host: '2001:db8::1', port: 3128 };
    expect(accountName(a)).toBe('proxy:ops%40corp%3A1@2001%3Adb8%3A%3A1:3128');
    expect(parseAccountName(accountName(a))).toEqual(a);
    expect(
      sameAccount(accountFor('https.proxy.password', view({ 'https.proxy.user': 'u', 'https.proxy.host': 'P.EXAMPLE', 'https.proxy.port': 1 })), {
        kind: 'proxy',
        user: 'u',
        host: 'p.example',
        port: 1,
      }),
    ).toBe(true);
  });

  it('names that are not ours are not accounts', () => {
    for (const n of ['', 'proxy:u@h', 'ftp:u@h:21', 'remote:u@e:1', 'smtp:u@h:0', 'smtp:u@h:70000', 'smtp:@h:25', 'proxy:a@b@c:1']) {
      expect(parseAccountName(n)).toBeUndefined();
    }
  });

  it('every account reads back from its name (property)', () => {
    const part = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() === s && s !== '');
    const server = fc.record({
      kind: fc.constantFrom('proxy' as const, 'smtp' as const, 'pop' as const),
      user: part,
      host: part.map((s) => s.toLowerCase()).filter((s) => s !== ''),
      port: fc.integer({ min: 1, max: 65535 }),
    });
    const remote = fc.record({ kind: fc.constant('remote' as const), user: part, entry: part });
    fc.assert(
      fc.property(fc.oneof(server, remote), (a) => {
        expect(parseAccountName(accountName(a))).toEqual(a);
      }),
    );
  });
});

describe('OsKeychain', () => {
  const fake = (over: Partial<KeytarApi> = {}): KeytarApi & { store: Map<string, string> } => {
    const store = new Map<string, string>();
    return {
      store,
      getPassword: async (_s, a) => store.get(a) ?? null,
      setPassword: async (_s, a, p) => {
        store.set(a, p);
      },
      deletePassword: async (_s, a) => store.delete(a),
      findCredentials: async () => [...store].map(([account, password]) => ({ account, password })),
      ...over,
    };
  };

  it('set / get / list / delete through the keytar API', async () => {
    const k = new OsKeychain({ load: async () => fake() });
    await k.set('proxy:u@h:1', 'pw');
    expect(await k.get('proxy:u@h:1')).toBe('pw');
    expect(await k.list()).toEqual(['proxy:u@h:1']);
    expect(await k.delete('proxy:u@h:1')).toBe(true);
    expect(await k.get('proxy:u@h:1')).toBeUndefined();
  });

  it('a keychain that cannot be loaded or reached is ER_1012 with the OS reason', async () => {
    const noModule = new OsKeychain({
      load: async () => {
        throw new Error('cannot load keyring.linux-x64-gnu.node');
      },
    });
    await expect(noModule.list()).rejects.toSatisfy((e) => isCodedError(e, 'ER_1012') && e.problem.message.en.includes('cannot load keyring'));
    const noBus = new OsKeychain({
      load: async () =>
        fake({
          findCredentials: async () => {
            throw new Error('zbus error: Failed to connect to address');
          },
        }),
    });
    await expect(noBus.get('a')).rejects.toSatisfy((e) => isCodedError(e, 'ER_1012') && e.problem.message.ja.includes('zbus error'));
  });

  it('a password the Secret Service did not keep (the kernel-keyring fallback) is not reported as remembered', async () => {
    const k = new OsKeychain({ load: async () => fake({ setPassword: async () => undefined }) });
    await expect(k.set('a', 'pw')).rejects.toSatisfy((e) => isCodedError(e, 'ER_1012'));
  });

  it('a keychain that does not answer (a prompt nobody sees) is ER_1012 after the timeout', async () => {
    const k = new OsKeychain({ timeoutMs: 50, load: async () => fake({ findCredentials: () => new Promise(() => undefined) }) });
    await expect(k.list()).rejects.toSatisfy((e) => isCodedError(e, 'ER_1012') && e.problem.message.en.includes('no answer'));
  });

  it('MemoryKeychain fails like an unavailable keychain when told to', async () => {
    const m = new MemoryKeychain();
    await m.set('a', 'b');
    m.failure = 'locked';
    await expect(m.get('a')).rejects.toSatisfy((e) => isCodedError(e, 'ER_1012'));
  });
});
