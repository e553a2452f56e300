/**
 * What a fault file asks of its running service: the log, the status over the local API, `express-report status`
 * answering, and an event through the real command line. The machine and service are read when asked, as the file's
 * beforeAll makes them.
 */
import { expect } from 'vitest';
import { type ServiceStatus } from '../../../shared/host/service-types.js';
import { type ProcessRun } from '../process-cli.js';
import { type Machine, type ServiceProcess } from '../service-process.js';
import { serviceStatus } from './status.js';

export interface EventAnswer {
  result: string;
  reportId: string;
}

export interface ServiceProbes {
  /** What the service logged so far ('' before it runs). */
  log(): string;
  status(): Promise<ServiceStatus>;
  /** The user's way: `express-report status` answers (exit 0). */
  statusAnswers(): Promise<void>;
  /** `express-report event` (a disk error) as it came back, accepted or refused. */
  sendEvent(): Promise<ProcessRun>;
  /** The same event, which must be accepted: its report id. */
  event(): Promise<string>;
}

/** The JSON line `express-report event` ends its output with. */
export const answerOf = (out: string): EventAnswer => JSON.parse(out.trim().split('\n').at(-1)!) as EventAnswer;

export function serviceProbes(machine: () => Machine, service: () => ServiceProcess | undefined): ServiceProbes {
  const sendEvent = () => machine().cli(['event', '--source', 'atapi', '--id', '0xc0040006']);
  return {
    log: () => service()?.log() ?? '',
    status: () => serviceStatus(machine().stateDir),
    statusAnswers: async () => {
      expect((await machine().cli(['status'])).code).toBe(0);
    },
    sendEvent,
    event: async () => {
      const r = await sendEvent();
      const e = answerOf(r.out);
      expect(e.result, r.err).toBe('accepted');
      return e.reportId;
    },
  };
}
