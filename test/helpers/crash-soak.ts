/**
 * The crash soak (issue 17, docs/reliability.md "Soak and load"), shared by test/soak/crash-soak.test.ts (bounded, CI)
 * and scripts/soak.ts (`npm run soak -- --minutes N`). One machine, `express-report service` as its own process, events
 * arriving through three intakes at once: the local API (POST /v1/events), the drop folder and a followed syslog file;
 * meanwhile the service is killed with -9 at seeded moments and restarted, and the center (HTTPS receiver on loopback)
 * answers 503 for a while, then closes every connection for a while (a TCP gate in front of it resets them).
 *
 * What counts as accepted: an API event the service answered `accepted`; every drop file renamed into the folder (the
 * folder is durable: a file waits there while the service is down); every syslog line written, also while the service is
 * down: the source resumes at its saved position (docs/event-sources.md), at least once, so a kill may replay the lines
 * read since the last saved position (counted as `replayedLines`, not as repeats).
 */
import { mkdir, mkdtemp, appendFile, rename, rm, writeFile } from 'node:fs/promises';
import { createServer, connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceClient } from '../../shared/node/service-client.js';
import { fastForward, type FastForward } from './faults/fast-forward.js';
import { seeded } from './relay-fleet.js';
import { activatedMachine, startCenter, startService, until, type Machine, type ServiceProcess } from './service-process.js';

export type Intake = 'api' | 'drop' | 'syslog';
export const INTAKES: readonly Intake[] = ['api', 'drop', 'syslog'];

export interface SoakOptions {
  /** How long events arrive (the drain comes after). */
  ms: number;
  seed: number;
  /** How many kills over `ms` (default one per 8 s, at least 2). */
  kills?: number;
  /** How long to wait for the drain before giving up (default 180 s). */
  drainLimitMs?: number;
  keep?: boolean;
  say?: (line: string) => void;
  /**
   * After the events, move the service's clocks a minute ahead every few seconds (libfaketime, faults/fast-forward.ts)
   * so a report refused by the center is retried in seconds, not after the shortest retry interval (1 min): CI's bound.
   */
  fastRetry?: boolean;
}

export interface SoakFigures {
  seed: number;
  /** Events per intake: written or posted, and accepted (owed a delivery). */
  offered: Record<Intake, number>;
  accepted: Record<Intake, number>;
  /** Accepted events that reached the center (once or more), per intake. */
  delivered: Record<Intake, number>;
  /** Accepted events that never reached the center. */
  lost: string[];
  kills: number;
  /** Arrivals of a report id the center had already taken (a kill between its 200 and the spool's record). */
  repeatedIds: number;
  /** Events that reached the center under two or more report ids (taken again after a kill). */
  repeatedEvents: number;
  /** Syslog lines that reached the center under two or more report ids (read again after a kill: at least once). */
  replayedLines: number;
  /** 503 answers and connections reset while the center was down. */
  refused: number;
  reset: number;
  /** From the end of the events (and of the outage) until nothing is pending and every accepted event arrived. */
  drainMs: number;
  /** How far the service's clocks were moved ahead during the drain (fastRetry), in seconds. */
  forwardedSeconds: number;
  /** API calls that failed because the service was down (retried by the caller, not owed). */
  apiRefused: number;
  expired: number;
}

const TAG = /soak (api|drop|syslog) (\d+)/;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A TCP gate in front of the center: passes bytes through, or resets every new connection while closed. */
async function gate(targetPort: number): Promise<{ port: number; closed: boolean; reset: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const g = { port: 0, closed: false, reset: 0, close: () => Promise.resolve() };
  const server = createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
    if (g.closed) {
      g.reset++;
      s.resetAndDestroy();
      return;
    }
    const up = connect(targetPort, '127.0.0.1');
    sockets.add(up);
    up.on('close', () => sockets.delete(up));
    up.on('error', () => s.destroy());
    s.on('error', () => up.destroy());
    s.pipe(up).pipe(s);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  g.port = (server.address() as { port: number }).port;
  g.close = () =>
    new Promise<void>((r) => {
      sockets.forEach((s) => s.destroy());
      server.close(() => r());
    });
  return g;
}

