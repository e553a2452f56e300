/**
 * The OS keychain of the person at the desktop (docs/design.md section 5): passwords a field engineer asked this computer to
 * remember (a proxy, SMTP or POP server, a dial-up entry), filed under the service name `express-report` and an account
 * derived from the settings (shared/host/remembered.ts). It is per user, unreadable by the service (which runs as
 * root/SYSTEM and reads only sealed values), and never the place a server's own settings live.
 *
 * The real one goes through `@napi-rs/keyring/keytar` (the keytar API; keytar itself is archived), imported lazily so a
 * machine without a keychain (a server, a container) still runs everything else. Every failure (no Secret Service on
 * D-Bus, a locked collection, no answer) becomes ER_1012 with the OS's own reason.
 *
 * On Linux the keytar export silently falls back to the kernel keyring (gone at logout, invisible to findCredentials)
 * when no Secret Service answers. So every operation first lists the service's credentials (Secret Service only) and
 * a write is read back through that list: a password is reported remembered only when it really is.
 */
import { CodedError, codedError, reasonOf } from './coded-error.js';

export const KEYCHAIN_SERVICE = 'express-report';

export interface Keychain {
  /** The remembered password of `account`, or undefined. */
  get(account: string): Promise<string | undefined>;
  set(account: string, password: string): Promise<void>;
  /** True when there was one to delete. */
  delete(account: string): Promise<boolean>;
  /** The accounts remembered for our service (names only). */
  list(): Promise<string[]>;
}

/** The part of the keytar API we use. */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

export interface OsKeychainOptions {
  service?: string;
  /** A keychain that does not answer (e.g. a prompt nobody sees) counts as unavailable after this long. Default 15 s. */
  timeoutMs?: number;
  /** How the keytar API is loaded (tests give a broken one). Default: import('@napi-rs/keyring/keytar.js'). */
  load?: () => Promise<KeytarApi>;
}

async function loadKeytar(): Promise<KeytarApi> {
  // The package has no "exports" map, so ESM needs the file name (keytar.js, its keytar-compatible CommonJS export).
  const mod = (await import('@napi-rs/keyring/keytar.js')) as KeytarApi & { default?: KeytarApi };
  return mod.default ?? mod;
}

export class OsKeychain implements Keychain {
  private api?: Promise<KeytarApi>;
  private readonly service: string;
  private readonly timeoutMs: number;

  constructor(private readonly opts: OsKeychainOptions = {}) {
    this.service = opts.service ?? KEYCHAIN_SERVICE;
    this.timeoutMs = opts.timeoutMs ?? 15_000;
  }

  /** Runs one keychain call; any failure (including loading the native module) is ER_1012 with the OS's reason. */
  private async run<T>(what: string, fn: (k: KeytarApi) => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    try {
      this.api ??= (this.opts.load ?? loadKeytar)();
      const k = await this.api.catch((e: unknown) => {
        this.api = undefined; // a later call may find it (e.g. the keychain daemon was started meanwhile)
        throw e;
      });
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${Math.round(this.timeoutMs / 1000)} s (${what})`)), this.timeoutMs);
      });
      return await Promise.race([fn(k), timeout]);
    } catch (e) {
      if (e instanceof CodedError) throw e;
      throw codedError('ER_1012', { reason: `${what}: ${reasonOf(e)}` }, {}, e);
    } finally {
      clearTimeout(timer);
    }
  }

  private credentials(k: KeytarApi): Promise<Array<{ account: string; password: string }>> {
    return k.findCredentials(this.service);
  }

  list(): Promise<string[]> {
    return this.run('list', async (k) => (await this.credentials(k)).map((c) => c.account).sort());
  }

  get(account: string): Promise<string | undefined> {
    return this.run('read', async (k) => (await this.credentials(k)).find((c) => c.account === account)?.password);
  }

  set(account: string, password: string): Promise<void> {
    return this.run('write', async (k) => {
      await this.credentials(k); // the Secret Service answers (else nothing is written anywhere)
      await k.setPassword(this.service, account, password);
      const back = (await this.credentials(k)).find((c) => c.account === account);
      if (back?.password !== password) throw new Error('the password was not kept by the keychain');
    });
  }

  delete(account: string): Promise<boolean> {
    return this.run('delete', async (k) => {
      await this.credentials(k);
      return k.deletePassword(this.service, account);
    });
  }
}

/** A keychain held in memory: for tests, and for a host that must not touch the OS keychain. */
export class MemoryKeychain implements Keychain {
  readonly entries = new Map<string, string>();
  /** When set, every call fails as an unavailable keychain would (ER_1012 with this reason). */
  failure?: string;

  private check(): void {
    if (this.failure !== undefined) throw codedError('ER_1012', { reason: this.failure });
  }
  async get(account: string): Promise<string | undefined> {
    this.check();
    return this.entries.get(account);
  }
  async set(account: string, password: string): Promise<void> {
    this.check();
    this.entries.set(account, password);
  }
  async delete(account: string): Promise<boolean> {
    this.check();
    return this.entries.delete(account);
  }
  async list(): Promise<string[]> {
    this.check();
    return [...this.entries.keys()].sort();
  }
}

/** A host without any keychain (e.g. the command line on a server): every call is ER_1012. */
export const NO_KEYCHAIN: Keychain = Object.assign(new MemoryKeychain(), { failure: 'no keychain in this process' });
