/**
 * HostApi: every operation the UI can ask of the host. One interface, served by Electron IPC (desktop) and by loopback
 * HTTP (`express-report serve`) through the same dispatcher (shared/node/host/dispatch.ts), which validates every request
 * against shared/host/schemas.ts before the host code sees it. The UI never touches files itself.
 */
import { type Problem } from '../messages/problem.js';
import { type Settings, type SettingKey } from '../settings/schema.js';
import { type OptionDevice } from '../settings/options.js';
import { type AdrModel } from '../inf/adr.js';
import { type LocalizedText } from '../messages/text.js';
import { type KeyFileSummary } from '../keyfile/model.js';
import { type CodedText, type EventOutcome, type NotifyTarget, type RelayAgent, type ServiceStatus } from './service-types.js';
import { type RememberedAccount, type RememberedList, type SecretKey } from './remembered.js';
import { type UntestedChanges } from './untested.js';
import { type SystemServiceState } from './run-mode.js';
import { type MaintenanceOverlay, type PauseRequest, type PauseResult, type ResumeRequest, type ResumeResult } from './maintenance.js';

export type {
  CodedText,
  EventOutcome,
  NotifyTarget,
  RelayAgent,
  RelayListenerStatus,
  RelayStatus,
  ReportPhase,
  ReportProgress,
  ServiceStatus,
} from './service-types.js';
export type { RememberedAccount, RememberedList, SecretKey } from './remembered.js';
export type { ChangeArea, UntestedChanges } from './untested.js';
export type { MaintenanceOverlay, PauseRequest, ResumeRequest } from './maintenance.js';
export type { SystemServiceState } from './run-mode.js';

export type ActivationState = Settings['activation.state'];

/** What the window shows. Secrets are never sent to the UI: a set secret reads `(set)`. */
export interface AppSnapshot {
  version: string;
  /** The OS host name (the key file's server name is compared with it). */
  hostName: string;
  configDir: string;
  settings: Settings;
  optionDevices: OptionDevice[];
  destinations?: AdrModel;
  /** The config folder's problems (located), warnings included. */
  problems: Problem[];
  /**
   * 変更後未テスト: what the center must re-learn (route, destinations, certificate) changed after the last successful
   * テスト通報 (shared/node/tested-record.ts). Only while tested or active; reports keep flowing meanwhile.
   */
  untested?: UntestedChanges;
  /** AMHTPHBI.INF exists, so the configuration information follows a successful 開局通報. */
  hasConfigurationInfo?: boolean;
  /**
   * 保守中 (`<state>/maintenance.json`, read whether or not the service runs): an overlay on 運用中; nothing is sent until
   * `until` (or resume). An end time already past means the service was not running then: it resumes when it starts.
   */
  maintenance?: MaintenanceOverlay;
  /** Present when this host is the read-only view of an export: every control is read-only and the banner names it. */
  view?: ExportView;
}

/**
 * `warnings`: what did not happen although the settings were saved (a password that could not be remembered on this
 * computer, ER_6005; a remembered password that could not be read, ER_6006). The host logs them too.
 */
export type Saved = { ok: true; snapshot: AppSnapshot; warnings?: Problem[] } | { ok: false; problems: Problem[] };

/**
 * Values as the user typed them (text, like `config set`). A secret is sent in clear only over the local bridge and is
 * sealed by the host before it is written; the text `(set)` leaves a secret as it is; the text `(remembered)` (of a
 * secret in REMEMBERABLE_SECRETS) stands for the password this computer's keychain holds for the account made of the
 * request's own user / host / port (or entry) values, over the saved ones: the host reads it, seals it and stores it.
 */
export type TypedValues = Partial<Record<SettingKey, string>>;

export interface SaveRequest {
  values: TypedValues;
  optionDevices?: OptionDevice[];
  /**
   * 「このパスワードをこのコンピュータに記憶する」: after a successful save, the password typed in `values` for each of
   * these keys is also kept in the OS keychain of the person at the desktop. A keychain failure does not undo the save:
   * it comes back as a warning (ER_6005).
   */
  remember?: SecretKey[];
  /** 宛先の読み込み's AMHTPADR.INF (readDestinations), written with the other values on OK. */
  destinations?: AdrModel;
}

