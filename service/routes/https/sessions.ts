/**
 * TLS sessions to resume, per center: the next report to the same center resumes the last session instead of a full
 * handshake (as the original's Windows HTTP stack does), which halved the handshake's cost on loopback
 * (docs/benchmarks.md "Event → delivered latency (follow-up)"). Kept per trust (the SecureContext, one per CA set,
 * transport.ts): after the CA file changes, no session verified under the old trust is resumed. A resumed session
 * carries the certificate checked at its full handshake, against the same host (the key holds the SNI and authority).
 * In memory only: a restart does one full handshake.
 */
import { type SecureContext } from 'node:tls';

/** Centers per trust: a machine talks to URL1 and URL2, a manager to a few more. */
const MAX_CENTERS = 16;

const byTrust = new WeakMap<SecureContext, Map<string, Buffer>>();

export function sessionFor(trust: SecureContext, center: string): Buffer | undefined {
  return byTrust.get(trust)?.get(center);
}

export function keepSession(trust: SecureContext, center: string, session: Buffer): void {
  let m = byTrust.get(trust);
  if (!m) byTrust.set(trust, (m = new Map()));
  m.delete(center); // re-inserted last, so the oldest center is dropped first
  m.set(center, session);
  if (m.size > MAX_CENTERS) m.delete(m.keys().next().value!);
}

/** A connection that failed gives up its session: the next attempt makes a full handshake. */
export function dropSession(trust: SecureContext, center: string): void {
  byTrust.get(trust)?.delete(center);
}
