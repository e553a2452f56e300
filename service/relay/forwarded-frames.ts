/**
 * The stored frames of relayed reports while the manager forwards them (docs/relay.md "Forwarding"): a relayed report's
 * attachment is streamed from the payload of its frame, `relay/received/<id>.frame` (never held whole in memory), and
 * the frame is deleted once the report is sent or expired (seen.log keeps its id, so a repeat is still recognised).
 */
import { rm } from 'node:fs/promises';
import { problem, type Problem } from '../../shared/messages/problem.js';
import { reasonOf } from '../../shared/node/coded-error.js';
import { type AttachmentFor } from '../routes/route.js';
import { type Spool } from '../spool/spool.js';
import { layoutOf, payloadOf, receivedFrame } from './frame-file.js';

/**
 * The attachment a route sends with a report: a relayed one's stored payload (none when it was empty), else what
 * `local` gives (the logs collected here). A relayed report never reaches `local`: its paths are the agent's.
 */
export function withRelayedAttachments(stateDir: string, spool: Pick<Spool, 'get'>, local: AttachmentFor): AttachmentFor {
  return (report) => {
    const relay = spool.get(report.id)?.relay;
    if (!relay) return local(report);
    return relay.payloadBytes ? payloadOf(receivedFrame(stateDir, report.id)) : undefined;
  };
}

/** The payload size of a stored frame (intake records it, so a send knows whether there is an attachment). */
export async function storedPayloadBytes(stateDir: string, id: string): Promise<number> {
  return (await layoutOf(receivedFrame(stateDir, id))).payload.length;
}

/**
 * Deletes the frame of every relayed report that is sent or expired: now (what a stop between the move and the delete
 * left behind) and whenever one settles from now on. Returns the unsubscribe function. A delete that fails is logged;
 * the next start tries again.
 */
export async function dropSettledFrames(stateDir: string, spool: Pick<Spool, 'list' | 'onSettled'>, log: (p: Problem) => void): Promise<() => void> {
  const drop = (id: string): Promise<void> =>
    rm(receivedFrame(stateDir, id), { force: true }).catch((e: unknown) => log(problem('ER_1040', { reason: `relay/received/${id}.frame: ${reasonOf(e)}` })));
  const unsubscribe = spool.onSettled((rec) => {
    if (rec.relay) void drop(rec.report.id);
  });
  for (const rec of [...spool.list('sent'), ...spool.list('expired')]) if (rec.relay) await drop(rec.report.id);
  return unsubscribe;
}