/**
 * 設定情報の変更 (the setup utility on an activated machine): the registration fields of the utility's pages (customer,
 * machine, dealer; the reply address of a key-code HTTPS machine) and the option devices. Nothing else is written: the
 * state, routes, proxy, certificates and schedule stay as they are. Other keys are refused (ER_3060).
 */
export interface RegistrationRequest {
  values: TypedValues;
  optionDevices: OptionDevice[];
}

/** 宛先の読み込み: the file read and checked, nothing written (the dialog's OK saves it with SaveRequest.destinations). */
export type DestinationsRead = { ok: true; destinations: AdrModel } | { ok: false; problems: Problem[] };

/** A key file chosen by path (desktop, command line) or read by the browser (serve). */
export type FileRef = { path: string } | { name: string; contentBase64: string };

export type KeyFileRead = { ok: true; summary: KeyFileSummary; hostNameMismatch: boolean } | { ok: false; problems: Problem[] };

export interface ActivationRequest {
  method: 'keyfile' | 'keycode';
  /** Express (mail / dial-up / manager) or Express (HTTPS): decides the route written after activation. */
  service: 'express' | 'https';
  keyFile?: FileRef;
  /** The user saw the server-name / host-name mismatch warning and chose 続行. */
  acceptHostNameMismatch?: boolean;
  /** Every page's fields: activation.keyCode, activation.replyMail, customer.*, machine.*, dealer.*. */
  values: TypedValues;
  optionDevices: OptionDevice[];
  /** The user confirmed that re-activation erases every previous setting (ER_5001). */
  confirmReactivation?: boolean;
}

/** The device's own identity read from the machine (DMI); missing parts are asked in 装置の固有情報の入力. */
export interface DeviceInfo {
  deviceCode?: string;
  serialNumber?: string;
}

export interface EventEntry {
  /** ISO time. */
  at: string;
  level: 'info' | 'warning' | 'error';
  text: LocalizedText;
  code?: string;
}

export interface DeviceCodeEntry {
  code: string;
  name: string;
}
export interface MonitoredEvent {
  source: string;
  /** 0x + 8 hex digits. */
  id: string;
  severity: 'error' | 'warning' | 'information';
  report: boolean;
  text: LocalizedText;
}
export interface Resources {
  deviceCodes: DeviceCodeEntry[];
  dealers: string[];
  monitoredEvents: MonitoredEvent[];
}

/**
 * A route dialog's values not saved yet (typed, like SaveRequest.values; the route itself among them when it is not the
 * saved one), and the destinations read by 宛先の読み込み: the notification is sent with them, and they are never written
 * by it (OK saves). The window sends none when nothing differs from the saved settings.
 */
export interface NotifyOverride {
  values: TypedValues;
  destinations?: AdrModel;
}

/** テスト通報: which destination, and where the center sends the result (電子メール with an address, or ファクシミリ). */
export interface TestNotifyRequest {
  target?: NotifyTarget;
  resultMail?: string;
  resultVia?: 'mail' | 'fax';
  override?: NotifyOverride;
  /** The manager's 到達確認テスト: the agent's user system code (or OPFILELESS) the test report names. */
  userSystemCode?: string;
}

export interface ActivateNotifyRequest {
  target?: NotifyTarget;
  /** The definition files' problems (with ER_5002) were shown and the user chose OK: send anyway. */
  ignoreDefinitionErrors?: boolean;
  override?: NotifyOverride;
}

/** The center's answer and the snapshot after the state change (configured → tested → active). */
export type Notified = { ok: true; detail: string; snapshot: AppSnapshot; answer?: CodedText; noResult?: boolean } | { ok: false; problems: Problem[] };

/** 保守中にする: the service's answer (was the center told?) and the snapshot with the overlay. */
export type Paused = (Extract<PauseResult, { ok: true }> & { snapshot: AppSnapshot }) | { ok: false; problems: Problem[] };
/** 保守を終了: how many held reports go now (or were moved to expired), and the snapshot without the overlay. */
export type Resumed = (Extract<ResumeResult, { ok: true }> & { snapshot: AppSnapshot }) | { ok: false; problems: Problem[] };

/** 通報テスト (pseudo failure test) of one monitored event. */
export interface EventTestRequest {
  source: string;
  /** 0x + 8 hex digits. */
  id: string;
}

/** エージェント一覧: the manager's agents (empty when it runs no relay), or a coded problem (ER_1032: the service is not running). */
export type RelayAgentsRead = { ok: true; agents: RelayAgent[] } | { ok: false; problems: Problem[] };

