/**
 * The desktop bridge, declared once (as VS Code declares its preload's API beside the preload; here in shared/ because
 * the renderer may import nothing of electron/). electron/preload.ts exposes it under BRIDGE_KEY through contextBridge;
 * renderer/host-client.ts takes it from there, or stands in for it over `serve`'s HTTP. One HostApi call, carried to
 * the host: the answer is the HostReply as the host sent it (shared/host/errors.ts), unchecked; the renderer checks it.
 */
import { type HostMethod } from './api.js';

/** The window's global the preload sets (`window.expressReport`); absent in the browser. */
export const BRIDGE_KEY = 'expressReport';

export interface HostBridge {
  invoke(method: HostMethod, arg: unknown): Promise<unknown>;
}
