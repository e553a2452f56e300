/**
 * Express Report over dial-up (docs/design.md section 8.2): a modem on a serial port calls the center and sends the report frame
 * (service/routes/frame/); the center's ACK means delivered. Primary number, then the secondary after
 * `dialup.intervalSeconds`; a test or activation notification dials only the number it names. How it behaves, and
 * every failure: docs/modem.md.
 */
import { problem, type Problem } from '../../../shared/messages/problem.js';
import { reasonOf } from '../../../shared/node/coded-error.js';
import { type Report } from '../../../shared/report/model.js';
import { type Settings } from '../../../shared/settings/schema.js';
import { type Outcome, type Route, type RouteContext, type RouteDeps } from '../route.js';
import { outgoingFrame, type Built, type OutgoingOptions } from '../frame/outgoing.js';
import { call, callWith, cancelledProblem, DEFAULT_TIMEOUTS, type Attempt, type CallFrame, type CallOptions, type ModemTimeouts } from './call.js';
import { dialPlan, type Destination } from './dial-plan.js';
import { delay, type LineOptions } from './serial-line.js';
import { BULK_MAX } from './timeouts.js';

export { dialupBudgetMs } from './timeouts.js';

/** `centerCertificate` seals the frame when `mail.smime` is on. */
export interface ModemRouteOptions extends RouteDeps {
  /** Shorter limits for tests; the defaults are in call.ts (documented in docs/modem.md). */
  timeouts?: Partial<ModemTimeouts>;
  /** The computer-to-modem speed (default 115200 bit/s) and RTS/CTS flow control (default on). */
  line?: Partial<LineOptions>;
  /** Folders searched for UUCP `LCK..<port>` files (default /var/lock and /run/lock; none on Windows). */
  lockDirs?: readonly string[];
  /** The largest collected-logs zip sent (default FRAME_LIMITS.payload, 64 MiB). */
  maxPayload?: number;
}

/** One call at a time per port in this process (the delivery loop and a test notification may meet). */
const portQueues = new Map<string, Promise<unknown>>();
function oneAtATime<T>(port: string, job: () => Promise<T>): Promise<T> {
  const run = (portQueues.get(port) ?? Promise.resolve()).then(job, job);
  const tail = run.catch(() => undefined);
  portQueues.set(port, tail);
  void tail.then(() => portQueues.get(port) === tail && portQueues.delete(port));
  return run;
}

const METHOD_NAMES: Record<string, { ja: string; en: string }> = {
  'server-management-port': { ja: 'サーバ管理ポート', en: 'server management port' },
  'management-port': { ja: 'マネージメントポート', en: 'management port' },
};

type Ready = { ok: true; port: string; plan: Destination[]; options: CallOptions } | { ok: false; failure: Outcome };

export class ModemRoute implements Route {
  readonly name = 'dialup';
  readonly maxBatch = BULK_MAX;

  constructor(private readonly opts: ModemRouteOptions = {}) {}

  /** The settings a call needs, checked before anything is built or dialled (mistakes stay until fixed: not retried). */
  private ready(s: Settings, target?: Report['target']): Ready {
    const method = s['dialup.method'];
    if (method !== 'serial') {
      return {
        ok: false,
        failure: { ok: false, problem: problem('ER_2270', { method: METHOD_NAMES[method] ?? method }, { field: 'dialup.method' }), retry: false },
      };
    }
    const port = s['dialup.serial.port'].trim();
    if (!port)
      return {
        ok: false,
        failure: { ok: false, problem: problem('ER_2254', { port: '""', reason: 'not set' }, { field: 'dialup.serial.port' }), retry: false },
      };
    const plan = dialPlan(s, target);
    if (!plan.ok) return { ok: false, failure: { ok: false, problem: plan.problem, retry: false } };
    const options: CallOptions = {
      port,
      line: { baudRate: 115200, rtscts: true, ...this.opts.line },
      timeouts: { ...DEFAULT_TIMEOUTS, ...this.opts.timeouts },
      ...(this.opts.lockDirs ? { lockDirs: this.opts.lockDirs } : {}),
    };
    return { ok: true, port, plan: plan.value, options };
  }

  private frameOf(report: Report, seal: OutgoingOptions['seal']): Promise<Built> {
    const attachment = this.opts.attachmentFor?.(report);
    return outgoingFrame(report, {
      ...(attachment ? { attachment } : {}),
      ...(seal ? { seal } : {}),
      ...(this.opts.maxPayload !== undefined ? { maxPayload: this.opts.maxPayload } : {}),
    });
  }