/** The running service's outcome, or a coded problem (ER_1032: the service is not running). */
export type EventTested = { ok: true; outcome: EventOutcome } | { ok: false; problems: Problem[] };

/** The read-only view of an export (ファイル → エクスポートを開く, `serve --view`): what its banner names. */
export interface ExportView {
  /** The export's file name as it was chosen (no folder). */
  file: string;
  serverName: string;
  /** ISO time the export was made. */
  createdAt: string;
  scope: 'support' | 'transfer';
}

/** ファイル → エクスポート: `path` writes the file there (0600); without it the file comes back for a download. */
export interface ExportRequest {
  scope: 'support' | 'transfer';
  personal: 'omit' | 'include';
  /** transfer only (at least 8 characters): seals the secrets; sent only over the local bridge, never stored. */
  passphrase?: string;
  path?: string;
}

export type Exported = { ok: true; name: string; size: number; path?: string; contentBase64?: string; omitted: number } | { ok: false; problems: Problem[] };

/** ファイル → インポート: the export (by path, or its bytes read by the page), and the command's options. */
export interface ImportRequest {
  file: FileRef;
  passphrase?: string;
  /** The groups to import (`--only`); all when absent. */
  only?: Array<'activation' | 'routes' | 'schedule' | 'definitions'>;
  otherMachine?: boolean;
}

/** One line of the change preview (shared/transfer/plan.ts PreviewRow). */
export interface ImportRow {
  group: string;
  key: string;
  label: LocalizedText;
  status: 'changed' | 'added' | 'same' | 'kept secret' | 'kept';
  from: string;
  to: string;
  note?: LocalizedText;
}

/**
 * The preview: `rows` key by key; `problems` refuse the import (nothing can be applied); `notes` are said beside it
 * (a certificate kept, personal fields kept); `count` how many rows change something.
 */
export type ImportPreview =
  { ok: true; rows: ImportRow[]; count: number; notes: Problem[]; activates: boolean } | { ok: false; rows: ImportRow[]; problems: Problem[] };

export type ImportApplied = { ok: true; count: number; snapshot: AppSnapshot; warnings: Problem[] } | { ok: false; problems: Problem[] };

/** エクスポートを開く: the view's id (its HostApi answers under `view.<id>.<method>`; no method of it writes). */
export type ViewOpened = { ok: true; view: string; banner: ExportView } | { ok: false; problems: Problem[] };

/**
 * ファイル → 一括準備 (docs/fleet.md): the CSV and its key files as the page read them (or by path / folder on this machine),
 * the base (this machine's current settings, or an export), and for the build the folder on this machine to write into.
 */
export interface FleetWindowRequest {
  csv: FileRef;
  keys?: { files: Array<{ name: string; contentBase64: string }> } | { dir: string };
  base: { current: true } | { file: FileRef };
  out?: string;
}

/** One row's result (shared/fleet/result.ts RowResult); `problems` carry the line and the CSV column. */
export interface FleetRow {
  line: number;
  serial: string;
  serverName: string;
  folder: string;
  status: 'new' | 'replace' | 'warning' | 'error';
  problems: Problem[];
  /** The configuration information's weekly slot, as shown. */
  schedule?: LocalizedText;
}

export interface FleetCounts {
  total: number;
  new: number;
  replace: number;
  warning: number;
  error: number;
}

/** `problems`: the CSV or base as a whole (no row is checked while one is an error); `notes`: said once for all rows. */
export type FleetChecked = { ok: true; rows: FleetRow[]; counts: FleetCounts; problems: Problem[]; notes: Problem[] } | { ok: false; problems: Problem[] };

/** The build: only the rows without errors written, each under `out/<folder>`, and the result CSV of every row. */
export type FleetBuilt =
  | { ok: true; written: number; skipped: number; resultCsv: string; rows: FleetRow[]; counts: FleetCounts; notes: Problem[] }
  | { ok: false; problems: Problem[] };

/** What the window needs before its first render, in one answer (one request instead of three; issue 16). */
export interface WindowLoad {
  snapshot: AppSnapshot;
  resources: Resources;
  /** The event log, as eventLog() answers it. */
  events: EventEntry[];
}

