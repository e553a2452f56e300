/**
 * Express Report over dial-up (docs/design.md section 8.2): a modem on a serial port calls the center and sends the report frame
 * (service/routes/frame/); the center's ACK means delivered. Primary number, then the secondary after
 * `dialup.intervalSeconds`; a test or activation notification dials only the number it names. How it behaves, and
 * every failure: docs/modem.md.
 */
import { problem, type Problem } from '../../../shared/messages/problem.js';
import { type Report } from '../../../shared/report/model.js';
import { type Outcome, type Route, type RouteContext, type RouteDeps } from '../route.js';
import { outgoingFrame } from '../frame/outgoing.js';
import { call, cancelledProblem, DEFAULT_TIMEOUTS, type Attempt, type ModemTimeouts } from './call.js';
import { dialPlan } from './dial-plan.js';
import { delay, type LineOptions } from './serial-line.js';

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

export class ModemRoute implements Route {
  readonly name = 'dialup';

  constructor(private readonly opts: ModemRouteOptions = {}) {}

  async send(report: Report, ctx: RouteContext): Promise<Outcome> {
    const s = ctx.config.settings;
    const method = s['dialup.method'];
    if (method !== 'serial') {
      return { ok: false, problem: problem('ER_2270', { method: METHOD_NAMES[method] ?? method }, { field: 'dialup.method' }), retry: false };
    }
    const port = s['dialup.serial.port'].trim();
    if (!port) return { ok: false, problem: problem('ER_2254', { port: '""', reason: 'not set' }, { field: 'dialup.serial.port' }), retry: false };
    const plan = dialPlan(s, report.target);
    if (!plan.ok) return { ok: false, problem: plan.problem, retry: false };

    const certificate = this.opts.centerCertificate ?? (() => Promise.resolve(undefined));
    const attachment = this.opts.attachmentFor?.(report);
    const frame = await outgoingFrame(report, {
      ...(attachment ? { attachment } : {}),
      ...(s['mail.smime'] ? { seal: { certificate } } : {}),
      ...(this.opts.maxPayload !== undefined ? { maxPayload: this.opts.maxPayload } : {}),
    });
    if (!frame.ok) return frame;

    const options = {
      port,
      line: { baudRate: 115200, rtscts: true, ...this.opts.line },
      timeouts: { ...DEFAULT_TIMEOUTS, ...this.opts.timeouts },
      ...(this.opts.lockDirs ? { lockDirs: this.opts.lockDirs } : {}),
    };
    return oneAtATime(port, async () => {
      const failures: Array<Extract<Attempt, { ok: false }>> = [];
      for (const [i, dest] of plan.value.entries()) {
        if (i > 0) await delay(s['dialup.intervalSeconds'] * 1000, ctx.signal);
        if (ctx.signal.aborted) break;
        const a = await call(dest, frame.bytes, report.id, options, ctx.signal);
        if (a.ok) return { ok: true, detail: a.detail };
        failures.push(a);
        if (!a.nextNumber) break;
      }
      if (failures.length === 0) return { ok: false, problem: cancelledProblem(plan.value[0]!, ctx.signal), retry: true };
      return combine(failures);
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
