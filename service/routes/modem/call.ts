/**
 * One call to one number: open the port, initialise the modem, dial, send the frame, wait for the center's ACK, hang
 * up, close the port. The port is held for this call only and always closed (closing drops DTR, which makes the modem
 * put the phone down even when it no longer answers commands). Phases and their limits: docs/modem.md.
 */
import { problem, type Problem } from '../../../shared/messages/problem.js';
import { isCodedError, reasonOf } from '../../../shared/node/coded-error.js';
import { answerStep } from '../frame/ack-reader.js';
import { FrameDecoder, type Frame } from '../frame/codec.js';
import { lineStep } from '../frame/step.js';
import { at, quote, type Reply } from './at.js';
import { type Destination } from './dial-plan.js';
import { openFailure, uucpLock } from './port-errors.js';
import { SerialLine, type LineOptions, type Missed } from './serial-line.js';

export { DEFAULT_TIMEOUTS, INIT_COMMANDS, type ModemTimeouts } from './timeouts.js';
import { INIT_COMMANDS, type ModemTimeouts } from './timeouts.js';

export interface CallOptions {
  port: string;
  line: LineOptions;
  timeouts: ModemTimeouts;
  lockDirs?: readonly string[];
}

export type Attempt =
  | { ok: true; detail: string }
  /** `nextNumber`: dialling the other number could help (not when the port, the modem or the report is at fault). */
  | { ok: false; problem: Problem; retry: boolean; nextNumber: boolean };

type Phase = 'command' | 'dialling' | 'online';

const seconds = (ms: number): number => Math.round(ms / 100) / 10;
type Failed = Extract<Attempt, { ok: false }>;

const fail = (p: Problem, retry: boolean, nextNumber: boolean): Failed => ({ ok: false, problem: p, retry, nextNumber });
/** The port went away mid-call (a USB modem unplugged). */
const closedUnderUs = (port: string, m: Missed): Failed =>
  fail(problem('ER_2257', { port, reason: m.seen.length > 0 ? m.seen.toString('latin1') : 'the port closed' }), true, false);

/** One report of a call: its id, and its frame (built when its turn comes, so a bulk call holds one frame at a time). */
export interface CallFrame {
  id: string;
  frame: Buffer | (() => Promise<{ ok: true; bytes: Buffer } | { ok: false; problem: Problem; retry: boolean }>);
}

/**
 * How a call went for each of its reports: `answered` holds the center's answer (ACK, NAK) or the report's own failure
 * (its frame could not be built) by id; `ended` is why the call ended before the others (they were not sent: try again).
 */
export interface CallResult {
  answered: Map<string, Attempt>;
  ended?: Failed;
}

/** One report in one call (docs/modem.md). */
export async function call(dest: Destination, frame: Buffer, reportId: string, o: CallOptions, signal: AbortSignal): Promise<Attempt> {
  const r = await callWith(dest, [{ id: reportId, frame }], o, signal);
  return r.answered.get(reportId) ?? r.ended ?? fail(cancelledProblem(dest, signal), true, false);
}

/**
 * Several reports in one call (一括通報, docs/relay.md "Forwarding"): after CONNECT each frame goes in turn and waits for
 * the center's answer before the next; a NAK is the center's word on that one report and the call goes on; a line that
 * drops or a center that stops answering ends the call, and the reports not answered yet are left for the next call.
 */
export async function callWith(dest: Destination, frames: readonly CallFrame[], o: CallOptions, signal: AbortSignal): Promise<CallResult> {
  const answered = new Map<string, Attempt>();
  const locked = await uucpLock(o.port, o.lockDirs);
  if (locked) return { answered, ended: fail(locked.problem, true, false) };
  let line: SerialLine;
  try {
    line = await SerialLine.open(o.port, o.line);
  } catch (e) {
    const f = openFailure(o.port, e);
    return { answered, ended: fail(f.problem, f.retry, false) };
  }
  const state: { phase: Phase } = { phase: 'command' };
  try {
    const connected = await connect(line, dest, o, signal, state);
    if (!connected.ok) return { answered, ended: connected };
    for (const f of frames) {
      const bytes = Buffer.isBuffer(f.frame) ? { ok: true as const, bytes: f.frame } : await f.frame();
      if (!bytes.ok) {
        answered.set(f.id, fail(bytes.problem, bytes.retry, false));
        continue;
      }
      const a = await sendFrame(line, dest, bytes.bytes, f.id, connected.line, o, signal, state);
      if (a.ok || a.problem.code === 'ER_2267')
        answered.set(f.id, a); // ACK or NAK: the line is still up
      else return { answered, ended: a };
    }
    return { answered };
  } finally {
    await hangUp(line, state.phase, o.timeouts, signal);
    await line.close();
  }
}

/** Initialises the modem and dials: the CONNECT line, or why not. */
async function connect(
  line: SerialLine,
  dest: Destination,
  o: CallOptions,
  signal: AbortSignal,
  state: { phase: Phase },
): Promise<{ ok: true; line: string } | Failed> {
  const t = o.timeouts;
  const cancelled = () => fail(cancelledProblem(dest, signal), true, false);
  const portGone = (m: Missed) => closedUnderUs(o.port, m);

  for (const command of INIT_COMMANDS) {
    const r = await at(line, command, t.commandMs, signal);
    if (!r.ok) {
      if (r.why === 'aborted') return cancelled();
      if (r.why === 'closed') return portGone(r);
      return fail(problem('ER_2258', { port: o.port, command, seconds: seconds(t.commandMs) }), true, false);
    }
    if (r.value.code !== 'OK') return fail(problem('ER_2259', { port: o.port, command, reply: quote(r.value.said) }), true, false);
  }

  state.phase = 'dialling';
  const d = await at(line, dest.command, t.connectMs, signal);
  if (!d.ok) {
    if (d.why === 'aborted') return cancelled();
    if (d.why === 'closed') return portGone(d);
    return fail(problem('ER_2264', { label: dest.label, number: dest.number, seconds: seconds(t.connectMs) }), true, true);
  }
  state.phase = d.value.code === 'CONNECT' ? 'online' : 'command';
  if (d.value.code !== 'CONNECT') return dialFailure(dest, d.value, o.port);
  return { ok: true, line: d.value.line };
}

