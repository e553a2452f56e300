/** The single IPC channel between the preload and the main process. */
export const HOST_CHANNEL = 'express-report:host';
/** The privileged scheme the window is loaded from (not file://, so the CSP and origin checks mean something). */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://settings`;

/**
 * HostApi's methods reach the preload on its command line (webPreferences.additionalArguments, which Electron appends to
 * the sandboxed preload's process.argv): the main process reads them off the request schemas (shared/host/schemas.ts
 * HOST_METHODS), so the preload's bundle stays without zod and the list is still declared once.
 */
const METHODS_SWITCH = '--express-report-host-methods=';
export const hostMethodsArgument = (methods: readonly string[]): string => `${METHODS_SWITCH}${methods.join(',')}`;
export function hostMethodsOf(argv: readonly string[]): string[] {
  const arg = argv.find((a) => a.startsWith(METHODS_SWITCH));
  return arg ? arg.slice(METHODS_SWITCH.length).split(',').filter(Boolean) : [];
}
