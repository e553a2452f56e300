/** The manager's answers to an agent's frame: ACK with the frame's id, or NAK with a coded reason (../routes/frame/nak.ts). */
import { type Problem } from '../../shared/messages/problem.js';
import { encodeFrame } from '../routes/frame/codec.js';
import { nakReason } from '../routes/frame/nak.js';

/** A NAK goes out even before the id was read (garbage): this stands for the id then. */
export const UNKNOWN_ID = '-';

export const ackFrame = (id: string): Buffer => encodeFrame({ type: 'ack', id });

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
