/** What the service does for its callers (the local API, the drop folder, the command line, the UI through HostApi). */
import { type EventOutcome, type NotifyRequest, type NotifyResult, type RelayAgent, type ServiceStatus } from '../../shared/host/service-types.js';
import { type PauseOrder, type PauseResult, type ResumeRequest, type ResumeResult } from '../../shared/host/maintenance.js';
import { type IncomingEvent } from '../sources/event-source.js';

export interface ServiceCore {
  acceptEvent(e: IncomingEvent): Promise<EventOutcome>;
  status(): Promise<ServiceStatus>;
  /** テスト通報 / 開局通報 sent by the service itself (the desktop app asks here: only the service opens sealed secrets). */
  notify(req: NotifyRequest): Promise<NotifyResult>;
  /** 保守中にする / 保守を終了 (../delivery/maintenance.ts). */
  pause(order: PauseOrder): Promise<PauseResult>;
  resume(req: ResumeRequest): Promise<ResumeResult>;
  /** The manager relay's agents (../relay/agents.ts); none when this service runs no relay. */
  relayAgents?(): Promise<RelayAgent[]>;
}
