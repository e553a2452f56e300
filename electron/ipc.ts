/** Maps the IPC channel to the shared dispatcher; only our own window's frames may call it. */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { type HostApi } from '../shared/host/api.js';
import { dispatch } from '../shared/node/host/dispatch.js';
import { problem } from '../shared/messages/problem.js';
import { APP_ORIGIN, HOST_CHANNEL } from './channel.js';

export function registerHostIpc(api: HostApi): void {
  ipcMain.handle(HOST_CHANNEL, async (e: IpcMainInvokeEvent, method: unknown, arg: unknown) => {
    const url = e.senderFrame?.url ?? '';
    if (!url.startsWith(`${APP_ORIGIN}/`)) return { ok: false, error: problem('ER_1021', { method: String(method), reason: 'sender is not the settings window' }) };
    return dispatch(api, typeof method === 'string' ? method : '', arg);
  });
}
