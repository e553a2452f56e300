/**
 * The HostApi implementation: the same code behind Electron IPC and `express-report serve`. Every write goes through
 * the config store (validated, atomic, conflict-checked); secrets are sealed here and never sent back to the UI.
 */
import { hostname } from 'node:os';
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import {
  type ActivateNotifyRequest,
  type ActivationRequest,
  type AppSnapshot,
  type DestinationsRead,
  type DeviceInfo,
  type EventEntry,
  type EventTested,
  type EventTestRequest,
  type FileRef,
  type HostApi,
  type KeyFileRead,
  type Notified,
  type NotifyOverride,
  type RegistrationRequest,
  type Resources,
  type SaveRequest,
  type Saved,
  type ServiceStatus,
  type TestNotifyRequest,
  type RememberedAccount,
  type RememberedList,
  type Paused,
  type Resumed,
  type TypedValues,
} from '../../host/api.js';
import { accountName } from '../../host/remembered.js';
import { type NotifyRequest, type NotifyResult } from '../../host/service-types.js';
import { isRegistrationKey } from '../../host/registration.js';
import { endServiceRefusal, extendExpiryRefusal } from '../../host/lifecycle-actions.js';
import { areasText, type UntestedChanges } from '../../host/untested.js';
import { settingDef, type SettingKey, type Settings } from '../../settings/schema.js';
import { message, problem, type Problem } from '../../messages/problem.js';
import { type LocalizedText } from '../../messages/text.js';
import { type Config } from '../../config/model.js';
import { type LifecycleChange } from '../../config/lifecycle.js';
import { validateSettings } from '../../settings/validate.js';
import { validateOptionDevices } from '../../settings/options.js';
import { errorsIntroduced, withValues } from '../../settings/access.js';
import { IniDocument } from '../../ini/document.js';
import { decodeAdr } from '../../inf/adr.js';
import { ConfigStore, SaveRefused } from '../config-store.js';
import { CodedError } from '../coded-error.js';
import { ensureServiceKey } from '../secrets.js';
import { writeFileAtomic } from '../atomic-write.js';
import { decodeText } from '../encoding.js';
import { EventLog } from './event-log.js';
import { convertTypedValues, redactSettings, sealTo, type Sealer } from './typed-values.js';
import { loadResources } from './resources.js';
import { readDeviceInfo } from './device-info.js';
import { tryReadFileRef } from './file-ref.js';
import { planActivation } from './activation.js';
import { loadCenterDestinations } from './center.js';
import { type KeyVerifier } from './verifier.js';
import { type ServiceBridge } from './service-bridge.js';
import { ServiceOps } from './service-ops.js';
import { NO_KEYCHAIN, type Keychain } from '../keychain.js';
import { checkRemember, listRemembered, rememberTyped, rememberedMessage, resolveRemembered } from './remembered.js';
import { ensureTestedBaseline, untestedChanges } from '../tested-record.js';
import { buildOverride } from './notify-override.js';
import { migrateLegacyPause, readMaintenance } from '../maintenance-file.js';
import { type PauseRequest, type ResumeRequest } from '../../host/maintenance.js';
import { CA_FIELD, checkCaFile } from './ca-file.js';

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

/** `config set`'s answer (NodeHost.setValues): the keys written, or the problems (nothing written). */
export type ValuesSet = { ok: true; changed: SettingKey[]; warnings?: Problem[] } | { ok: false; problems: Problem[] };

/** What a typed secret stands for while checking: a sealed value, without sealing (nothing is written). */
const CHECK_PLACEHOLDER_SECRET = 'sealed:v1:check:unsaved';
const t = (ja: string, en: string): LocalizedText => ({ ja, en });

/** Saved, and the center must re-learn something: reports go on, but a test is advisable (ER_6090, what is new only). */
function newlyUntested(before: UntestedChanges | undefined, after: AppSnapshot): Problem[] {
  const areas = (after.untested?.areas ?? []).filter((a) => !before?.areas.includes(a));
  return areas.length > 0 ? [problem('ER_6090', { areas: areasText(areas) })] : [];
}

