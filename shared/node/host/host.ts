/**
 * The HostApi implementation: the same code behind Electron IPC and `express-report serve`. Every write goes through
 * the config store (validated, atomic, conflict-checked); secrets are sealed here and never sent back to the UI.
 *
 * NodeHost composes the host's parts, which share one HostCore (./host-core.ts: options, event log, write queue,
 * sealer, snapshot, save): the settings writes (./settings-writes.ts), the lifecycle operations (./lifecycle-ops.ts)
 * and what is asked of the running service (./service-requests.ts). The reads and the keychain's list stay here.
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
  type WindowLoad,
  type EventTested,
  type EventTestRequest,
  type FileRef,
  type HostApi,
  type KeyFileRead,
  type Notified,
  type RegistrationRequest,
  type Resources,
  type SaveRequest,
  type Saved,
  type ServiceStatus,
  type SystemServiceState,
  type TestNotifyRequest,
  type RememberedAccount,
  type RememberedList,
  type Paused,
  type RelayAgentsRead,
  type Resumed,
  type TypedValues,
  type ExportRequest,
  type Exported,
  type ImportApplied,
  type ImportPreview,
  type ImportRequest,
  type ViewOpened,
  type FleetBuilt,
  type FleetChecked,
  type FleetWindowRequest,
} from '../../host/api.js';
import { accountName } from '../../host/remembered.js';
import { message, type Problem } from '../../messages/problem.js';
import { IniDocument } from '../../ini/document.js';
import { decodeAdr } from '../../inf/adr.js';
import { ConfigStore } from '../config-store.js';
import { CodedError } from '../coded-error.js';
import { decodeText } from '../encoding.js';
import { EventLog } from './event-log.js';
import { readDeviceInfo } from './device-info.js';
import { tryReadFileRef } from './file-ref.js';
import { listRemembered } from './remembered.js';
import { ensureTestedBaseline } from '../tested-record.js';
import { migrateLegacyPause } from '../maintenance-file.js';
import { type PauseRequest, type ResumeRequest } from '../../host/maintenance.js';
import { HostCore, type HostOptions } from './host-core.js';
import { SettingsWrites, type ValuesSet } from './settings-writes.js';
import { LifecycleOps } from './lifecycle-ops.js';
import { ServiceRequests } from './service-requests.js';
import { registerDestinations } from './destination-registration.js';
import { TransferOps } from './transfer-ops.js';
import { FleetOps } from './fleet-ops.js';
import { type ViewSource } from './dispatch.js';

export class NodeHost implements HostApi, ViewSource {
  private readonly settingsWrites: SettingsWrites;
  private readonly lifecycle: LifecycleOps;
  private readonly service: ServiceRequests;
  private readonly transfer: TransferOps;
  private readonly fleet: FleetOps;

  private constructor(private readonly core: HostCore) {
    this.settingsWrites = new SettingsWrites(core);
    this.lifecycle = new LifecycleOps(core);
    this.service = new ServiceRequests(core);
    this.transfer = new TransferOps(core);
    this.fleet = new FleetOps(core);
  }

  /** Opens the host; a missing config folder is created with the defaults (the desktop app's first start). */
  static async create(opts: HostOptions): Promise<NodeHost> {
    await mkdir(opts.stateDir, { recursive: true, mode: 0o700 });
    const log = await EventLog.open(join(opts.stateDir, 'app-events.jsonl'));
    const host = new NodeHost(new HostCore(opts, log, opts.hostName ?? hostname().split('.')[0]!));
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

  snapshot(): Promise<AppSnapshot> {
    return this.core.snapshot();
  }

  /** The window's first load in one answer (renderer/store.ts refresh). */
  async windowLoad(): Promise<WindowLoad> {
    const [snapshot, resources, events] = await Promise.all([this.snapshot(), this.resources(), this.eventLog()]);
    return { snapshot, resources, events };
  }

  // The ファイル menu: export, import, and the read-only view of an export (./transfer-ops.ts).

  exportSettings(req: ExportRequest): Promise<Exported> {
    return this.transfer.exportSettings(req);
  }

  previewImport(req: ImportRequest): Promise<ImportPreview> {
    return this.transfer.previewImport(req);
  }

  applyImport(req: ImportRequest): Promise<ImportApplied> {
    return this.transfer.applyImport(req);
  }

  openView(req: { file: FileRef }): Promise<ViewOpened> {
    return this.transfer.openView(req);
  }

  // ファイル → 一括準備 (./fleet-ops.ts).

  fleetCheck(req: FleetWindowRequest): Promise<FleetChecked> {
    return this.fleet.check(req);
  }

  fleetBuild(req: FleetWindowRequest & { out: string }): Promise<FleetBuilt> {
    return this.fleet.build(req);
  }

  /** A view this host opened (dispatch routes `view.<id>.<method>` to it). */
  viewHost(id: string): HostApi | undefined {
    return this.transfer.views.get(id);
  }

  resources(): Promise<Resources> {
    return this.core.resources();
  }

  // The settings writes (./settings-writes.ts).

  check(req: SaveRequest): Promise<Problem[]> {
    return this.settingsWrites.check(req);
  }

  saveSettings(req: SaveRequest): Promise<Saved> {
    return this.settingsWrites.saveSettings(req);
  }

  /** `config set KEY VALUE ...`: not part of HostApi (the window checks first, then saves what it shows). */
  setValues(values: TypedValues): Promise<ValuesSet> {
    return this.settingsWrites.setValues(values);
  }

  updateRegistration(req: RegistrationRequest): Promise<Saved> {
    return this.settingsWrites.updateRegistration(req);
  }

  // The lifecycle operations (./lifecycle-ops.ts).

  activate(req: ActivationRequest): Promise<Saved> {
    return this.lifecycle.activate(req);
  }

  endService(): Promise<Saved> {
    return this.lifecycle.endService();
  }

  extendExpiry(req: { key: string }): Promise<Saved> {
    return this.lifecycle.extendExpiry(req);
  }

  // What is asked of the running service (./service-requests.ts).

  testNotify(req: TestNotifyRequest): Promise<Notified> {
    return this.service.testNotify(req);
  }

  activateNotify(req: ActivateNotifyRequest): Promise<Notified> {
    return this.service.activateNotify(req);
  }

  serviceStatus(): Promise<ServiceStatus | undefined> {
    return this.service.serviceStatus();
  }

  systemService(): Promise<SystemServiceState> {
    return this.service.systemService();
  }

  relayAgents(): Promise<RelayAgentsRead> {
    return this.service.relayAgents();
  }

  testEvent(req: EventTestRequest): Promise<EventTested> {
    return this.service.testEvent(req);
  }

  pauseService(req: PauseRequest): Promise<Paused> {
    return this.service.pauseService(req);
  }

  resumeService(req: ResumeRequest): Promise<Resumed> {
    return this.service.resumeService(req);
  }

  // The reads, and the remembered passwords' list.

  rememberedSecrets(): Promise<RememberedList> {
    return listRemembered(this.core.keychain);
  }

  forgetSecret(account: RememberedAccount): Promise<RememberedList> {
    const core = this.core;
    return core.serial(async () => {
      const name = accountName(account);
      try {
        if (await core.keychain.delete(name)) await core.log.add('info', message('ER_6008', { account: name }), 'ER_6008');
      } catch (e) {
        if (!(e instanceof CodedError)) throw e;
        await core.log.add('error', e.problem.message, e.code);
        return { available: false, problem: e.problem };
      }
      return listRemembered(core.keychain);
    });
  }

  deviceInfo(): Promise<DeviceInfo> {
    return readDeviceInfo(this.core.opts.env);
  }

  async readKeyFile(ref: FileRef): Promise<KeyFileRead> {
    const file = await tryReadFileRef(ref);
    if (!file.ok) return file;
    const v = this.core.opts.verifier.keyFile(file.bytes, file.name);
    if (!v.ok) return v;
    return { ok: true, summary: v.summary, hostNameMismatch: v.summary.serverName.toLowerCase() !== this.core.hostName.toLowerCase() };
  }

  async readDestinations(ref: FileRef): Promise<DestinationsRead> {
    const file = await tryReadFileRef(ref);
    if (!file.ok) return file;
    const d = decodeAdr(IniDocument.parse(decodeText(file.bytes, file.name).text), file.name);
    if (d.problems.some((p) => p.severity === 'error')) return { ok: false, problems: d.problems };
    return { ok: true, destinations: d.model };
  }

  /** 宛先登録: the key file's destinations only, without activating again (./destination-registration.ts). */
  registerDestinations(ref: FileRef): Promise<Saved> {
    return registerDestinations(this.core, ref);
  }

  async eventLog(): Promise<EventEntry[]> {
    return this.core.log.list();
  }
}