/** One frame on the connected line, and the center's answer to it. */
async function sendFrame(
  line: SerialLine,
  dest: Destination,
  frame: Buffer,
  reportId: string,
  connect: string,
  o: CallOptions,
  signal: AbortSignal,
  state: { phase: Phase },
): Promise<Attempt> {
  const sent = await line.write(frame, signal);
  if (!sent.ok)
    return signal.aborted ? fail(cancelledProblem(dest, signal), true, false) : fail(problem('ER_2257', { port: o.port, reason: sent.reason }), true, true);
  return awaitAck(line, dest, reportId, connect, o, signal, state);
}

/** Reads the center's answer to the frame: an ACK for this report, a NAK, or the modem telling the line dropped. */
async function awaitAck(
  line: SerialLine,
  dest: Destination,
  reportId: string,
  connect: string,
  o: CallOptions,
  signal: AbortSignal,
  state: { phase: Phase },
): Promise<Attempt> {
  const where = { label: dest.label, number: dest.number };
  const deadline = Date.now() + o.timeouts.ackMs;
  const answers = answerStep(new FrameDecoder({ maxPayload: 0, accept: ['ack', 'nak'] }));
  for (;;) {
    let got;
    try {
      got = await line.until(answers, Math.max(0, deadline - Date.now()), signal);
    } catch (e) {
      const reason = isCodedError(e) ? e.problem.message : reasonOf(e);
      return fail(problem('ER_2269', { ...where, reason }), true, true);
    }
    if (!got.ok) {
      if (got.why === 'aborted') return fail(cancelledProblem(dest, signal), true, false);
      if (got.why === 'closed') return closedUnderUs(o.port, got);
      return fail(problem('ER_2266', { ...where, seconds: seconds(o.timeouts.ackMs) }), true, true);
    }
    const a = got.value;
    if ('modem' in a) {
      if (a.modem !== 'NO CARRIER') continue; // a stray line; the ACK may still come
      state.phase = 'command';
      return fail(problem('ER_2268', { ...where, reply: a.modem }), true, true);
    }
    return answered(a.frame, dest, reportId, connect);
  }
}

/** Cancelled: by the service stopping, or by the time an immediate notification may take (AbortSignal.timeout). */
export function cancelledProblem(dest: Pick<Destination, 'label' | 'number'>, signal: AbortSignal): Problem {
  const timedOut = typeof signal.reason === 'object' && signal.reason !== null && (signal.reason as { name?: unknown }).name === 'TimeoutError';
  const why = timedOut
    ? { ja: '通報に使える時間を過ぎました', en: 'the time allowed for it ran out' }
    : { ja: 'サービスの停止', en: 'the service is stopping' };
  return problem('ER_2275', { label: dest.label, number: dest.number, why });
}

function dialFailure(dest: Destination, r: Reply, port: string): Failed {
  const where = { label: dest.label, number: dest.number, reply: quote(r.said) };
  switch (r.code) {
    case 'BUSY':
      return fail(problem('ER_2260', where), true, true);
    case 'NO CARRIER':
      return fail(problem('ER_2261', where), true, true);
    // No dial tone is this line's trouble: the other number would meet the same silence.
    case 'NO DIALTONE':
      return fail(problem('ER_2262', where), true, false);
    case 'NO ANSWER':
      return fail(problem('ER_2263', where), true, true);
    case 'ERROR':
      return fail(problem('ER_2259', { port, command: dest.command, reply: where.reply }), true, true);
    default:
      return fail(problem('ER_2265', where), true, true);
  }
}

function answered(f: Frame, dest: Destination, reportId: string, connect: string): Attempt {
  const where = { label: dest.label, number: dest.number };
  if (f.type === 'ack' && f.id === reportId) return { ok: true, detail: `${dest.label.en} ${dest.number} acknowledged report ${reportId} (${connect})` };
  if (f.type === 'nak' && f.id === reportId) {
    // A permanent NAK is the center's verdict on the report: the other number reaches the same center.
    return fail(problem('ER_2267', { ...where, id: reportId, reason: f.reason }), !f.permanent, !f.permanent);
  }
  const reason =
    f.type === 'ack' || f.type === 'nak' ? `${f.type.toUpperCase()} for report ${f.id}, not ${reportId}` : `a ${f.type} frame instead of ACK or NAK`;
  return fail(problem('ER_2269', { ...where, reason }), true, true);
}

/**
 * Puts the phone down as politely as the state allows: online, `+++` between guard times then ATH; dialling, any
 * character cancels the call, then ATH. When the service is stopping there is no waiting: closing drops DTR.
 */
async function hangUp(line: SerialLine, phase: Phase, t: ModemTimeouts, signal: AbortSignal): Promise<void> {
  const own = AbortSignal.timeout(2 * t.guardMs + 3 * t.commandMs);
  if (phase === 'command') return;
  if (signal.aborted) {
    if (phase === 'dialling') await line.write('\r', AbortSignal.timeout(t.commandMs));
    return;
  }
  if (phase === 'online') {
    await line.pause(t.guardMs, own);
    await line.write('+++', own);
    await line.until(lineStep, t.guardMs + t.commandMs, own);
  } else {
    await line.write('\r', own);
  }
  await at(line, 'ATH', t.commandMs, own);
}
