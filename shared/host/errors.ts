/**
 * HostApi's one error contract, the same over both transports (Electron IPC: electron/ipc.ts -> preload; `serve`'s HTTP:
 * service/serve/server.ts -> fetch). Every call is answered with a HostReply: the result, or the host's Problems whole
 * (both languages, the field, file:line, the system's own text as `detail`), never a string flattened to English. The
 * renderer checks each reply where it enters (resultOf, renderer/host-client.ts) and turns a refusal into HostCallError,
 * whose Problems the window shows in its current language, beside the field they name (docs/desktop-app.md, "Errors").
 */
import { problem, type Problem } from '../messages/problem.js';
import { issuesText } from '../messages/zod-issues.js';
import { checkReply } from './reply-check.js';

export interface HostRefusal {
  ok: false;
  problems: Problem[];
}
export type HostReply = { ok: true; result: unknown } | HostRefusal;

export const refusal = (...problems: Problem[]): HostRefusal => ({ ok: false, problems });

/** A HostApi call the host refused or that could not be carried: its Problems, whole. */
export class HostCallError extends Error {
  readonly problems: readonly Problem[];

  constructor(
    readonly method: string,
    problems: readonly Problem[],
  ) {
    // The English text is for developer tools and logs only; the window shows `problems` in its own language.
    super(problems.map((p) => `${p.code} ${p.message.en}`).join('; '));
    this.name = 'HostCallError';
    this.problems = problems;
  }
}

/** A reply checked where it enters the window: the result, or HostCallError (ER_1101 when it is not a HostReply). */
export function resultOf(method: string, raw: unknown): unknown {
  const r = checkReply(raw);
  if (!r.success) {
    throw new HostCallError(method, [problem('ER_1101', { method, reason: issuesText(r.error, '(reply)') })]);
  }
  if (r.data.ok) return r.data.result;
  throw new HostCallError(method, r.data.problems);
}

/** Whatever a window's call threw, as Problems: the host's refusal whole, anything else ER_1103 with its text. */
export function problemsOf(e: unknown): readonly Problem[] {
  if (e instanceof HostCallError) return e.problems;
  return [problem('ER_1103', { reason: e instanceof Error ? e.message : String(e) })];
}
