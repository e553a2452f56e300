/**
 * Fills a state folder's spool quickly (tests and bench/spool-growth.bench.ts): records written straight into spool/ and
 * sent/ in the spool's own format (serializeRecord), without fsync, as a service that ran for a long time leaves them.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serializeRecord, type SpoolRecord } from '../../service/spool/record.js';

const machine = { serverName: 'srv01', deviceCode: 'N8100-1234', serialNumber: 'SN0001', userSystemCode: '1234567' };

export function waitingRecord(i: number, base = Date.UTC(2026, 0, 1)): SpoolRecord {
  const at = new Date(base + i * 1000).toISOString();
  return {
    report: {
      id: randomUUID(),
      kind: 'failure',
      createdAt: at,
      machine,
      event: { source: `src${i % 50}`, id: 0xc0040006, time: at, message: `event ${i}` },
      count: 1,
    },
    attempts: 0,
    nextAttemptAt: at,
    history: [],
  };
}

export function sentRecord(i: number, base = Date.UTC(2025, 0, 1)): SpoolRecord {
  const r = waitingRecord(i, base);
  const at = r.report.createdAt;
  return { ...r, attempts: 1, sentAt: at, history: [{ at, ok: true, detail: '200 OK', route: 'https' }] };
}

/** `pending` waiting records and `sent` sent ones; returns the waiting ids oldest first. */
export async function fillSpool(stateDir: string, o: { pending: number; sent: number }): Promise<string[]> {
  const spool = join(stateDir, 'spool');
  const sent = join(stateDir, 'sent');
  await mkdir(spool, { recursive: true, mode: 0o700 });
  await mkdir(sent, { recursive: true, mode: 0o700 });
  const ids: string[] = [];
  // writeFileSync in one loop: the quickest way to lay down 200,000 small files (no fsync: not what is measured)
  const write = (dir: string, r: SpoolRecord) => writeFileSync(join(dir, `${r.report.id}.json`), serializeRecord(r), { mode: 0o600 });
  for (let i = 0; i < Math.max(o.pending, o.sent); i++) {
    if (i < o.pending) {
      const r = waitingRecord(i);
      ids.push(r.report.id);
      write(spool, r);
    }
    if (i < o.sent) write(sent, sentRecord(i));
    if (i % 5000 === 4999) await new Promise((r) => setImmediate(r)); // let timers and sockets of the caller run
  }
  return ids;
}
