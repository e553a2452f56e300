/**
 * The preload (sandboxed, context-isolated): exposes one typed bridge, `window.expressReport.invoke(method, arg)`
 * (shared/host/bridge.ts), limited to HostApi's methods, and nothing else of Electron or Node. It answers the HostReply
 * as the main process sent it (shared/host/errors.ts); the renderer checks it and rebuilds a refusal as a typed error
 * with its Problems.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_KEY, type HostBridge } from '../shared/host/bridge.js';
import { HOST_CHANNEL, hostMethodsOf } from './channel.js';
import { preloadInvoke } from './preload-invoke.js';

const bridge: HostBridge = {
  invoke: preloadInvoke(hostMethodsOf(process.argv), (method, arg) => ipcRenderer.invoke(HOST_CHANNEL, method, arg) as Promise<unknown>),
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
