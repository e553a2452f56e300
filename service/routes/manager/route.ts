/**
 * The agent's route to a manager (マネージャ経由, manual 4.3.3 and 4.2.2; docs/delivery.md, "Via a manager"): the report
 * goes as one report frame over TCP, its collected logs streamed from a temporary file, never sealed on this hop (the
 * manager seals with its own setting when it forwards). Delivered only on the manager's ACK, which it gives once the
 * report is on its disk (failure, heartbeat, maintenance) or once the center took it (test, activation).
 *
 * Primary then secondary: the secondary is tried when the primary does not answer or cannot take the report now
 * (unreachable, timeout, reset, an answer that is not a manager's, a retryable NAK such as "full"); a permanent NAK
 * is the verdict on the report itself and the other manager would give it too, so it ends the attempt.
 */
import { tmpdir } from 'node:os';
import { problem, type Problem } from '../../../shared/messages/problem.js';
import { isCodedError, reasonOf } from '../../../shared/node/coded-error.js';
import { type Report } from '../../../shared/report/model.js';
import { FRAME_LIMITS, reportFrameHead } from '../frame/codec.js';
import { problemOfNak } from '../frame/nak.js';
import { NO_RESULT_CODE, textOfAnswer } from '../frame/ack-answer.js';
import { writeReportFrame } from '../frame/stream-writer.js';
import { type Outcome, type Route, type RouteContext, type RouteDeps } from '../route.js';
import { exchange, type Exchanged } from './client.js';
import { managersFor, type ManagerPeer, type RelayPort } from './peers.js';
import { stageAttachment } from './staged-attachment.js';
import { answerMsFor, MANAGER_TIMEOUTS, type ManagerTimeouts } from './timeouts.js';

export interface ManagerRouteOptions extends Pick<RouteDeps, 'attachmentFor' | 'stateDir'> {
  /** express: manager.* (express.route = manager); https: https.manager.* (express.route = https, https.via = manager). */
  via: RelayPort;
  /** Tests shorten them; the defaults are the documented ones. */
  timeouts?: Partial<ManagerTimeouts>;
}

type Attempt = { outcome: Outcome; /** Nothing more to try: a permanent NAK, or the service is stopping. */ final: boolean };

/** The header a manager receives: the report without `logs`, whose local paths never leave the agent. */
export function relayHeader(report: Report): Buffer {
  const { logs: _logs, ...rest } = report;
  return Buffer.from(JSON.stringify(rest), 'utf8');
}

/** The manager's own coded words, said to be the manager's (which one, at which address). */
function fromManager(p: Problem, peer: ManagerPeer): Problem {
  const at = (m: { ja: string; en: string }) => ({ ja: `${peer.label.ja.trim()}: ${m.ja}`, en: `${peer.label.en}: ${m.en}` });
  return { ...p, message: at(p.message), ...(p.plain ? { plain: at(p.plain) } : {}) };
}

function judge(x: Exchanged, peer: ManagerPeer, reportId: string): Attempt {
  if (!x.ok) return { outcome: { ok: false, problem: x.problem, retry: true }, final: x.stage === 'cancelled' };
  const f = x.frame;
  if (f.id !== reportId) {
    const reason = `${f.type.toUpperCase()} for report ${f.id}, not ${reportId}`;
    return { outcome: { ok: false, problem: problem('ER_2306', { peer: peer.label, reason }), retry: true }, final: false };
  }
  if (f.type === 'ack') return { outcome: acknowledged(f.answer, peer, reportId), final: false };
  return { outcome: { ok: false, problem: fromManager(problemOfNak(f.reason, f.permanent), peer), retry: !f.permanent }, final: f.permanent };
}

/**
 * An ACK: the manager took the report. For a test / activation it forwarded at once, its answer section says how and
 * what the center answered: the detail is the manager's words, and over dial-up no result mail comes (NO_RESULT_CODE).
 * An older manager says nothing: the detail names the manager only.
 */
function acknowledged(answer: string | undefined, peer: ManagerPeer, reportId: string): Outcome {
  if (answer === undefined) return { ok: true, detail: `${peer.label.en} acknowledged report ${reportId}` };
  const said = textOfAnswer(answer);
  const a = fromManager({ ...said, severity: 'warning' }, peer);
  return {
    ok: true,
    detail: `${a.code} ${a.message.en}`,
    answer: { code: a.code, message: a.message },
    ...(said.code === NO_RESULT_CODE ? { noResult: true } : {}),
  };
}

/** Both managers failed: one problem that keeps both reasons (or just one when both said the same). */
function combine(failures: Array<Extract<Outcome, { ok: false }>>): Outcome {
  const [first, second] = failures;
  if (!second) return first!;
  const tell = (p: Problem) => ({ ja: `${p.code} ${p.message.ja}`, en: `${p.code} ${p.message.en}` });
  return { ok: false, problem: problem('ER_2309', { first: tell(first!.problem), second: tell(second.problem) }), retry: failures.some((f) => f.retry) };
}

export class ManagerRoute implements Route {
  readonly name: string;
  private readonly t: ManagerTimeouts;

  constructor(private readonly opts: ManagerRouteOptions) {
    this.name = opts.via === 'express' ? 'manager' : 'https-manager';
    this.t = { ...MANAGER_TIMEOUTS, ...opts.timeouts };
  }

  async send(report: Report, ctx: RouteContext): Promise<Outcome> {
    const managers = managersFor(ctx.config, this.opts.via, report.target);
    // A settings mistake stays one until someone fixes it.
    if (!managers.ok) return { ok: false, problem: managers.problem, retry: false };
    const header = relayHeader(report);
    const attachment = this.opts.attachmentFor?.(report);
    // The temporary zip lives in the state folder; a caller without one (a one-off notification: no logs) uses the OS's.
    const staged = attachment ? await stageAttachment(this.opts.stateDir ?? tmpdir(), report.id, attachment, FRAME_LIMITS.payload) : undefined;
    if (staged && !staged.ok) return { ok: false, problem: staged.problem, retry: staged.retry };
    try {
      // The frame's own limits (header size, id) are checked once, before any connection: no manager would take it.
      reportFrameHead(report.id, header, staged?.size ?? 0);
    } catch (e) {
      await staged?.remove();
      return { ok: false, problem: isCodedError(e) ? e.problem : problem('ER_2253', { reason: reasonOf(e) }), retry: false };
    }
    try {
      const failures: Array<Extract<Outcome, { ok: false }>> = [];
      for (const peer of managers.peers) {
        const x = await exchange(
          peer,
          (socket, signal) => writeReportFrame(socket, { id: report.id, header, ...(staged ? { payloadFile: staged.file } : {}) }, signal),
          { connectMs: this.t.connectMs, sendIdleMs: this.t.sendIdleMs, answerMs: answerMsFor(report.kind, this.t), signal: ctx.signal },
        );
        const a = judge(x, peer, report.id);
        if (a.outcome.ok || a.final) return a.outcome;
        failures.push(a.outcome);
      }
      return combine(failures);
    } finally {
      await staged?.remove();
    }
  }
}
