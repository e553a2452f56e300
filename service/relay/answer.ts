/**
 * The manager's answers to an agent's frame: ACK with the frame's id (and, for a test / activation it forwarded at once,
 * its coded words on how: ../routes/frame/ack-answer.ts), or NAK with a coded reason (../routes/frame/nak.ts).
 */
import { message, type Problem } from '../../shared/messages/problem.js';
import { text } from '../../shared/messages/text.js';
import { type CodedText } from '../../shared/host/service-types.js';
import { type ReportKind } from '../../shared/report/model.js';
import { answerSection } from '../routes/frame/ack-answer.js';
import { encodeFrame } from '../routes/frame/codec.js';
import { nakReason } from '../routes/frame/nak.js';
import { type ForwardRouteName } from '../routes/forwarding.js';

/** A NAK goes out even before the id was read (garbage): this stands for the id then. */
export const UNKNOWN_ID = '-';

/** A stored report's ACK is the id alone (nothing to say); a forwarded test / activation's carries the answer. */
export const ackFrame = (id: string, answer?: CodedText): Buffer => encodeFrame({ type: 'ack', id, ...(answer ? { answer: answerSection(answer) } : {}) });

const ROUTE_WORDS = { https: text('HTTPS', 'HTTPS'), mail: text('インターネットメール', 'e-mail'), dialup: text('ダイヤルアップ', 'dial-up') } as const;

/**
 * What the manager tells the agent of a test / activation it forwarded (`detail`: the route's own words, e.g. the
 * center's HTTP status): by HTTPS or e-mail the result comes to the chosen address; over dial-up none comes (ER_6702).
 */
export function forwardedAnswer(r: { id: string; kind: ReportKind }, route: ForwardRouteName, detail: string): CodedText {
  if (r.kind !== 'test') return { code: 'ER_6703', message: message('ER_6703', { id: r.id, route: ROUTE_WORDS[route], detail }) };
  const code = route === 'https' ? 'ER_6700' : route === 'mail' ? 'ER_6701' : 'ER_6702';
  return { code, message: message(code, { id: r.id, detail }) };
}

export const nakFrame = (id: string, p: Problem, permanent: boolean): Buffer => encodeFrame({ type: 'nak', id, reason: nakReason(p), permanent });

/** A refusal and whether sending again can help: what the agent reads in the NAK. */
export interface Refusal {
  problem: Problem;
  permanent: boolean;
}

/**
 * Whether a frame error means "never again" or "try again": a damaged CRC or a frame cut short may pass on a second
 * try; garbage, an oversized section, a malformed or unknown frame will not.
 */
export const permanentFrameError = (code: string): boolean => code !== 'ER_2252';
