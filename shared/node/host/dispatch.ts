/**
 * The one entry point for both transports (Electron IPC and loopback HTTP): the method must be a HostApi method and
 * its argument must match its schema, or nothing runs. The answer is a HostReply (shared/host/errors.ts): the result,
 * or the Problems whole (a coded problem, never a stack trace), which both transports carry to the window unchanged.
 */
import { type HostApi } from '../../host/api.js';
import { isHostMethod, requestSchemas } from '../../host/schemas.js';
import { refusal, type HostReply } from '../../host/errors.js';
import { problem } from '../../messages/problem.js';
import { issuesText } from '../../messages/zod-issues.js';
import { CodedError } from '../coded-error.js';

export type DispatchResult = HostReply;

/**
 * A host that opened read-only views of exports (ファイル → エクスポートを開く): `view.<id>.<method>` is that view's
 * method, dispatched to the view's own HostApi (shared/node/host/view-host.ts), which has no method that writes.
 */
export interface ViewSource {
  viewHost(id: string): HostApi | undefined;
}
const VIEW_METHOD = /^view\.([A-Za-z0-9_-]{16,64})\.([A-Za-z]{1,64})$/;

export async function dispatch(api: HostApi, method: string, arg: unknown): Promise<HostReply> {
  const v = VIEW_METHOD.exec(method);
  if (v) {
    // A view serves no views of its own: `view.` inside a view finds none.
    const view = (api as Partial<ViewSource>).viewHost?.(v[1]!);
    return view ? dispatch(view, v[2]!, arg) : refusal(problem('ER_3527'));
  }
  if (!isHostMethod(method)) return refusal(problem('ER_1021', { method, reason: 'unknown method' }));
  const parsed = requestSchemas[method].safeParse(arg);
  if (!parsed.success) {
    return refusal(problem('ER_1021', { method, reason: issuesText(parsed.error) }));
  }
  try {
    const call = api[method] as (a: unknown) => Promise<unknown>;
    return { ok: true, result: await call.call(api, parsed.data) };
  } catch (e) {
    if (e instanceof CodedError) return refusal(e.problem);
    return refusal(problem('ER_1020', { reason: e instanceof Error ? e.message : String(e) }));
  }
}
