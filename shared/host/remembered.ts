/**
 * Remembered passwords (the person at the desktop's OS keychain, shared/node/keychain.ts): which secret settings may be
 * remembered, and the keychain account each one is filed under. An account is derived by structure from the settings
 * next to the password (user, host, port or connection entry), never from free text:
 *   proxy:<user>@<host>:<port>   smtp:<user>@<host>:<port>   pop:<user>@<host>:<port>   remote:<user>@<entry>
 * In each part `%`, `@` and `:` are written %25, %40 and %3A, so a user "ops@corp" or an IPv6 host reads back exactly;
 * host names are compared without case (lower-cased). Isomorphic: the window uses it to match what is typed.
 */
import { type SettingsView } from '../settings/define.js';
import { type Problem } from '../messages/problem.js';

/** The secret settings that can be remembered and looked up. */
export const REMEMBERABLE_SECRETS = ['https.proxy.password', 'mail.auth.password', 'mail.pop.password', 'remote.password'] as const;
export type SecretKey = (typeof REMEMBERABLE_SECRETS)[number];

/** A typed secret value (like `(set)`): "use the password remembered for this account". The window never sees it. */
export const SECRET_REMEMBERED = '(remembered)';

export type ServerKind = 'proxy' | 'smtp' | 'pop';
export type RememberedAccount = { kind: ServerKind; user: string; host: string; port: number } | { kind: 'remote'; user: string; entry: string };
export type RememberedKind = RememberedAccount['kind'];

type Source = { kind: ServerKind; user: string; host: string; port: string } | { kind: 'remote'; user: string; entry: string };

/** Which settings name the account of each remembered secret. */
export const ACCOUNT_SOURCES: Readonly<Record<SecretKey, Source>> = {
  'https.proxy.password': { kind: 'proxy', user: 'https.proxy.user', host: 'https.proxy.host', port: 'https.proxy.port' },
  'mail.auth.password': { kind: 'smtp', user: 'mail.auth.user', host: 'mail.smtp.host', port: 'mail.smtp.port' },
  'mail.pop.password': { kind: 'pop', user: 'mail.pop.user', host: 'mail.pop.host', port: 'mail.pop.port' },
  'remote.password': { kind: 'remote', user: 'remote.user', entry: 'remote.entry' },
};

export function isRememberable(key: string): key is SecretKey {
  return (REMEMBERABLE_SECRETS as readonly string[]).includes(key);
}

/** The setting keys an account is made of (to tell the user what to fill in). */
export function accountKeysOf(key: SecretKey): string[] {
  const s = ACCOUNT_SOURCES[key];
  return s.kind === 'remote' ? [s.user, s.entry] : [s.user, s.host, s.port];
}

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** The account of `key` as the settings `v` stand; undefined while a part (user, host, port, entry) is empty. */
export function accountFor(key: SecretKey, v: SettingsView): RememberedAccount | undefined {
  const s = ACCOUNT_SOURCES[key];
  const user = str(v.get(s.user));
  if (user === '') return undefined;
  if (s.kind === 'remote') {
    const entry = str(v.get(s.entry));
    return entry === '' ? undefined : { kind: 'remote', user, entry };
  }
  const host = str(v.get(s.host)).toLowerCase();
  const port = v.get(s.port);
  if (host === '' || typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) return undefined;
  return { kind: s.kind, user, host, port };
}

const esc = (s: string): string => s.replace(/%/g, '%25').replace(/@/g, '%40').replace(/:/g, '%3A');
const unesc = (s: string): string => s.replace(/%3A/gi, ':').replace(/%40/g, '@').replace(/%25/g, '%');

/** The keychain account name: `proxy:<user>@<host>:<port>`, `remote:<user>@<entry>`, ... */
export function accountName(a: RememberedAccount): string {
  return a.kind === 'remote' ? `remote:${esc(a.user)}@${esc(a.entry)}` : `${a.kind}:${esc(a.user)}@${esc(a.host)}:${a.port}`;
}

/** Reads an account name back; undefined for a name that is not ours (another program's, an older format). */
export function parseAccountName(name: string): RememberedAccount | undefined {
  const m = /^(proxy|smtp|pop|remote):([^@:]+)@([^@:]+)(?::(\d{1,5}))?$/.exec(name);
  if (!m) return undefined;
  const [, kind, user, rest, port] = m as unknown as [string, RememberedKind, string, string, string | undefined];
  if (kind === 'remote') return port === undefined ? { kind, user: unesc(user), entry: unesc(rest) } : undefined;
  if (port === undefined) return undefined;
  const n = Number(port);
  if (n < 1 || n > 65535) return undefined;
  return { kind, user: unesc(user), host: unesc(rest).toLowerCase(), port: n };
}

export function sameAccount(a: RememberedAccount | undefined, b: RememberedAccount | undefined): boolean {
  return a !== undefined && b !== undefined && accountName(a) === accountName(b);
}

/** What the window lists: the accounts remembered on this computer, or why the keychain cannot be used. */
export type RememberedList = { available: true; accounts: RememberedAccount[] } | { available: false; problem: Problem };
