/**
 * What every OS event source gives the service: start(onEvent) and stop(). A source never throws out of its stream:
 * what goes wrong while it runs (a reader process that dies, an unreadable file, a malformed line) reaches the
 * service as a coded Problem through `onProblem`, and the source carries on (restarting a dead reader with backoff).
 */
import { problem, type Problem } from '../../shared/messages/problem.js';

/** One event for the service's intake: from an OS source here, or from the drop folder and the local API. */
export interface IncomingEvent {
  source: string;
  /** Full 32-bit id. */
  id: number;
  message: string;
  /** ISO time; now when absent. */
  time?: string;
}

export interface EventSource {
  /** Resolves once the source is watching (or has decided to stay idle, which it reports once). */
  start(onEvent: (e: IncomingEvent) => void): Promise<void>;
  /** Stops watching; no onEvent after it resolves. */
  stop(): Promise<void>;
}

export interface SourceOptions {
  onProblem: (p: Problem) => void;
}

/** The service's intake takes at most this much message text (intake-api.ts); longer text is cut here already. */
export const MAX_MESSAGE = 8192;

/**
 * Gives an event to the service; a callback that throws is reported (ER_1406), never thrown into the reader. Returns
 * what the callback returned (the service's promise of acceptance, which a source keeping its position waits for).
 */
export function handOver(onEvent: (e: IncomingEvent) => unknown, e: IncomingEvent, source: string, onProblem: (p: Problem) => void): unknown {
  try {
    return onEvent(e);
  } catch (err) {
    onProblem(problem('ER_1406', { source, reason: err instanceof Error ? err.message : String(err) }));
    return false;
  }
}
