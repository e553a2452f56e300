/**
 * A relayed report's own way in (the manager relay, docs/relay.md "Forwarding"): a failure, heartbeat or maintenance
 * report an agent made, stored by the receiver (service/relay/) and handed here. It passes none of the local stages:
 * its event was matched, suppressed and folded where it happened (never folded with this manager's own events), and its
 * logs were collected there (they travel in its stored frame; a `logs` field naming paths is dropped, so a relayed
 * header can never make the manager read its own files). It keeps the agent's id, kind, createdAt, machine, count, event
 * (and a maintenance notice); the spool record says how it came (`relay`), and its age counts from its reception.
 *
 * The agent has its ACK once the frame is stored, so a stored report is taken even when the relay of its port was
 * switched off since (it is forwarded, or expires visibly). Refused with a coded problem only without a configuration
 * yet, or when it is a test or activation notification (those are forwarded at once, never stored); the receiver keeps
 * the frame and hands it again later.
 */
import { type Config } from '../../shared/config/model.js';
import { type EventOutcome } from '../../shared/host/service-types.js';
import { problem, type Problem } from '../../shared/messages/problem.js';
import { type Report } from '../../shared/report/model.js';
import { type RelayVia } from '../spool/record.js';
import { type NewReport, type Spool } from '../spool/spool.js';

export interface RelayedReport {
  report: Report;
  via: RelayVia;
}

export type RelayedOutcome = EventOutcome | { result: 'refused'; problem: Problem };

/** The relay switch of each receive port. */
export const RELAY_SWITCH = { express: 'relay.express.enabled', https: 'relay.https.enabled' } as const;

/** Forwarded at once by forwardNow (service/relay/forward-now.ts), never stored. */
const AT_ONCE = new Set<Report['kind']>(['test', 'activation']);

/** Why the manager does not take this stored relayed report now, or undefined: it takes it (its relay on or not). */
export function relayRefusal(c: Config | undefined, r: RelayedReport): Problem | undefined {
  const id = r.report.id;
  if (AT_ONCE.has(r.report.kind)) return problem('ER_2372', { id, kind: r.report.kind });
  if (!c) return problem('ER_2370', { id });
  return undefined;
}

/** What of the agent's report is kept: nothing that names a path on the agent, nothing a test notification carries. */
export function keptOf(report: Report): NewReport & Pick<Report, 'id' | 'createdAt' | 'count'> {
  const { id, kind, createdAt, machine, count, event, maintenance } = report;
  return { id, kind, createdAt, machine, count, ...(event ? { event } : {}), ...(maintenance ? { maintenance } : {}) };
}

export interface RelayedDeps {
  spool: Pick<Spool, 'accept'>;
  config(): Config | undefined;
  /** The size of the stored frame's payload (the collected-logs zip; 0: none), read once here so a send knows it. */
  payloadBytes(id: string): Promise<number>;
  /** Where the stored frame is, for the message when it cannot be read. */
  framePath(id: string): string;
}

/** The relayed entry: refused (coded), or made durable in the spool with its `relay` record, then accepted. */
export function relayedIntake(d: RelayedDeps): (r: RelayedReport) => Promise<RelayedOutcome> {
  return async (r) => {
    const refused = relayRefusal(d.config(), r);
    if (refused) return { result: 'refused', problem: refused };
    let payloadBytes: number;
    try {
      payloadBytes = await d.payloadBytes(r.report.id);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      return { result: 'refused', problem: problem('ER_2373', { id: r.report.id, path: d.framePath(r.report.id), reason }) };
    }
    const report = await d.spool.accept(keptOf(r.report), { relay: { port: r.via.port, from: r.via.from, receivedAt: r.via.receivedAt, payloadBytes } });
    return { result: 'accepted', reportId: report.id };
  };
}
