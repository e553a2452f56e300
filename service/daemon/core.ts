/** What the service does for its callers (the local API, the drop folder, the command line, the UI through HostApi). */
import { type Problem } from '../../shared/messages/problem.js';

export interface IncomingEvent {
  source: string;
  /** Full 32-bit id. */
  id: number;
  message: string;
  /** ISO time; now when absent. */
  time?: string;
}

export type EventOutcome =
  | { result: 'accepted'; reportId: string }
  | { result: 'folded'; reportId: string; count: number }
  | { result: 'ignored'; reason: 'not-monitored' | 'not-active' };

export interface ServiceStatus {
  state: string;
  pending: number;
  expired: number;
  lastDelivery?: { at: string; reportId: string; detail: string };
  lastFailure?: { at: string; reportId: string; problem: Problem };
  nextRetry?: string;
  pid: number;
  startedAt: string;
}

export interface ServiceCore {
  acceptEvent(e: IncomingEvent): Promise<EventOutcome>;
  status(): Promise<ServiceStatus>;
}
