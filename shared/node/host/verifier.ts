/** How the host checks key files and extension keys (shared/node/keyfile verifies them against the trusted CAs). */
import { type Problem } from '../../messages/problem.js';
import { type ExtensionPayload, type KeyFilePayload, type KeyFileSummary } from '../../keyfile/model.js';

export type Verified<T> = ({ ok: true } & T) | { ok: false; problems: Problem[] };

export interface KeyVerifier {
  keyFile(bytes: Uint8Array, name: string): Verified<{ payload: KeyFilePayload; summary: KeyFileSummary }>;
  /** Checked against this server's activation: same user system code, a later expiry. */
  extension(text: string, current: { userSystemCode: string; expiry: string }): Verified<{ payload: ExtensionPayload }>;
}
