/**
 * The main process's end of the desktop bridge, without Electron itself (unit-tested with the preload's end,
 * preload-invoke.ts, in test/integration/host-errors.test.ts). Each call is answered with a HostReply (shared/host/errors.ts):
 * plain data that IPC's structured clone carries whole, Problems included.
 */
import { type HostApi } from '../shared/host/api.js';
import { refusal, type HostReply } from '../shared/host/errors.js';
import { dispatch } from '../shared/node/host/dispatch.js';
import { problem } from '../shared/messages/problem.js';
import { APP_ORIGIN } from './channel.js';

/** The main process: only our own window's frames may call; the answer is always a HostReply, never a throw. */
export function answerHostCall(api: HostApi, senderUrl: string, method: unknown, arg: unknown): Promise<HostReply> {
  if (!senderUrl.startsWith(`${APP_ORIGIN}/`)) {
    return Promise.resolve(refusal(problem('ER_1021', { method: String(method), reason: 'sender is not the settings window' })));
  }
  return dispatch(api, typeof method === 'string' ? method : '', arg);
}
