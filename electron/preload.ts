/**
 * The preload (sandboxed, context-isolated): exposes one typed bridge, `window.expressReport.invoke(method, arg)`,
 * limited to HostApi's methods, and nothing else of Electron or Node. It answers the HostReply as the main process
 * sent it (shared/host/errors.ts); the renderer checks it and rebuilds a refusal as a typed error with its Problems.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { type HostMethod } from '../shared/host/api.js';
import { HOST_CHANNEL } from './channel.js';
import { preloadInvoke } from './preload-invoke.js';

const bridge = {
  invoke: preloadInvoke((method, arg) => ipcRenderer.invoke(HOST_CHANNEL, method, arg) as Promise<unknown>),
} satisfies { invoke(method: HostMethod, arg: unknown): Promise<unknown> };

contextBridge.exposeInMainWorld('expressReport', bridge);
