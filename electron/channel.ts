/** The single IPC channel between the preload and the main process. */
export const HOST_CHANNEL = 'express-report:host';
/** The privileged scheme the window is loaded from (not file://, so the CSP and origin checks mean something). */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://settings`;
