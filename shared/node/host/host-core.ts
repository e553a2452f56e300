/**
 * What every part of the host shares: its options, the event log, the one write queue, the sealer, the snapshot the
 * window sees, and the save every write ends in (validated, atomic, conflict-checked by the config store).
 */
import { type AppSnapshot, type Resources, type Saved } from '../../host/api.js';
import { type LocalizedText } from '../../messages/text.js';
import { type Config } from '../../config/model.js';
import { type LifecycleChange } from '../../config/lifecycle.js';
import { type UntestedChanges } from '../../host/untested.js';
import { ConfigStore, SaveRefused } from '../config-store.js';
import { CodedError } from '../coded-error.js';
import { ensureServiceKey } from '../secrets.js';
import { NO_KEYCHAIN, type Keychain } from '../keychain.js';
import { untestedChanges } from '../tested-record.js';
import { readMaintenance } from '../maintenance-file.js';
import { type EventLog } from './event-log.js';
import { redactSettings, sealTo } from './typed-values.js';
import { loadResources } from './resources.js';
import { type KeyVerifier } from './verifier.js';
import { type ServiceBridge } from './service-bridge.js';
import { ServiceOps } from './service-ops.js';

export interface HostOptions {
  configDir: string;
  stateDir: string;
  resourcesDir: string;
  version: string;
  verifier: KeyVerifier;
  /** The OS host name (the key file's server name is compared with it); default: os.hostname() without the domain. */
  hostName?: string;
  env?: NodeJS.ProcessEnv;
  /** The way to the reporting service (テスト通報, 開局通報, status, 通報テスト); without it they answer ER_1032. */
  service?: ServiceBridge;
  /**
   * The OS keychain of the person at the desktop (remembered passwords). The desktop app and `serve` give the real one
   * (create.ts); without it remembering answers ER_1012 and everything else works.
   */
  keychain?: Keychain;
}

export const t = (ja: string, en: string): LocalizedText => ({ ja, en });

export class HostCore {
  private queue: Promise<unknown> = Promise.resolve();
  private cachedResources?: Resources;
  readonly service: ServiceOps;

  constructor(
    readonly opts: HostOptions,
    readonly log: EventLog,
    readonly hostName: string,
  ) {
    this.service = new ServiceOps(opts.service, log, opts.stateDir);
  }

  /** Writes run one at a time, so two windows (or a window and the command line) never interleave a save. */
  serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  get keychain(): Keychain {
    return this.opts.keychain ?? NO_KEYCHAIN;
  }

  readonly sealer = sealTo(async () => (await ensureServiceKey(this.opts.stateDir)).publicKeyPem);

  untested(c: Config): Promise<UntestedChanges | undefined> {
    return untestedChanges(this.opts, c);
  }

  async resources(): Promise<Resources> {
    this.cachedResources ??= await loadResources(this.opts.resourcesDir);
    return this.cachedResources;
  }

  async snapshotOf(store: ConfigStore): Promise<AppSnapshot> {
    const c = store.config;
    const untested = await this.untested(c);
    // Read whether or not the service runs: the window shows 保守中 either way (an unreadable file counts as paused).
    const maintenance = (await readMaintenance(this.opts.stateDir)).overlay;
    return {
      version: this.opts.version,
      hostName: this.hostName,
      configDir: this.opts.configDir,
      settings: redactSettings(c.settings),
      optionDevices: c.optionDevices,
      ...(c.inf.adr ? { destinations: c.inf.adr } : {}),
      problems: [...store.problems],
      ...(untested ? { untested } : {}),
      hasConfigurationInfo: c.inf.hbi !== undefined,
      ...(maintenance ? { maintenance } : {}),
    };
  }

  async snapshot(): Promise<AppSnapshot> {
    return this.snapshotOf(await this.open());
  }

  open(): Promise<ConfigStore> {
    return ConfigStore.open(this.opts.configDir);
  }

  /**
   * Saves a config; refusals and conflicts come back as problems, and what happened goes to the event log. `summary`:
   * a refusal of the store ends with its ER_1004 line (the command line prints it after the located problems).
   */
  async save(store: ConfigStore, next: Config, done: LocalizedText, code?: string, lifecycle?: LifecycleChange, summary = false): Promise<Saved> {
    try {
      const written = await store.save(next, { lifecycle });
      if (written.length > 0) await this.log.add('info', { ja: `${done.ja} (${written.join(', ')})`, en: `${done.en} (${written.join(', ')})` }, code);
      return { ok: true, snapshot: await this.snapshotOf(store) };
    } catch (e) {
      const problems = e instanceof SaveRefused ? e.problems : e instanceof CodedError ? [e.problem] : undefined;
      if (!problems) throw e;
      const first = problems[0]!;
      await this.log.add('error', first.message, first.code);
      return { ok: false, problems: summary && e instanceof SaveRefused ? [...problems, e.problem] : problems };
    }
  }
}
