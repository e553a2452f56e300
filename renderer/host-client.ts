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

/**
 * The session token: from the printed URL (`?token=`), from the page a one-time link (`?code=`, serve --open) was
 * answered with (a meta element, removed once read), or from this tab's sessionStorage after a reload.
 */
export function connectHost(): HostApi {
  if (window.expressReport) return hostApiOver(window.expressReport);
  const params = new URLSearchParams(window.location.search);
  const meta = document.querySelector<HTMLMetaElement>('meta[name="express-report-session"]');
  const token = params.get('token') ?? meta?.content ?? sessionStorage.getItem('express-report-token') ?? '';
  meta?.remove();
  sessionStorage.setItem('express-report-token', token);
  if (params.has('token') || params.has('code')) {
    // Keep the token out of the address bar, history and screenshots once it is stored; a used code is dead anyway,
    // and a reload must not ask for it again (it would get the "link used" page).
    params.delete('token');
    params.delete('code');
    const q = params.toString();
    history.replaceState(null, '', `${window.location.pathname}${q ? `?${q}` : ''}`);
  }
  return hostApiOver(httpBridge(token));
}
