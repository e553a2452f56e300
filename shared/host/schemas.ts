/**
 * Runtime shapes of every HostApi request: the host validates what arrives over IPC or HTTP before any host code runs
 * (the renderer is not trusted to send well-formed data).
 */
import { z } from 'zod';
import { type HostApi, type HostMethod } from './api.js';
import { REMEMBERABLE_SECRETS } from './remembered.js';
import { HOST_METHODS as LISTED } from './methods.js';
import { MAX_REASON_LENGTH } from './maintenance.js';
import { IMPORT_GROUPS, WINDOW_FILE_BASE64 } from '../transfer/format.js';
import { adrModel, eventId, eventSource, notifyTarget, resultMail, resultVia, resumeBody, userSystemCode } from './service-api.js';

const typedValues = z.record(z.string().max(200), z.string().max(4096));
const optionDevice = z.object({ name: z.string().max(200), deviceCode: z.string().max(200), serialNumber: z.string().max(200) }).strict();
const fileRef = z.union([
  z.object({ path: z.string().min(1).max(4096) }).strict(),
  z.object({ name: z.string().max(512), contentBase64: z.string().max(8 * 1024 * 1024) }).strict(),
]);
const saveRequest = z
  .object({
    values: typedValues,
    optionDevices: z.array(optionDevice).max(999).optional(),
    remember: z.array(z.enum(REMEMBERABLE_SECRETS)).max(REMEMBERABLE_SECRETS.length).optional(),
    destinations: adrModel.optional(),
  })
  .strict();
/** The window's unsaved values for one notification (HostApi NotifyOverride). */
const notifyOverride = z.object({ values: typedValues, destinations: adrModel.optional() }).strict();
const rememberedAccount = z.union([
  z
    .object({
      kind: z.enum(['proxy', 'smtp', 'pop']),
      user: z.string().min(1).max(256),
      host: z.string().min(1).max(253),
      port: z.number().int().min(1).max(65535),
    })
    .strict(),
  z.object({ kind: z.literal('remote'), user: z.string().min(1).max(256), entry: z.string().min(1).max(256) }).strict(),
]);
/** An export chosen in the window: by path (desktop), or its bytes as the page read them, within the bridge's limit. */
const exportFile = z.union([
  z.object({ path: z.string().min(1).max(4096) }).strict(),
  z.object({ name: z.string().max(512), contentBase64: z.string().max(WINDOW_FILE_BASE64) }).strict(),
]);
const importRequest = z
  .object({
    file: exportFile,
    passphrase: z.string().max(1024).optional(),
    only: z.array(z.enum(IMPORT_GROUPS)).max(IMPORT_GROUPS.length).optional(),
    otherMachine: z.boolean().optional(),
  })
  .strict();
/** ファイル → 一括準備: a key file is a few KB (64 KiB allowed); serve's request limit bounds them all together. */
const fleetKeys = z.union([
  z
    .object({
      files: z.array(z.object({ name: z.string().min(1).max(255), contentBase64: z.string().max(Math.ceil((64 * 1024) / 3) * 4) }).strict()).max(1000),
    })
    .strict(),
  z.object({ dir: z.string().min(1).max(4096) }).strict(),
]);
const fleetFields = {
  csv: exportFile,
  keys: fleetKeys.optional(),
  base: z.union([z.object({ current: z.literal(true) }).strict(), z.object({ file: exportFile }).strict()]),
};
const none = z.union([z.null(), z.undefined(), z.object({}).strict()]);

