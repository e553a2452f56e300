/**
 * What the host asks of the running service: テスト通報 / 開局通報 (with a dialog's unsaved values, sent with and never
 * written), the status, 通報テスト, 保守中 and its end. Answers carry the snapshot after the change the service made.
 */
import {
  type ActivateNotifyRequest,
  type EventTested,
  type EventTestRequest,
  type Notified,
  type NotifyOverride,
  type Paused,
  type RelayAgentsRead,
  type Resumed,
  type ServiceStatus,
  type SystemServiceState,
  type TestNotifyRequest,
} from '../../host/api.js';
import { systemService } from '../service-presence.js';
import { type NotifyRequest, type NotifyResult } from '../../host/service-types.js';
import { type PauseRequest, type ResumeRequest } from '../../host/maintenance.js';
import { buildOverride } from './notify-override.js';
import { type HostCore } from './host-core.js';

export class ServiceRequests {
  constructor(private readonly core: HostCore) {}

  /** The center's answer with the snapshot after the state change, or the problems. */
  private async notified(r: NotifyResult): Promise<Notified> {
    if (!r.ok) return r;
    const said = { ...(r.answer ? { answer: r.answer } : {}), ...(r.noResult ? { noResult: true } : {}) };
    return { ok: true, detail: r.detail, ...said, snapshot: await this.core.snapshot() };
  }

  /** テスト通報 / 開局通報, with a dialog's unsaved values when given (./notify-override.ts): sent with, never written. */
  private send(req: NotifyRequest, o: NotifyOverride | undefined): Promise<Notified> {
    const core = this.core;
    return core.serial(async () => {
      if (!o) return this.notified(await core.service.notify(req));
      const built = await buildOverride(o, (await core.open()).config, core.keychain, core.sealer);
      if (!built.ok) return built;
      return this.notified(await core.service.notify({ ...req, override: built.override }));
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
    return this.core.service.status();
  }

  /** The unit file or the Windows service, looked up now (the same check as serve's and the desktop app's). */
  systemService(): Promise<SystemServiceState> {
    return systemService({ env: this.core.opts.env ?? process.env, stateDir: this.core.opts.stateDir });
  }

  relayAgents(): Promise<RelayAgentsRead> {
    return this.core.service.relayAgents();
  }

  async testEvent(req: EventTestRequest): Promise<EventTested> {
    const e = (await this.core.resources()).monitoredEvents.find((m) => m.source === req.source && m.id.toLowerCase() === req.id.toLowerCase());
    return this.core.service.testEvent(req, e ? e.text.ja : '');
  }

  /** 保守中にする: the service holds the reports and tells the center; the snapshot shows the overlay. */
  pauseService(req: PauseRequest): Promise<Paused> {
    return this.core.serial(async () => {
      const r = await this.core.service.pause(req);
      return r.ok ? { ...r, snapshot: await this.core.snapshot() } : r;
    });
  }

  /** 保守を終了: the held reports go (or expire, when asked), the center is told of the end. */
  resumeService(req: ResumeRequest): Promise<Resumed> {
    return this.core.serial(async () => {
      const r = await this.core.service.resume(req);
      return r.ok ? { ...r, snapshot: await this.core.snapshot() } : r;
    });
  }
}