export async function runCrashSoak(o: SoakOptions): Promise<SoakFigures> {
  const say = o.say ?? (() => undefined);
  const rand = seeded(o.seed);
  const base = await mkdtemp(join(tmpdir(), 'er-crash-soak-'));
  let mode: 'up' | 'busy' = 'up';
  let refused = 0;
  /** Report ids the center answered 200, per event tag, in arrival order. */
  const arrivals = new Map<string, string[]>();
  const center = await startCenter(base, (r) => {
    if (mode === 'busy') {
      refused++;
      return { status: 503, body: 'center busy' };
    }
    const ev = (r.report as { event?: { message?: string } } | undefined)?.event;
    const tag = TAG.exec(ev?.message ?? '')?.[0];
    if (tag && r.reportId) arrivals.set(tag, [...(arrivals.get(tag) ?? []), r.reportId]);
    return { status: 200, body: '{"accepted":true}' };
  });
  const door = await gate(center.receiver.port);
  const logs: string[] = [];
  let svc: ServiceProcess | undefined;
  try {
    const machine: Machine = await activatedMachine(base, {
      url: center.receiver.url.replace(`:${center.receiver.port}/`, `:${door.port}/`),
      caFile: center.caFile,
      settings: ['suppression.use', 'off', 'schedule.retry.intervalMinutes', '1'],
      state: 'active',
    });
    const syslog = join(base, 'syslog');
    await writeFile(syslog, '');
    // No journal here (a command that does not exist: ER_6400 once); the syslog file is followed.
    const args = ['--journalctl', join(base, 'no-journalctl'), '--syslog-file', syslog];
    const ff: FastForward | undefined = o.fastRetry ? await fastForward(base, async () => (await ServiceClient.connect(machine.stateDir)).status()) : undefined;
    const start = async () => {
      svc = await startService(machine, args, ff?.env ?? {});
    };
    await start();
    const drop = join(machine.stateDir, 'drop');
    await mkdir(drop, { recursive: true });

    const kills = o.kills ?? Math.max(2, Math.floor(o.ms / 8_000));
    const killAt: number[] = [];
    for (let tries = 0; killAt.length < kills && tries < 1000; tries++) {
      const t = 1_000 + Math.floor(rand() * (o.ms - 2_000));
      if (killAt.every((k) => Math.abs(k - t) >= 2_000)) killAt.push(t);
    }
    killAt.sort((a, b) => a - b);
    // Early: a report refused then is retried a minute later (the shortest interval), which bounds the drain.
    const busyAt = Math.floor(rand() * o.ms * 0.15);
    const busyFor = Math.min(6_000, Math.floor(o.ms * 0.2));
    const closedFor = Math.min(6_000, Math.floor(o.ms * 0.35));
    say(`crash soak: seed ${o.seed}; kills at ${killAt.join(', ')} ms; center 503 from ${busyAt} ms for ${busyFor} ms, then closing for ${closedFor} ms`);

    const offered: Record<Intake, number> = { api: 0, drop: 0, syslog: 0 };
    const accepted = new Map<string, Intake>();
    let apiRefused = 0;
    let alive = true; // false from the kill until the restarted service is ready
    let stop = false;
    const t0 = Date.now();
    const at = (ms: number) => sleep(Math.max(0, t0 + ms - Date.now()));

    const api = async () => {
      for (let n = 0; !stop; n++) {
        offered.api++;
        const tag = `soak api ${n}`;
        try {
          const r = await (await ServiceClient.connect(machine.stateDir)).event({ source: 'atapi', id: '0xc0040006', message: tag });
          if (r.result === 'accepted') accepted.set(tag, 'api');
        } catch {
          apiRefused++; // down, or killed before it answered: not acknowledged, so not owed
        }
        await sleep(60 + rand() * 80);
      }
    };
    const dropper = async () => {
      for (let n = 0; !stop; n++) {
        offered.drop++;
        const tag = `soak drop ${n}`;
        await writeFile(join(drop, `soak-${n}.tmp`), JSON.stringify({ source: 'ESMCommonService', id: '0xc0000451', message: tag }));
        await rename(join(drop, `soak-${n}.tmp`), join(drop, `soak-${n}.json`));
        accepted.set(tag, 'drop');
        await sleep(80 + rand() * 120);
      }
    };
    const syslogger = async () => {
      for (let n = 0; !stop; n++) {
        offered.syslog++;
        await appendFile(syslog, `${new Date().toISOString()} host disk: soak syslog ${n} bad block [0xC0040007]\n`); // now: older lines are skipped after a restart
        accepted.set(`soak syslog ${n}`, 'syslog');
        await sleep(100 + rand() * 150);
      }
    };
    let killed = 0;
    const killer = async () => {
      for (const t of killAt) {
        await at(t);
        const s = svc!;
        alive = false;
        const exited = new Promise((r) => s.child.once('exit', r));
        s.child.kill('SIGKILL');
        await exited;
        killed++;
        logs.push(s.log());
        await sleep(rand() * 1_500); // down a moment: the drop folder fills, the API refuses
        await start();
        alive = true;
      }
    };
    const outage = async () => {
      await at(busyAt);
      mode = 'busy';
      await at(busyAt + busyFor);
      mode = 'up';
      door.closed = true;
      // fastRetry: the reports refused by the 503s come due now (while a service runs) and meet the closed door.
      // It stays closed until one met it (a restart under load can take the whole window), at most 15 s more.
      const latest = t0 + busyAt + busyFor + closedFor + 15_000;
      while (ff && door.reset === 0 && Date.now() < latest) {
        if (alive) await ff.forward(60);
        await sleep(1_000);
      }
      await at(busyAt + busyFor + closedFor);
      door.closed = false;
    };
    const producers = Promise.all([api(), dropper(), syslogger()]);
    await Promise.all([at(o.ms).then(() => (stop = true)), killer(), outage()]);
    await producers;
    const endedAt = Date.now();

    const log = () => [...logs, svc?.log() ?? ''].join('\n--- killed, restarted ---\n');
    const owed = [...accepted.keys()];
    const limit = o.drainLimitMs ?? 180_000;
    let pending = -1;
    let expired = 0;
    let forwardedAt = Date.now();
    let forwarded = 0;
    await until(
      async () => {
        if (ff && Date.now() - forwardedAt >= 3_000) {
          await ff.forward(60);
          forwarded += 60;
          forwardedAt = Date.now();
        }
        if (!owed.every((tag) => arrivals.has(tag))) return false;
        try {
          const st = await (await ServiceClient.connect(machine.stateDir)).status();
          pending = st.pending;
          expired = st.expired;
        } catch {
          return false; // a status cut by a clock step (fast-forward): asked again
        }
        return pending === 0;
      },
      limit,
      'every accepted event at the center and nothing pending',
      () => `${owed.filter((t) => !arrivals.has(t)).length} not arrived; pending ${pending}\n${log().slice(-4000)}`,
    ).catch((e: unknown) => say(String(e instanceof Error ? e.message.split('\n')[0] : e)));
    const drainMs = Date.now() - endedAt;

    const count = (i: Intake, f: (tag: string) => boolean) => [...accepted].filter(([t, k]) => k === i && f(t)).length;
    const delivered = { api: 0, drop: 0, syslog: 0 } as Record<Intake, number>;
    for (const i of INTAKES) delivered[i] = count(i, (t) => arrivals.has(t));
    const acc = { api: 0, drop: 0, syslog: 0 } as Record<Intake, number>;
    for (const i of INTAKES) acc[i] = count(i, () => true);
    let repeatedIds = 0;
    let repeatedEvents = 0;
    let replayedLines = 0;
    for (const [tag, ids] of arrivals) {
      repeatedIds += ids.length - new Set(ids).size;
      if (new Set(ids).size > 1 && tag.startsWith('soak syslog')) replayedLines++;
      else if (new Set(ids).size > 1) repeatedEvents++;
    }
    const figures: SoakFigures = {
      seed: o.seed,
      offered,
      accepted: acc,
      delivered,
      lost: owed.filter((t) => !arrivals.has(t)),
      kills: killed,
      repeatedIds,
      repeatedEvents,
      replayedLines,
      refused,
      reset: door.reset,
      drainMs,
      forwardedSeconds: forwarded,
      apiRefused,
      expired,
    };
    say(
      `crash soak: ${o.ms / 1000} s, ${killed} kills; accepted api ${acc.api}, drop ${acc.drop}, syslog ${acc.syslog} (of ${offered.syslog} lines; ` +
        `${replayedLines} read again after a kill); API calls refused while down ${apiRefused}; center 503 x${refused}, reset x${door.reset}; ` +
        `repeats: ${repeatedIds} by report id, ${repeatedEvents} events under two ids; drained ${drainMs} ms after the end` +
        `${forwarded ? ` (service clocks moved ${forwarded} s ahead meanwhile)` : ''}; ` +
        `events lost: ${figures.lost.length}; expired ${expired}`,
    );
    return figures;
  } finally {
    await svc?.stop();
    await door.close();
    await center.receiver.close();
    if (o.keep) say(`crash soak: folders kept in ${base}`);
    else await rm(base, { recursive: true, force: true });
  }
}
