/** Maps the IPC channel to the shared dispatcher; only our own window's frames may call it (host-reply.ts). */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { type HostApi } from '../shared/host/api.js';
import { HOST_CHANNEL } from './channel.js';
import { answerHostCall } from './host-reply.js';

export function registerHostIpc(api: HostApi): void {
  ipcMain.handle(HOST_CHANNEL, (e: IpcMainInvokeEvent, method: unknown, arg: unknown) => answerHostCall(api, e.senderFrame?.url ?? '', method, arg));
}
