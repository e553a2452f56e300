/**
 * Every HostApi method's name at run time, without zod: the window's client (renderer/host-client.ts) and the desktop
 * preload need only the names, and zod's code was most of the window's first chunk (issue 16). Checked both ways at
 * compile time against HostApi here, and against the request schemas in ./schemas.ts.
 */
import { type HostMethod } from './api.js';

export const HOST_METHODS = [
  'windowLoad',
  'snapshot',
  'resources',
  'check',
  'saveSettings',
  'deviceInfo',
  'readKeyFile',
  'activate',
  'updateRegistration',
  'endService',
  'extendExpiry',
  'readDestinations',
  'registerDestinations',
  'eventLog',
  'testNotify',
  'activateNotify',
  'serviceStatus',
  'systemService',
  'relayAgents',
  'testEvent',
  'rememberedSecrets',
  'forgetSecret',
  'pauseService',
  'resumeService',
  'exportSettings',
  'previewImport',
  'applyImport',
  'openView',
  'fleetCheck',
  'fleetBuild',
] as const satisfies readonly HostMethod[];

/** A HostApi method missing from the list fails `tsc` here, by name. */
type Missing = Exclude<HostMethod, (typeof HOST_METHODS)[number]>;
type NoneOf<T extends never> = T;
export type HostMethodsListed = NoneOf<Missing>;
