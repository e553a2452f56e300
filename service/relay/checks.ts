/**
 * What the receiver checks before it takes a report (docs/relay.md, "Limits"): each refusal is a retryable NAK with its
 * coded reason, so the agent keeps the report and sends it again later: the agent's waiting reports, the store's size,
 * the disk's free space kept.
 */
import { statfs } from 'node:fs/promises';
import { problem } from '../../shared/messages/problem.js';
import { type Refusal } from './answer.js';
import { type RelayStore } from './store.js';

const MiB = 1024 * 1024;

export interface RelayLimits {
  maxConnections: number;
  maxWaitingPerAgent: number;
  maxStoreMiB: number;
  minFreeMiB: number;
}

/** Room for one more report of `agent` (undefined: a probe, which asks for any agent)? */
export async function roomFor(store: RelayStore, limits: RelayLimits, agent?: string): Promise<Refusal | undefined> {
  if (agent !== undefined && store.waitingOf(agent) >= limits.maxWaitingPerAgent) {
    await store.settle(agent); // the forwarding side removes sent frames without telling: count again
    const count = store.waitingOf(agent);
    if (count >= limits.maxWaitingPerAgent)
      return { problem: problem('ER_2338', { identity: agent, count, limit: limits.maxWaitingPerAgent }), permanent: false };
  }
  if (store.bytes >= limits.maxStoreMiB * MiB) {
    await store.settle();
    if (store.bytes >= limits.maxStoreMiB * MiB)
      return { problem: problem('ER_2339', { size: Math.floor(store.bytes / MiB), limit: limits.maxStoreMiB }), permanent: false };
  }
  const free = await freeMiB(store.dirs.root);
  if (free !== undefined && free < limits.minFreeMiB)
    return { problem: problem('ER_2340', { free: Math.floor(free), limit: limits.minFreeMiB }), permanent: false };
  return undefined;
}

/** Free space for an unprivileged writer (statfs's bavail); undefined when the system cannot say. */
async function freeMiB(dir: string): Promise<number | undefined> {
  try {
    const s = await statfs(dir);
    return (Number(s.bavail) * Number(s.bsize)) / MiB;
  } catch {
    return undefined;
  }
}
