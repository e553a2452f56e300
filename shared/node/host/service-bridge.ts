/**
 * How the host reaches the reporting service (injected: shared/node may not import service/). The command line and
 * `serve` pass one that sends テスト通報 / 開局通報 in-process (service/host-factory.ts); the desktop app passes
 * runningServiceBridge(), which asks the running service for everything — only the service opens sealed secrets.
 */
import { type EventOutcome, type NotifyRequest, type NotifyResult, type RelayAgent, type ServiceStatus } from '../../host/service-types.js';
import { type PauseOrder, type PauseResult, type ResumeRequest, type ResumeResult } from '../../host/maintenance.js';
import { isCodedError } from '../coded-error.js';
import { ServiceClient } from '../service-client.js';

export interface ServiceEvent {
  source: string;
  /** 0x + 8 hex digits. */
  id: string;
  message?: string;
}

export interface ServiceBridge {
  /** Problems come back in the result; a CodedError (ER_1032: not running) may be thrown. */
  notify(req: NotifyRequest): Promise<NotifyResult>;
  /** undefined when no service runs for this state folder. */
  status(): Promise<ServiceStatus | undefined>;
  /** Throws CodedError ER_1032 when no service runs. */
  testEvent(e: ServiceEvent): Promise<EventOutcome>;
  /** 保守中にする / 保守を終了: only the running service holds reports and tells the center (ER_1032 when none runs). */
  pause(order: PauseOrder): Promise<PauseResult>;
  resume(req: ResumeRequest): Promise<ResumeResult>;
  /** The manager relay's agents (empty when the service runs no relay); throws CodedError ER_1032 when no service runs. */
  relayAgents(): Promise<RelayAgent[]>;
}

/** The service that runs for `stateDir`, through its local API (`<state>/service.json`). */
export function runningServiceBridge(stateDir: string): ServiceBridge {
  const connect = () => ServiceClient.connect(stateDir);
  return {
    notify: async (req) => (await connect()).notify(req),
    status: async () => {
      try {
        return await (await connect()).status();
      } catch (e) {
        if (isCodedError(e, 'ER_1032')) return undefined;
        throw e;
      }
    },
    testEvent: async (e) => (await connect()).event(e),
    pause: async (order) => (await connect()).pause(order),
    resume: async (req) => (await connect()).resume(req),
    relayAgents: async () => (await connect()).relayAgents(),
  };
}
