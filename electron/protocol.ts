/** Serves out/renderer under app://settings/ (read-only, no path can leave the folder), with the same CSP as serve. */
import { protocol } from 'electron';
import { APP_SCHEME } from './channel.js';
import { staticFileResponse } from './static-response.js';

export function registerSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (req) => staticFileResponse(rendererDir, new URL(req.url).pathname));
}
