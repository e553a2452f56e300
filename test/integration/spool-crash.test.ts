/**
 * kill -9 of the service during delivery, then restart: every accepted report reaches the receiver, and the only
 * repeats are the reports whose attempt was in flight at a kill (at most one per kill). The receiver drops those by
 * X-Report-Id: the id that travels with every retry is what makes a retry safe (docs/delivery.md).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { Spool } from '../../service/spool/spool.js';
import { tempDirs } from '../helpers/tmp.js';

const tmp = tempDirs();
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('./spool-crash-child.ts', import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

/** The center: records every X-Report-Id it receives; can hold one request without answering (the kill comes then). */
async function receiver() {
  const arrivals: string[] = [];
  let holdIndex: number | undefined;
  let onHeld: ((id: string) => void) | undefined;
  const heldResponses: ServerResponse[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const id = String(req.headers['x-report-id']);
      arrivals.push(id);
      if (arrivals.length - 1 === holdIndex) {
        heldResponses.push(res);
        onHeld?.(id);
      } else {
        res.end('ok');
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/reports`,
    arrivals,
    /** Holds the n-th request from now (1 = the next one); resolves with its report id when it has arrived. */
    holdNth(n: number): Promise<string> {
      holdIndex = arrivals.length + n - 1;
      return new Promise((r) => (onHeld = r));
    },
    release(): void {
      holdIndex = undefined;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

function start(stateDir: string, url: string, count: number, tag: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, stateDir, url, String(count), tag], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const accepted: string[] = [];
  let done: unknown;
  let stderr = '';
  let buf = '';
  child.stdout!.on('data', (d: Buffer) => {
    buf += d.toString();
    for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
      const msg = JSON.parse(buf.slice(0, i)) as { accepted?: string; done?: unknown };
      buf = buf.slice(i + 1);
      if (msg.accepted) accepted.push(msg.accepted);
      if (msg.done) done = msg.done;
    }
  });
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, accepted, exited, done: () => done, stderr: () => stderr };
}

describe('spool and delivery survive kill -9', () => {
  it('delivers every accepted report; repeats only the ones in flight at each kill', async () => {
    const stateDir = await tmp();
    const center = await receiver();
    try {
      const inFlightAtKill: string[] = [];

      // Run 1: accept 5, kill while the 3rd delivery waits for its answer.
      const held1 = center.holdNth(3);
      const run1 = start(stateDir, center.url, 5, 'run1');
      inFlightAtKill.push(await held1);
      run1.child.kill('SIGKILL');
      await run1.exited;

      // Run 2: resumes (the interrupted one goes again first), accepts 3 more, killed during its 2nd delivery.
      const held2 = center.holdNth(2);
      const run2 = start(stateDir, center.url, 3, 'run2');
      inFlightAtKill.push(await held2);
      run2.child.kill('SIGKILL');
      await run2.exited;

      // Run 3: no kill; everything waiting goes out.
      center.release();
      const run3 = start(stateDir, center.url, 0, 'run3');
      expect(await run3.exited, run3.stderr()).toBe(0);
      expect(run3.done()).toEqual({ pending: 0, sent: 8, expired: 0 });

      const accepted = [...run1.accepted, ...run2.accepted];
      expect(accepted).toHaveLength(8);
      expect(new Set(center.arrivals)).toEqual(new Set(accepted));
      const times = new Map<string, number>();
      for (const id of center.arrivals) times.set(id, (times.get(id) ?? 0) + 1);
      const repeated = [...times].filter(([, n]) => n > 1);
      expect(repeated).toEqual(inFlightAtKill.map((id) => [id, 2]));
      expect(new Set(inFlightAtKill).size).toBe(2);

      const after = await Spool.open(stateDir);
      expect(after.counts()).toEqual({ pending: 0, sent: 8, expired: 0 });
      expect(after.list('sent').every((e) => e.history.at(-1)?.ok === true)).toBe(true);
    } finally {
      await center.close();
    }
  }, 60_000);
});
