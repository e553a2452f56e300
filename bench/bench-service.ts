/**
 * A real `express-report service` process for benchmarks: config and state folders of its own, activated, HTTPS to a
 * local receiver (test CA), suppression off. Shared by service.bench.ts and intake.bench.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestPki } from '../test/helpers/peers/test-ca.js';
import { startReceiver } from '../test/helpers/peers/https-receiver.js';
import { ServiceClient } from '../shared/node/service-client.js';
import { activatedMachine } from '../test/helpers/service-process.js';

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
export const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;

export interface BenchService {
  base: string;
  stateDir: string;
  child: ChildProcess;
  client: ServiceClient;
  pki: ReturnType<typeof makeTestPki>;
  receiverUrl: string;
  /** Report id → performance.now() of its arrival at the receiver. */
  arrived: Map<string, number>;
  /** Resolves with the arrival time of the report (no polling: a timer's granularity would count in the figure). */
  arrival(id: string): Promise<number>;
  /** Starts the service again on the same folders (after stop()). */
  restart(): Promise<void>;
  stop(): Promise<void>;
  close(): Promise<void>;
}

async function waitFor(path: string): Promise<void> {
  for (let i = 0; i < 3000; i++) {
    if (
      await access(path).then(
        () => true,
        () => false,
      )
    )
      return;
    await sleep(100);
  }
  throw new Error(`${path} did not appear`);
}

/**
 * `prepare` runs after activation, before the service starts (a benchmark fills the spool there). `bin`: another
 * checkout's bin/express-report.mjs (a before/after comparison in one run); this checkout's by default.
 */
export async function startBenchService(prepare?: (stateDir: string) => Promise<void>, opts: { bin?: string } = {}): Promise<BenchService> {
  const base = await mkdtemp(join(tmpdir(), 'er-bench-svc-'));
  const stateDir = join(base, 'state');
  const pki = makeTestPki();
  const arrived = new Map<string, number>();
  const waiting = new Map<string, (t: number) => void>();
  const receiver = await startReceiver(pki.server, (r) => {
    if (r.reportId) {
      const t = performance.now();
      arrived.set(r.reportId, t);
      waiting.get(r.reportId)?.(t);
      waiting.delete(r.reportId);
    }
    return { status: 200, body: 'ok' };
  });
  await writeFile(join(base, 'ca.pem'), pki.ca.certPem);
  const m = await activatedMachine(base, { url: receiver.url, caFile: join(base, 'ca.pem'), settings: ['suppression.use', 'off'], state: 'active' });
  const argv = opts.bin ? [opts.bin, ...m.argv.slice(1)] : m.argv;
  await prepare?.(stateDir);
  const s: BenchService = {
    base,
    stateDir,
    pki,
    receiverUrl: receiver.url,
    arrived,
    arrival: (id) => {
      const t = arrived.get(id);
      return t !== undefined ? Promise.resolve(t) : new Promise((resolve) => waiting.set(id, resolve));
    },
    child: undefined as unknown as ChildProcess,
    client: undefined as unknown as ServiceClient,
    restart: async () => {
      // BENCH_SERVICE_NODE_ARGS: e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`, to profile the service alone
      const nodeArgs = (process.env.BENCH_SERVICE_NODE_ARGS ?? '').split(' ').filter(Boolean);
      await rm(join(stateDir, 'service.json'), { force: true }); // a stale one would be taken for the new service's
      s.child = spawn(process.execPath, [...nodeArgs, ...argv, 'service'], { stdio: 'ignore' });
      await waitFor(join(stateDir, 'service.json'));
      // a service busy with a large spool right after its start may not answer the first knock
      for (let i = 0; ; i++) {
        try {
          s.client = await ServiceClient.connect(stateDir);
          break;
        } catch (e) {
          if (i >= 120 || s.child.exitCode !== null) throw e;
          await sleep(500);
        }
      }
    },
    stop: async () => {
      if (s.child.exitCode === null && s.child.signalCode === null) {
        const exited = new Promise((r) => s.child.once('exit', r));
        s.child.kill('SIGTERM');
        await exited;
      }
    },
    close: async () => {
      await s.stop();
      await receiver.close();
      await rm(base, { recursive: true, force: true });
    },
  };
  try {
    await s.restart();
  } catch (e) {
    await receiver.close();
    throw e;
  }
  return s;
}

/**
 * The latency baseline: `n` plain POSTs from this process to the service's receiver, each on a new TLS connection (as the
 * service makes). `resume`: each resumes the previous connection's TLS session (as the service's route does since the
 * follow-up to issue 16); otherwise each makes a full handshake.
 */
export async function plainPostMs(svc: BenchService, n: number, resume = false): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await new Promise<void>((resolve, reject) => {
      const session = resume ? lastSession : undefined;
      const req = request(
        svc.receiverUrl,
        { method: 'POST', ca: svc.pki.ca.certPem, agent: false, headers: { 'content-type': 'application/json' }, ...(session ? { session } : {}) },
        (res) => {
          res.resume();
          res.on('end', resolve);
        },
      );
      if (resume) req.on('socket', (s) => s.on('session', (next: Buffer) => (lastSession = next)));
      req.on('error', reject);
      req.end('{}');
    });
    out.push(performance.now() - t0);
  }
  return out;
}

let lastSession: Buffer | undefined;
