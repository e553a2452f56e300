/**
 * How long the agent waits on a manager (docs/delivery.md, "Via a manager"). A stored report is acknowledged as soon as
 * the manager has it on disk; a test or activation notification only once the manager has forwarded it and the center
 * answered, which over a dial-up forwarding manager can take minutes.
 */
import { type Config } from '../../../shared/config/model.js';
import { type ReportKind } from '../../../shared/report/model.js';

export interface ManagerTimeouts {
  /** Name resolution and the TCP handshake. */
  connectMs: number;
  /** While the frame is being written: no progress for this long means the manager stopped reading. */
  sendIdleMs: number;
  /** From the last byte of the frame to the ACK/NAK of a stored report (failure, heartbeat, maintenance). */
  answerMs: number;
  /** The same for test and activation, which the manager forwards at once and answers with the center's verdict. */
  answerNowMs: number;
}

export const MANAGER_TIMEOUTS: ManagerTimeouts = { connectMs: 30_000, sendIdleMs: 60_000, answerMs: 60_000, answerNowMs: 600_000 };

/** The answer wait for this kind of report. */
export const answerMsFor = (kind: ReportKind, t: ManagerTimeouts): number => (kind === 'test' || kind === 'activation' ? t.answerNowMs : t.answerMs);

/** Whether the settings name a secondary manager for this relay (the Express or the HTTPS one). */
const hasSecondary = (c: Config, via: 'express' | 'https'): boolean =>
  (via === 'express' ? c.settings['manager.secondary.host'] : c.settings['https.manager.secondary.host']) !== '';

/**
 * One whole immediate notification (test, activation, a maintenance notice) may take: connecting and the wait for the
 * center's answer through the manager, for each manager tried, plus a margin for writing the frame.
 */
export function managerBudgetMs(c: Config, via: 'express' | 'https', t: ManagerTimeouts = MANAGER_TIMEOUTS): number {
  return (t.connectMs + t.answerNowMs + 10_000) * (hasSecondary(c, via) ? 2 : 1);
}