export const requestSchemas = {
  windowLoad: none,
  snapshot: none,
  resources: none,
  check: saveRequest,
  saveSettings: saveRequest,
  deviceInfo: none,
  readKeyFile: fileRef,
  activate: z
    .object({
      method: z.enum(['keyfile', 'keycode']),
      service: z.enum(['express', 'https']),
      keyFile: fileRef.optional(),
      acceptHostNameMismatch: z.boolean().optional(),
      values: typedValues,
      optionDevices: z.array(optionDevice).max(999),
      confirmReactivation: z.boolean().optional(),
    })
    .strict(),
  updateRegistration: z.object({ values: typedValues, optionDevices: z.array(optionDevice).max(999) }).strict(),
  endService: none,
  extendExpiry: z
    .object({
      key: z
        .string()
        .min(1)
        .max(64 * 1024),
    })
    .strict(),
  readDestinations: fileRef,
  registerDestinations: fileRef,
  eventLog: none,
  testNotify: z
    .object({
      target: notifyTarget.optional(),
      resultMail: resultMail.optional(),
      resultVia: resultVia.optional(),
      override: notifyOverride.optional(),
      userSystemCode: userSystemCode.optional(),
    })
    .strict(),
  activateNotify: z.object({ target: notifyTarget.optional(), ignoreDefinitionErrors: z.boolean().optional(), override: notifyOverride.optional() }).strict(),
  serviceStatus: none,
  systemService: none,
  relayAgents: none,
  testEvent: z.object({ source: eventSource, id: eventId }).strict(),
  rememberedSecrets: none,
  forgetSecret: rememberedAccount,
  pauseService: z
    .object({
      until: z.string().max(64).optional(),
      hours: z.string().max(32).optional(),
      reason: z
        .string()
        .max(MAX_REASON_LENGTH * 4)
        .optional(),
    })
    .strict(),
  resumeService: resumeBody,
  exportSettings: z
    .object({
      scope: z.enum(['support', 'transfer']),
      personal: z.enum(['omit', 'include']),
      passphrase: z.string().max(1024).optional(),
      path: z.string().min(1).max(4096).optional(),
    })
    .strict(),
  previewImport: importRequest,
  applyImport: importRequest,
  openView: z.object({ file: exportFile }).strict(),
  fleetCheck: z.object({ ...fleetFields, out: z.string().min(1).max(4096).optional() }).strict(),
  fleetBuild: z.object({ ...fleetFields, out: z.string().min(1).max(4096) }).strict(),
} as const satisfies Record<HostMethod, z.ZodType>;

/**
 * Every HostApi method, read off the schemas (one per method, no more: `satisfies` above). The dispatcher, and through it
 * both transports, accept only these; the window's client builds its HostApi from them; the desktop preload gets them
 * from the main process (electron/main.ts), so its bundle stays without zod.
 */
export const HOST_METHODS: readonly HostMethod[] = LISTED;
/** The list and the schemas name the same methods (a schema without its name in the list fails `tsc` here). */
type Unlisted = Exclude<keyof typeof requestSchemas, (typeof LISTED)[number]>;
export type SchemasListed = NoneOf<Unlisted>;

export function isHostMethod(m: unknown): m is HostMethod {
  return typeof m === 'string' && Object.hasOwn(requestSchemas, m);
}

/**
 * The compile-time check that each schema says what its HostApi method takes, both ways: what the schema lets through is
 * that parameter (the host gets what its type promises), and every value of that parameter passes the schema: same
 * types, and no key, at any depth, on one side only (`.strict()` would refuse a key the schema lacks at run time; a key
 * only the schema has is one the host never reads). A method without a parameter takes `none`. A drifted method fails
 * `tsc` here, by name: "Type '"testNotify"' does not satisfy the constraint 'never'".
 */
type Schema<M extends HostMethod> = (typeof requestSchemas)[M];
type Param<M extends HostMethod> = Parameters<HostApi[M]>[0];
type KeysOf<T> = T extends unknown ? keyof T : never;
type At<T, K> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;
/** true (or boolean, for a union) when P names a key, at any depth, that I does not have (a record's keys are any). */
type UnknownKey<P, I> = P extends readonly (infer E)[]
  ? UnknownKey<E, I extends readonly (infer F)[] ? F : never>
  : P extends object
    ? string extends keyof P
      ? false
      : [Exclude<keyof P, KeysOf<I>>] extends [never]
        ? true extends { [K in keyof P]-?: UnknownKey<NonNullable<P[K]>, NonNullable<At<I, K>>> }[keyof P]
          ? true
          : false
        : true
    : false;
type Matches<M extends HostMethod> =
  Parameters<HostApi[M]> extends []
    ? Schema<M> extends typeof none
      ? true
      : false
    : [z.output<Schema<M>>] extends [Param<M>]
      ? [Param<M>] extends [z.input<Schema<M>>]
        ? true extends UnknownKey<Param<M>, z.input<Schema<M>>> | UnknownKey<z.output<Schema<M>>, Param<M>>
          ? false
          : true
        : false
      : false;
type Drifted = { [M in HostMethod]: Matches<M> extends true ? never : M }[HostMethod];
type NoneOf<T extends never> = T;
export type RequestSchemasMatchHostApi = NoneOf<Drifted>;