  async send(report: Report, ctx: RouteContext): Promise<Outcome> {
    const s = ctx.config.settings;
    const r = this.ready(s, report.target);
    if (!r.ok) return r.failure;
    const certificate = this.opts.centerCertificate ?? (() => Promise.resolve(undefined));
    const frame = await this.frameOf(report, s['mail.smime'] ? { certificate } : undefined);
    if (!frame.ok) return frame;

    return oneAtATime(r.port, async () => {
      const failures: Array<Extract<Attempt, { ok: false }>> = [];
      for (const [i, dest] of r.plan.entries()) {
        if (i > 0) await delay(s['dialup.intervalSeconds'] * 1000, ctx.signal);
        if (ctx.signal.aborted) break;
        const a = await call(dest, frame.bytes, report.id, r.options, ctx.signal);
        if (a.ok) return { ok: true, detail: a.detail };
        failures.push(a);
        if (!a.nextNumber) break;
      }
      if (failures.length === 0) return { ok: false, problem: cancelledProblem(r.plan[0]!, ctx.signal), retry: true };
      return combine(failures);
    });
  }

  /**
   * Bulk forwarding (一括通報, docs/relay.md "Forwarding"): the reports in one call, each frame answered before the next,
   * one outcome per report in order. A call that ends early leaves the rest for the secondary number (after the
   * interval), then for the next attempt. Frames are built one at a time, when their turn comes.
   */
  async sendBatch(reports: Report[], ctx: RouteContext): Promise<Outcome[]> {
    const s = ctx.config.settings;
    const r = this.ready(s);
    if (!r.ok) return reports.map(() => r.failure);
    let seal: OutgoingOptions['seal'];
    if (s['mail.smime']) {
      // Read once for the whole call, so a missing certificate is said before dialling, not once per frame.
      let pem: string | undefined;
      try {
        pem = await this.opts.centerCertificate?.();
      } catch (e) {
        return reports.map(() => ({ ok: false, problem: problem('ER_2272', { reason: reasonOf(e) }), retry: true }));
      }
      if (!pem) return reports.map(() => ({ ok: false, problem: problem('ER_2271', {}, { field: 'mail.smime' }), retry: false }));
      seal = { certificate: () => Promise.resolve(pem) };
    }
    const frames: CallFrame[] = reports.map((report) => ({ id: report.id, frame: () => this.frameOf(report, seal) }));

    return oneAtATime(r.port, async () => {
      const done = new Map<string, Outcome>();
      const failures = new Map<string, Array<{ problem: Problem; retry: boolean }>>();
      let rest = frames;
      for (const [i, dest] of r.plan.entries()) {
        if (i > 0) await delay(s['dialup.intervalSeconds'] * 1000, ctx.signal);
        if (ctx.signal.aborted) break;
        const c = await callWith(dest, rest, r.options, ctx.signal);
        for (const [id, a] of c.answered) done.set(id, a.ok ? { ok: true, detail: a.detail } : { ok: false, problem: a.problem, retry: a.retry });
        const offset = c.answered.size;
        rest = rest.filter((f) => !c.answered.has(f.id));
        if (!c.ended || rest.length === 0) break;
        const ended = c.ended;
        rest.forEach((f, k) => {
          const p = k === 0 ? ended.problem : problem('ER_2374', { id: f.id, number: offset + k + 1, reason: ended.problem.message });
          failures.set(f.id, [...(failures.get(f.id) ?? []), { problem: p, retry: ended.retry }]);
        });
        if (!ended.nextNumber) break;
      }
      return reports.map(
        (report) =>
          done.get(report.id) ??
          (failures.has(report.id) ? combine(failures.get(report.id)!) : { ok: false, problem: cancelledProblem(r.plan[0]!, ctx.signal), retry: true }),
      );
    });
  }
}

/** Both numbers failed: one problem with both replies (or just one when they said the same). */
function combine(failures: Array<{ problem: Problem; retry: boolean }>): Outcome {
  const [first, second] = failures;
  const retry = failures.some((f) => f.retry);
  if (!second || (first!.problem.code === second.problem.code && first!.problem.message.en === second.problem.message.en))
    return { ok: false, problem: first!.problem, retry };
  const tell = (p: Problem) => ({ ja: `${p.code} ${p.message.ja}`, en: `${p.code} ${p.message.en}` });
  return { ok: false, problem: problem('ER_2276', { first: tell(first!.problem), second: tell(second.problem) }), retry };
}
