import type { MessageCode } from '../messages/catalogue.js';
import { problem, type Params, type Problem, type ProblemInit } from '../messages/problem.js';

/**
 * An Error that carries a catalogued Problem, so whoever catches it (command line, service log, UI) can print the
 * message in the reader's language instead of a raw Node error. `cause` keeps the original error for the log.
 */
export class CodedError extends Error {
  readonly problem: Problem;

  constructor(p: Problem, options?: { cause?: unknown }) {
    super(`${p.code} ${p.message.en}`, options);
    this.name = 'CodedError';
    this.problem = p;
  }

  get code(): MessageCode {
    return this.problem.code;
  }
}

export function codedError(code: MessageCode, params: Params = {}, at: ProblemInit = {}, cause?: unknown): CodedError {
  return new CodedError(problem(code, params, at), cause === undefined ? undefined : { cause });
}

export function isCodedError(e: unknown, code?: MessageCode): e is CodedError {
  return e instanceof CodedError && (code === undefined || e.problem.code === code);
}

/** The errno code of a Node system error (ENOENT, EACCES, ...), if it is one. */
export function errnoCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null || !('code' in e)) return undefined;
  return typeof e.code === 'string' ? e.code : undefined;
}

/** A short reason for a message parameter: Node's own message already names the errno code and the call. */
export function reasonOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