export class NodeHost implements HostApi {
  private queue: Promise<unknown> = Promise.resolve();
  private cachedResources?: Resources;
  private readonly service: ServiceOps;

  private constructor(
    private readonly opts: HostOptions,
    private readonly log: EventLog,
    private readonly hostName: string,
  ) {
    this.service = new ServiceOps(opts.service, log, opts.stateDir);
  }

  /** Opens the host; a missing config folder is created with the defaults (the desktop app's first start). */
  static async create(opts: HostOptions): Promise<NodeHost> {
    await mkdir(opts.stateDir, { recursive: true, mode: 0o700 });
    const log = await EventLog.open(join(opts.stateDir, 'app-events.jsonl'));
    const host = new NodeHost(opts, log, opts.hostName ?? hostname().split('.')[0]!);
    const store = await ConfigStore.open(opts.configDir).catch(async (e: unknown) => {
      if (!(e instanceof CodedError) || e.code !== 'ER_1005') throw e;
      const made = await ConfigStore.init(opts.configDir);
      await log.add('info', message('ER_6002', { path: opts.configDir }), 'ER_6002');
      return made;
    });
    // An older version's State=paused: 運用中 + a pause without an end time, once (maintenance-file.ts).
    const migrated = await migrateLegacyPause(opts).catch(async (e: unknown) => {
      if (!(e instanceof CodedError)) throw e;
      await log.add('error', e.problem.message, e.code);
      return false;
    });
    if (migrated) await log.add('warning', message('ER_6115'), 'ER_6115');
    // A machine tested before 変更後未テスト was recorded: its settings now are the tested ones (tested-record.ts).
    await ensureTestedBaseline(opts, migrated ? (await ConfigStore.open(opts.configDir)).config : store.config);
    return host;
  }

  /** Writes run one at a time, so two windows (or a window and the command line) never interleave a save. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private get keychain(): Keychain {
    return this.opts.keychain ?? NO_KEYCHAIN;
  }

  private sealer = sealTo(async () => (await ensureServiceKey(this.opts.stateDir)).publicKeyPem);

  private untested(c: Config): Promise<UntestedChanges | undefined> {
    return untestedChanges(this.opts, c);
  }

  /** 追加の CA 証明書ファイル typed in this request: checked now (exists, PEM), not first at a test (./ca-file.ts). */
  private caFileProblems(req: SaveRequest, settings: Config['settings']): Promise<Problem[]> {
    return req.values[CA_FIELD] === undefined ? Promise.resolve([]) : checkCaFile(settings[CA_FIELD]);
  }

  /** Typed values applied to `base`: `(remembered)` read from the keychain, text parsed, secrets given to `sealer`. */
  private async typed(values: TypedValues, base: Settings, sealer: Sealer) {
    const resolved = await resolveRemembered(values, base, this.keychain);
    const typed = await convertTypedValues(resolved.values, sealer);
    return { resolved, typed, settings: withValues(base, typed.changes) };
  }

