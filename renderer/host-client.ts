/**
 * The renderer's only way out: a HostApi that forwards each call to the host, over the Electron preload bridge when
 * there is one, else over loopback HTTP to `express-report serve` (the token comes from the page's URL).
 * Both answer a HostReply (shared/host/errors.ts). It is checked here, where it enters the window: a refusal becomes a
 * HostCallError carrying the host's Problems whole (both languages, field, file:line, the system's detail), and what
 * cannot be carried at all (serve gone, a reply that is not a HostReply) becomes one too, coded (ER_1100, ER_1101).
 */
import { type HostApi, type HostMethod } from '../shared/host/api.js';
import { HOST_METHODS } from '../shared/host/methods.js';
import { BRIDGE_KEY, type HostBridge } from '../shared/host/bridge.js';
import { HostCallError, resultOf } from '../shared/host/errors.js';
import { problem } from '../shared/messages/problem.js';

declare global {
  interface Window {
    /** Set by electron/preload.ts (contextBridge); absent in the browser. */
    [BRIDGE_KEY]?: HostBridge;
  }
}

/** `serve`'s HTTP, standing in for the desktop bridge: `base` is the page's own origin ('' in the page; a full URL in tests). */
export function httpBridge(token: string, base = ''): HostBridge {
  return {
    async invoke(method, arg) {
      let res: Response;
      try {
        res = await fetch(`${base}/api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(arg ?? null),
        });
      } catch (e) {
        // No answer at all: serve stopped, or the network refused (the browser's own words are the detail).
        const reason = e instanceof Error ? (e.cause instanceof Error ? `${e.message} (${e.cause.message})` : e.message) : String(e);
        throw new HostCallError(method, [problem('ER_1100', { reason })]);
      }
      const text = await res.text();
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new HostCallError(method, [problem('ER_1101', { method, reason: `HTTP ${res.status}: ${text.slice(0, 200)}` })]);
      }
    },
  };
}

/** `view`: the id of a read-only view of an export the host opened (HostApi openView); its calls go to that view. */
export function hostApiOver(bridge: HostBridge, view?: string): HostApi {
  const api: Partial<Record<HostMethod, (arg?: unknown) => Promise<unknown>>> = {};
  const name = (m: HostMethod): HostMethod => (view === undefined ? m : (`view.${view}.${m}` as HostMethod));
  for (const m of HOST_METHODS) api[m] = async (arg?: unknown) => resultOf(m, await bridge.invoke(name(m), arg));
  return api as unknown as HostApi;
}

/**
 * The session token: from the printed URL (`?token=`), from the page a one-time link (`?code=`, serve --open) was
 * answered with (a meta element, removed once read), or from this tab's sessionStorage after a reload.
 */
export function connectHost(): HostApi {
  return hostApiOver(connectBridge());
}

/** The way to the host: the desktop bridge, or serve's HTTP with this tab's token. */
export function connectBridge(): HostBridge {
  const desktop = window[BRIDGE_KEY];
  if (desktop) return desktop;
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
  return httpBridge(token);
}
