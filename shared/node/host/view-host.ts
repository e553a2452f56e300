/**
 * The read-only view of an export (ファイル → エクスポートを開く, `serve --view FILE`): a HostApi built in memory from a
 * checked export, so the window and its dialogs show it as they show a machine. Nothing here touches a config or state
 * folder, and every method that would write, send or read another file answers ER_3526: the rule is the host's, not
 * only the page's (the page also disables every control: AppSnapshot.view).
 */
import { randomBytes } from 'node:crypto';
import {
  type AppSnapshot,
  type DestinationsRead,
  type DeviceInfo,
  type EventEntry,
  type WindowLoad,
  type EventTested,
  type Exported,
  type FleetBuilt,
  type FleetChecked,
  type ExportView,
  type HostApi,
  type ImportApplied,
  type ImportPreview,
  type KeyFileRead,
  type Notified,
  type Paused,
  type RelayAgentsRead,
  type RememberedList,
  type Resources,
  type Resumed,
  type Saved,
  type ServiceStatus,
  type SystemServiceState,
  type ViewOpened,
} from '../../host/api.js';
import { type AdrModel } from '../../inf/adr.js';
import { type Problem } from '../../messages/problem.js';
import { problem } from '../../messages/problem.js';
import { defaultSettings, settingDefs, type SettingKey } from '../../settings/schema.js';
import { type SettingValue } from '../../settings/define.js';
import { withValues } from '../../settings/access.js';
import { validateSettings } from '../../settings/validate.js';
import { SECRET_UNCHANGED } from './typed-values.js';
import { type ExportContents } from '../../transfer/model.js';
import { codedError } from '../coded-error.js';

export class ViewHost implements HostApi {
  private readonly snap: AppSnapshot;

  constructor(
    contents: ExportContents,
    problems: readonly Problem[],
    readonly banner: ExportView,
    private readonly loadResources: () => Promise<Resources>,
  ) {
    const m = contents.manifest;
    // A set secret reads (set) as in the window; personal data a support export left out stays empty.
    const secrets = new Map<SettingKey, SettingValue>();
    for (const d of settingDefs) if (d.kind === 'secret') secrets.set(d.key, contents.entry.secrets[d.key] === 'set' ? SECRET_UNCHANGED : '');
    const settings = withValues(withValues(defaultSettings(), contents.values), secrets);
    const placeholders = new Map([...secrets].map(([k, v]) => [k, v === '' ? '' : 'sealed:v1:view:unopened'] as const));
    const adr = contents.definitions['WebReprt/AMHTPADR.INF']?.model as AdrModel | undefined;
    this.snap = {
      version: m.productVersion,
      hostName: m.identity.serverName,
      configDir: banner.file,
      settings,
      optionDevices: contents.optionDevices,
      ...(adr ? { destinations: adr } : {}),
      problems: [...problems, ...validateSettings(withValues(settings, placeholders))],
      hasConfigurationInfo: contents.definitions['WebReprt/AMHTPHBI.INF'] !== undefined,
      view: banner,
    };
  }

  private refuse(method: string): Promise<never> {
    return Promise.reject(codedError('ER_3526', { file: this.banner.file, method }));
  }

  // What the window reads: the export as it is.
  async windowLoad(): Promise<WindowLoad> {
    return { snapshot: this.snap, resources: await this.resources(), events: [] };
  }
  snapshot(): Promise<AppSnapshot> {
    return Promise.resolve(this.snap);
  }
  resources(): Promise<Resources> {
    return this.loadResources();
  }
  /** The export's own problems: nothing typed in a view can differ from it (every control is read-only). */
  check(): Promise<Problem[]> {
    return Promise.resolve(this.snap.problems);
  }
  deviceInfo(): Promise<DeviceInfo> {
    const s = this.snap.settings;
    return Promise.resolve({ deviceCode: s['machine.deviceCode'], serialNumber: s['machine.serialNumber'] });
  }
  eventLog(): Promise<EventEntry[]> {
    return Promise.resolve([]);
  }
  /** No service runs behind an export. */
  serviceStatus(): Promise<ServiceStatus | undefined> {
    return Promise.resolve(undefined);
  }
  /** Nor is one installed for it: the view says サービス: -. */
  systemService(): Promise<SystemServiceState> {
    return Promise.resolve({ installed: false, startCommand: '' });
  }
  relayAgents(): Promise<RelayAgentsRead> {
    return Promise.resolve({ ok: true, agents: [] });
  }
  rememberedSecrets(): Promise<RememberedList> {
    return Promise.resolve({ available: false, problem: problem('ER_3526', { file: this.banner.file, method: 'rememberedSecrets' }) });
  }

  // Everything else writes, sends, or reads another file: refused here, whatever the page does.
  saveSettings(): Promise<Saved> {
    return this.refuse('saveSettings');
  }
  readKeyFile(): Promise<KeyFileRead> {
    return this.refuse('readKeyFile');
  }
  activate(): Promise<Saved> {
    return this.refuse('activate');
  }
  updateRegistration(): Promise<Saved> {
    return this.refuse('updateRegistration');
  }
  endService(): Promise<Saved> {
    return this.refuse('endService');
  }
  extendExpiry(): Promise<Saved> {
    return this.refuse('extendExpiry');
  }
  readDestinations(): Promise<DestinationsRead> {
    return this.refuse('readDestinations');
  }
  registerDestinations(): Promise<Saved> {
    return this.refuse('registerDestinations');
  }
  testNotify(): Promise<Notified> {
    return this.refuse('testNotify');
  }
  activateNotify(): Promise<Notified> {
    return this.refuse('activateNotify');
  }
  testEvent(): Promise<EventTested> {
    return this.refuse('testEvent');
  }
  pauseService(): Promise<Paused> {
    return this.refuse('pauseService');
  }
  resumeService(): Promise<Resumed> {
    return this.refuse('resumeService');
  }
  forgetSecret(): Promise<RememberedList> {
    return this.refuse('forgetSecret');
  }
  exportSettings(): Promise<Exported> {
    return this.refuse('exportSettings');
  }
  previewImport(): Promise<ImportPreview> {
    return this.refuse('previewImport');
  }
  applyImport(): Promise<ImportApplied> {
    return this.refuse('applyImport');
  }
  openView(): Promise<ViewOpened> {
    return this.refuse('openView');
  }
  fleetCheck(): Promise<FleetChecked> {
    return this.refuse('fleetCheck');
  }
  fleetBuild(): Promise<FleetBuilt> {
    return this.refuse('fleetBuild');
  }
}

/** The views a window opened, by an unguessable id; the oldest goes when more than MAX are open (each holds an export). */
export class ExportViews {
  static readonly MAX = 4;
  private readonly views = new Map<string, ViewHost>();

  add(view: ViewHost): string {
    const id = randomBytes(18).toString('base64url');
    this.views.set(id, view);
    while (this.views.size > ExportViews.MAX) this.views.delete(this.views.keys().next().value!);
    return id;
  }

  get(id: string): ViewHost | undefined {
    return this.views.get(id);
  }
}