  private async snapshotOf(store: ConfigStore): Promise<AppSnapshot> {
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

  /**
   * Saves a config; refusals and conflicts come back as problems, and what happened goes to the event log. `summary`:
   * a refusal of the store ends with its ER_1004 line (the command line prints it after the located problems).
   */
  private async save(store: ConfigStore, next: Config, done: LocalizedText, code?: string, lifecycle?: LifecycleChange, summary = false): Promise<Saved> {
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

  async snapshot(): Promise<AppSnapshot> {
    return this.snapshotOf(await ConfigStore.open(this.opts.configDir));
  }

  async resources(): Promise<Resources> {
    this.cachedResources ??= await loadResources(this.opts.resourcesDir);
    return this.cachedResources;
  }

  async check(req: SaveRequest): Promise<Problem[]> {
    const store = await ConfigStore.open(this.opts.configDir);
    const { resolved, typed, settings } = await this.typed(req.values, store.config.settings, async () => CHECK_PLACEHOLDER_SECRET);
    return [
      ...resolved.problems,
      ...typed.problems,
      ...checkRemember(req.remember, req.values, settings),
      ...resolved.warnings,
      ...validateSettings(settings),
      ...validateOptionDevices(req.optionDevices ?? store.config.optionDevices),
      ...(typed.problems.some((p) => p.field === CA_FIELD) ? [] : await this.caFileProblems(req, settings)),
    ];
  }

  /**
   * `(remembered)` secrets are read from the keychain and sealed like typed ones; after the save, the typed passwords
   * of `remember` go to the keychain. Keychain failures are warnings of a save that went through (./remembered.ts).
   */
  saveSettings(req: SaveRequest): Promise<Saved> {
    return this.serial(async () => {
      const store = await ConfigStore.open(this.opts.configDir);
      const c = store.config;
      const { resolved, typed, settings } = await this.typed(req.values, c.settings, this.sealer);
      const problems = [...resolved.problems, ...typed.problems, ...checkRemember(req.remember, req.values, settings)];
      if (!problems.some((p) => p.field === CA_FIELD)) problems.push(...(await this.caFileProblems(req, settings)));
      if (problems.length > 0) return { ok: false, problems: [...problems, ...resolved.warnings] };
      const inf = req.destinations ? { ...c.inf, adr: req.destinations } : c.inf;
      const next: Config = { ...c, settings, optionDevices: req.optionDevices ?? c.optionDevices, inf };
      const before = await this.untested(c);
      const saved = await this.save(store, next, t('設定を保存しました', 'Settings saved'));
      if (!saved.ok) return resolved.warnings.length > 0 ? { ok: false, problems: [...saved.problems, ...resolved.warnings] } : saved;
      const kept = await rememberTyped(req.remember, req.values, settings, this.keychain);
      for (const r of kept.remembered) await this.log.add('info', rememberedMessage(r.key, r.account), 'ER_6007');
      const warnings = [...resolved.warnings, ...kept.warnings, ...newlyUntested(before, saved.snapshot)];
      for (const w of warnings) await this.log.add('warning', w.message, w.code);
      return warnings.length > 0 ? { ...saved, warnings } : saved;
    });
  }

  /**
   * `config set KEY VALUE ...` (not part of HostApi: the window checks first, then saves what it shows): the values
   * typed the window's way (`(remembered)` read from the keychain, parsed, secrets sealed, the CA file checked), refused
   * whole on their problems, else on the errors the change brings (a route that makes other settings required), else on
   * the store's refusal (located, then its ER_1004). Written and logged like saveSettings, with its warnings (ER_6090).
   */
  setValues(values: TypedValues): Promise<ValuesSet> {
    return this.serial(async () => {
      const store = await ConfigStore.open(this.opts.configDir);
      const c = store.config;
      const { resolved, typed, settings } = await this.typed(values, c.settings, this.sealer);
      const problems = [...resolved.problems, ...typed.problems];
      if (!problems.some((p) => p.field === CA_FIELD)) problems.push(...(await this.caFileProblems({ values }, settings)));
      if (problems.length === 0) problems.push(...errorsIntroduced(c.settings, settings, typed.changes.keys()));
      if (problems.length > 0) return { ok: false, problems: [...problems, ...resolved.warnings] };
      const before = await this.untested(c);
      const saved = await this.save(store, { ...c, settings }, t('設定を保存しました', 'Settings saved'), undefined, undefined, true);
      if (!saved.ok) return { ok: false, problems: [...saved.problems, ...resolved.warnings] };
      const warnings = [...resolved.warnings, ...newlyUntested(before, saved.snapshot)];
      for (const w of warnings) await this.log.add('warning', w.message, w.code);
      return { ok: true, changed: [...typed.changes.keys()], ...(warnings.length > 0 ? { warnings } : {}) };
    });
  }

  rememberedSecrets(): Promise<RememberedList> {
    return listRemembered(this.keychain);
  }

  forgetSecret(account: RememberedAccount): Promise<RememberedList> {
    return this.serial(async () => {
      const name = accountName(account);
      try {
        if (await this.keychain.delete(name)) await this.log.add('info', message('ER_6008', { account: name }), 'ER_6008');
      } catch (e) {
        if (!(e instanceof CodedError)) throw e;
        await this.log.add('error', e.problem.message, e.code);
        return { available: false, problem: e.problem };
      }
      return listRemembered(this.keychain);
    });
  }

  deviceInfo(): Promise<DeviceInfo> {
    return readDeviceInfo(this.opts.env);
  }

  async readKeyFile(ref: FileRef): Promise<KeyFileRead> {
    const file = await tryReadFileRef(ref);
    if (!file.ok) return file;
    const v = this.opts.verifier.keyFile(file.bytes, file.name);
    if (!v.ok) return v;
    return { ok: true, summary: v.summary, hostNameMismatch: v.summary.serverName.toLowerCase() !== this.hostName.toLowerCase() };
  }

  activate(req: ActivationRequest): Promise<Saved> {
    return this.serial(async () => {
      const store = await ConfigStore.open(this.opts.configDir);
      let payload;
      if (req.method === 'keyfile' && req.keyFile) {
        const file = await tryReadFileRef(req.keyFile);
        if (!file.ok) return file;
        const v = this.opts.verifier.keyFile(file.bytes, file.name);
        if (!v.ok) return v;
        payload = v.payload;
      }
      const typed = await convertTypedValues(req.values, this.sealer);
      // The center's destinations are "set automatically" where the key file names none (always for a key code).
      let center;
      if (req.method === 'keycode' || !payload?.destinations.url1 || !payload.destinations.mail) {
        const read = await loadCenterDestinations(this.opts.resourcesDir, this.opts.env ?? process.env);
        if (!read.ok) return read;
        center = read.center;
      }
      const plan = planActivation(store.config, req, typed, this.hostName, payload, center);
      if (plan.problems.length > 0) return { ok: false, problems: plan.problems };
      const saved = await this.save(store, plan.config, t('開局しました', 'Activated'), undefined, 'activation');
      if (saved.ok && plan.centerCertificate) {
        await writeFileAtomic(join(this.opts.configDir, 'center-cert.pem'), plan.centerCertificate, { backup: true });
      }
      if (saved.ok && plan.usedCenter && center) {
        const none = { ja: '(開局キーファイルの宛先)', en: "(the key file's)" };
        const source = [
          ...new Set(
            [plan.usedCenter.url1 !== undefined ? center.files.adr : '', plan.usedCenter.mailTo !== undefined ? center.files.mail : ''].filter(Boolean),
          ),
        ].join(', ');
        await this.log.add('info', message('ER_6100', { source, url1: plan.usedCenter.url1 ?? none, mail: plan.usedCenter.mailTo ?? none }), 'ER_6100');
      }
      return saved;
    });
  }

  /**
   * 設定情報の変更: the registration fields and option devices only, on the config as saved; the state, routes, proxy,
   * certificates and schedule are not touched (a save writes only the files whose text changed).
   */
  updateRegistration(req: RegistrationRequest): Promise<Saved> {
    return this.serial(async () => {
      const store = await ConfigStore.open(this.opts.configDir);
      const c = store.config;
      const state = c.settings['activation.state'];
      if (state === 'not-activated') return { ok: false, problems: [problem('ER_3051', {}, { field: 'activation.state' })] };
      const foreign = Object.keys(req.values).filter((k) => !isRegistrationKey(k));
      if (foreign.length > 0) {
        return { ok: false, problems: foreign.map((k) => problem('ER_3060', { label: settingDef(k)?.label ?? k }, { field: k })) };
      }
      const typed = await convertTypedValues(req.values, this.sealer);
      if (typed.problems.length > 0) return { ok: false, problems: typed.problems };
      const settings = withValues(c.settings, typed.changes);
      const labels = settingDef('activation.state');
      const stateLabel = (labels?.kind === 'enum' ? labels.choiceLabels?.[state] : undefined) ?? { ja: state, en: state };
      return this.save(store, { ...c, settings, optionDevices: req.optionDevices }, message('ER_6091', { state: stateLabel }), 'ER_6091');
    });
  }

  endService(): Promise<Saved> {
    return this.serial(async () => {
      const store = await ConfigStore.open(this.opts.configDir);
      const c = store.config;
      if (c.settings['activation.state'] === 'not-activated') return { ok: false, problems: [problem('ER_3051', {}, { field: 'activation.state' })] };
      // Only once the service has started (運用中), as the manual has it; the menu says the same before it is chosen.
      const refused = endServiceRefusal(c.settings['activation.state']);
      if (refused) return { ok: false, problems: [refused] };
      return this.save(
        store,
        { ...c, settings: { ...c.settings, 'activation.state': 'ended' } },
        t('サービスを終了しました', 'Service ended'),
        undefined,
        'end',
      );
    });
  }

  extendExpiry(req: { key: string }): Promise<Saved> {
    return this.serial(async () => {
      const store = await ConfigStore.open(this.opts.configDir);
      const c = store.config;
      if (c.settings['activation.state'] === 'not-activated') return { ok: false, problems: [problem('ER_3051', {}, { field: 'activation.state' })] };
      // Only after the service has ended (manual chapter 5); the renewal resumes it.
      const refused = extendExpiryRefusal(c.settings['activation.state']);
      if (refused) return { ok: false, problems: [refused] };
      const v = this.opts.verifier.extension(req.key, { userSystemCode: c.settings['activation.userSystemCode'], expiry: c.settings['activation.expiry'] });
      if (!v.ok) return v;
      const p = v.payload;
      // Renewal resumes the ended service: the contract continues.
      return this.save(
        store,
        { ...c, settings: { ...c.settings, 'activation.expiry': p.expiry, 'activation.state': 'active' } },
        t(`有効期限を ${p.expiry} に変更しました`, `Expiry changed to ${p.expiry}`),
        undefined,
        'renewal',
      );
    });
  }

  async readDestinations(ref: FileRef): Promise<DestinationsRead> {
    const file = await tryReadFileRef(ref);
    if (!file.ok) return file;
    const d = decodeAdr(IniDocument.parse(decodeText(file.bytes, file.name).text), file.name);
    if (d.problems.some((p) => p.severity === 'error')) return { ok: false, problems: d.problems };
    return { ok: true, destinations: d.model };
  }

  async eventLog(): Promise<EventEntry[]> {
    return this.log.list();
  }

  /** The center's answer with the snapshot after the state change, or the problems. */
  private async notified(r: NotifyResult): Promise<Notified> {
    return r.ok ? { ok: true, detail: r.detail, snapshot: await this.snapshot() } : r;
  }

  /** テスト通報 / 開局通報, with a dialog's unsaved values when given (./notify-override.ts): sent with, never written. */
  private send(req: NotifyRequest, o: NotifyOverride | undefined): Promise<Notified> {
    return this.serial(async () => {
      if (!o) return this.notified(await this.service.notify(req));
      const built = await buildOverride(o, (await ConfigStore.open(this.opts.configDir)).config, this.keychain, this.sealer);
      if (!built.ok) return built;
      return this.notified(await this.service.notify({ ...req, override: built.override }));
    });
  }

  testNotify(req: TestNotifyRequest): Promise<Notified> {
    const { override, ...rest } = req;
    return this.send({ kind: 'test', ...rest }, override);
  }

  activateNotify(req: ActivateNotifyRequest): Promise<Notified> {
    const { override, ...rest } = req;
    return this.send({ kind: 'activation', ...rest }, override);
  }

  serviceStatus(): Promise<ServiceStatus | undefined> {
    return this.service.status();
  }

  async testEvent(req: EventTestRequest): Promise<EventTested> {
    const e = (await this.resources()).monitoredEvents.find((m) => m.source === req.source && m.id.toLowerCase() === req.id.toLowerCase());
    return this.service.testEvent(req, e ? e.text.ja : '');
  }

  /** 保守中にする: the service holds the reports and tells the center; the snapshot shows the overlay. */
  pauseService(req: PauseRequest): Promise<Paused> {
    return this.serial(async () => {
      const r = await this.service.pause(req);
      return r.ok ? { ...r, snapshot: await this.snapshot() } : r;
    });
  }

  /** 保守を終了: the held reports go (or expire, when asked), the center is told of the end. */
  resumeService(req: ResumeRequest): Promise<Resumed> {
    return this.serial(async () => {
      const r = await this.service.resume(req);
      return r.ok ? { ...r, snapshot: await this.snapshot() } : r;
    });
  }
}
