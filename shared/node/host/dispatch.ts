/**
 * The one entry point for both transports (Electron IPC and loopback HTTP): the method must be a HostApi method and
 * its argument must match its schema, or nothing runs. Failures come back as a coded problem, never as a stack trace.
 */
import { HOST_METHODS, type HostApi, type HostMethod } from '../../host/api.js';
import { requestSchemas } from '../../host/schemas.js';
import { problem, type Problem } from '../../messages/problem.js';
import { CodedError } from '../coded-error.js';

export type DispatchResult = { ok: true; result: unknown } | { ok: false; error: Problem };

export function isHostMethod(m: string): m is HostMethod {
  return (HOST_METHODS as readonly string[]).includes(m);
}

export async function dispatch(api: HostApi, method: string, arg: unknown): Promise<DispatchResult> {
  if (!isHostMethod(method)) return { ok: false, error: problem('ER_1021', { method, reason: 'unknown method' }) };
  const parsed = requestSchemas[method].safeParse(arg);
  if (!parsed.success) {
    const reason = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    return { ok: false, error: problem('ER_1021', { method, reason }) };
  }
  try {
    const call = api[method] as (a: unknown) => Promise<unknown>;
    return { ok: true, result: await call.call(api, parsed.data) };
  } catch (e) {
    if (e instanceof CodedError) return { ok: false, error: e.problem };
    return { ok: false, error: problem('ER_1020', { reason: e instanceof Error ? e.message : String(e) }) };
  }
}
