/**
 * The preload's end of the desktop bridge, without Electron itself (unit-tested in test/integration/host-errors.test.ts):
 * HostApi methods only (`methods`: HOST_METHODS, handed over by the main process, channel.ts), and the HostReply goes to
 * the page as the main process sent it. An Error thrown across contextBridge would arrive as a bare message, so nothing
 * is thrown here: the renderer checks the reply and rebuilds a refusal as a typed error with its Problems
 * (renderer/host-client.ts).
 */
import type { HostMethod } from '../shared/host/api.js';
import type { HostBridge } from '../shared/host/bridge.js';
// A type only: errors.ts holds the reply's zod schema, which the sandboxed preload has no use for.
import type { HostRefusal } from '../shared/host/errors.js';
import { problem } from '../shared/messages/problem.js';

export function preloadInvoke(methods: readonly string[], send: (method: HostMethod, arg: unknown) => Promise<unknown>): HostBridge['invoke'] {
  return (method, arg) => {
    // A read-only view's method (`view.<id>.<method>`, shared/node/host/dispatch.ts) is a HostApi method too.
    if (!methods.includes(String(method).replace(/^view\.[A-Za-z0-9_-]{16,64}\./, ''))) {
      const refused: HostRefusal = { ok: false, problems: [problem('ER_1021', { method: String(method), reason: 'not a HostApi method' })] };
      return Promise.resolve(refused);
    }
    return send(method, arg);
  };
}
