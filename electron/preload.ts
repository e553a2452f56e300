/**
 * The preload (sandboxed, context-isolated): exposes one typed bridge, `window.expressReport.invoke(method, arg)`,
 * limited to HostApi's methods, and nothing else of Electron or Node.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { HOST_METHODS, type HostMethod } from '../shared/host/api.js';
import { HOST_CHANNEL } from './channel.js';

const bridge = {
  invoke(method: HostMethod, arg: unknown): Promise<unknown> {
    if (!(HOST_METHODS as readonly string[]).includes(method)) return Promise.reject(new Error(`not a HostApi method: ${String(method)}`));
    return ipcRenderer.invoke(HOST_CHANNEL, method, arg).then((r: { ok: boolean; result?: unknown; error?: { code: string; message: { en: string } } }) => {
      if (r.ok) return r.result;
      throw new Error(r.error ? `${r.error.code} ${r.error.message.en}` : 'host error');
    });
  },
} satisfies { invoke(method: HostMethod, arg: unknown): Promise<unknown> };

contextBridge.exposeInMainWorld('expressReport', bridge);
