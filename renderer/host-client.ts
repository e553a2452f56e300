/**
 * The renderer's only way out: a HostApi that forwards each call to the host, over the Electron preload bridge when
 * there is one, else over loopback HTTP to `express-report serve` (the token comes from the page's URL).
 */
import { HOST_METHODS, type HostApi, type HostMethod } from '../shared/host/api.js';

export interface Bridge {
  invoke(method: HostMethod, arg: unknown): Promise<unknown>;
}

declare global {
  interface Window {
    /** Set by electron/preload.ts (contextBridge); absent in the browser. */
    expressReport?: Bridge;
  }
}

export class HostError extends Error {}

function httpBridge(token: string): Bridge {
  return {
    async invoke(method, arg) {
      const res = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(arg ?? null),
      });
      const body = (await res.json()) as { ok: boolean; result?: unknown; error?: string };
      if (!res.ok || !body.ok) throw new HostError(body.error ?? `HTTP ${res.status}`);
      return body.result;
    },
  };
}

export function hostApiOver(bridge: Bridge): HostApi {
  const api: Partial<Record<HostMethod, (arg?: unknown) => Promise<unknown>>> = {};
  for (const m of HOST_METHODS) api[m] = (arg?: unknown) => bridge.invoke(m, arg);
  return api as unknown as HostApi;
}

export function connectHost(): HostApi {
  if (window.expressReport) return hostApiOver(window.expressReport);
  const params = new URLSearchParams(window.location.search);
  const token = params.get('token') ?? sessionStorage.getItem('express-report-token') ?? '';
  sessionStorage.setItem('express-report-token', token);
  if (params.has('token')) {
    // Keep the token out of the address bar, history and screenshots once it is stored.
    params.delete('token');
    const q = params.toString();
    history.replaceState(null, '', `${window.location.pathname}${q ? `?${q}` : ''}`);
  }
  return hostApiOver(httpBridge(token));
}