export interface HostApi {
  /** The window's first load (and its refresh): snapshot, resources and event log together. A query: nothing is written. */
  windowLoad(): Promise<WindowLoad>;
  snapshot(): Promise<AppSnapshot>;
  resources(): Promise<Resources>;
  /** Checks without saving (a wizard page's 次へ): the problems of these values, as they would be after saving. */
  check(req: SaveRequest): Promise<Problem[]>;
  saveSettings(req: SaveRequest): Promise<Saved>;
  deviceInfo(): Promise<DeviceInfo>;
  readKeyFile(req: FileRef): Promise<KeyFileRead>;
  activate(req: ActivationRequest): Promise<Saved>;
  /** 設定情報の変更: only the registration fields and option devices; the lifecycle state is kept (運用中 stays 運用中). */
  updateRegistration(req: RegistrationRequest): Promise<Saved>;
  /** サービスの終了: no more reports. */
  endService(): Promise<Saved>;
  /** サービス有効期限の変更 with a signed 期限延長キー. */
  extendExpiry(req: { key: string }): Promise<Saved>;
  /** 宛先の読み込み: AMHTPADR.INF from a file, checked; nothing is written (saveSettings with `destinations` does). */
  readDestinations(req: FileRef): Promise<DestinationsRead>;
  /**
   * 宛先登録 (the manager's マネージャからのエクスプレス通報): the center's destinations (mail address, dial-up numbers,
   * AMHTPADR.INF, the center's certificate) from a verified key file, saved at once; nothing else changes (no re-activation).
   */
  registerDestinations(req: FileRef): Promise<Saved>;
  /** What the app did (the last 1000 entries, newest last). */
  eventLog(): Promise<EventEntry[]>;
  /** テスト通報, sent at once (primary unless asked); success makes a configured service 'tested'. */
  testNotify(req: TestNotifyRequest): Promise<Notified>;
  /** 開局通報 (only once tested); success makes the service 'active'. Definition-file errors come back with ER_5002. */
  activateNotify(req: ActivateNotifyRequest): Promise<Notified>;
  /** The running service's status; undefined when it is not running. A query: nothing is written, not even a log line. */
  serviceStatus(): Promise<ServiceStatus | undefined>;
  /**
   * Is a system service installed here (whether or not it runs)? Asked when no service answers: the window then says
   * to start it (ER_8200) instead of only 停止中. A query: nothing is written.
   */
  systemService(): Promise<SystemServiceState>;
  /** エージェント一覧 (the manager relay's agents, asked of the running service); a query: nothing is written. */
  relayAgents(): Promise<RelayAgentsRead>;
  /** 通報テスト: the event given to the running service as if it had happened. */
  testEvent(req: EventTestRequest): Promise<EventTested>;
  /** 保守中にする (only while 運用中; needs the running service, ER_1032): reports are held, the center is told. */
  pauseService(req: PauseRequest): Promise<Paused>;
  /** 保守を終了: the held reports are sent (or moved to expired: expireHeld), the center is told. */
  resumeService(req: ResumeRequest): Promise<Resumed>;
  /** The accounts whose password this computer remembers (never a password), or why the keychain cannot be used. */
  rememberedSecrets(): Promise<RememberedList>;
  /** 記憶したパスワードを削除: forgets one remembered password; answers the list after it. */
  forgetSecret(account: RememberedAccount): Promise<RememberedList>;
  /** ファイル → エクスポート: the settings export (docs/settings-transfer.md), written to `path` or sent back for a download. */
  exportSettings(req: ExportRequest): Promise<Exported>;
  /** ファイル → インポート's preview: the file checked and compared; nothing is written. */
  previewImport(req: ImportRequest): Promise<ImportPreview>;
  /** ファイル → インポート's OK: checked again and applied as one save (the command's own function). */
  applyImport(req: ImportRequest): Promise<ImportApplied>;
  /** ファイル → エクスポートを開く: a read-only host over the export, in memory (nothing is written). */
  openView(req: { file: FileRef }): Promise<ViewOpened>;
  /** ファイル → 一括準備's preview: every row checked (docs/fleet.md); nothing is written. */
  fleetCheck(req: FleetWindowRequest): Promise<FleetChecked>;
  /** ファイル → 一括準備's OK: checked again, then the rows without errors written under `out` on this machine. */
  fleetBuild(req: FleetWindowRequest & { out: string }): Promise<FleetBuilt>;
}

/** The methods' names at run time: HOST_METHODS, read off the request schemas (shared/host/schemas.ts). */
export type HostMethod = keyof HostApi;
