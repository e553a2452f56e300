/**
 * Runtime shapes of every HostApi request: the host validates what arrives over IPC or HTTP before any host code runs
 * (the renderer is not trusted to send well-formed data).
 */
import { z } from 'zod';
import { type HostMethod } from './api.js';
import { REMEMBERABLE_SECRETS } from './remembered.js';
import { MAX_REASON_LENGTH } from './maintenance.js';

const typedValues = z.record(z.string().max(200), z.string().max(4096));
const optionDevice = z.object({ name: z.string().max(200), deviceCode: z.string().max(200), serialNumber: z.string().max(200) }).strict();
const fileRef = z.union([
  z.object({ path: z.string().min(1).max(4096) }).strict(),
  z.object({ name: z.string().max(512), contentBase64: z.string().max(8 * 1024 * 1024) }).strict(),
]);
/** AMHTPADR.INF's model (URL1, URL2); each URL is checked again by the host (shared/config/override.ts, the store). */
const adrModel = z.object({ url1: z.string().max(4096), url2: z.string().max(4096).optional() }).strict();
const saveRequest = z.object({
  values: typedValues,
  optionDevices: z.array(optionDevice).max(999).optional(),
  remember: z.array(z.enum(REMEMBERABLE_SECRETS)).max(REMEMBERABLE_SECRETS.length).optional(),
  destinations: adrModel.optional(),
}).strict();
/** The window's unsaved values for one notification (HostApi NotifyOverride). */
const notifyOverride = z.object({ values: typedValues, destinations: adrModel.optional() }).strict();
/**
 * What the host hands the sender (shared/config/override.ts ConfigOverride: text values, secrets sealed): also the
 * shape the service's local API accepts in POST /v1/notify, so the desktop app's tests carry the same override.
 */
export const configOverride = z.object({ values: z.record(z.string().max(200), z.string().max(8192)), destinations: adrModel.optional() }).strict();
const rememberedAccount = z.union([
  z.object({ kind: z.enum(['proxy', 'smtp', 'pop']), user: z.string().min(1).max(256), host: z.string().min(1).max(253), port: z.number().int().min(1).max(65535) }).strict(),
  z.object({ kind: z.literal('remote'), user: z.string().min(1).max(256), entry: z.string().min(1).max(256) }).strict(),
]);
const target = z.enum(['primary', 'secondary']);
const none = z.union([z.null(), z.undefined(), z.object({}).strict()]);

export const requestSchemas = {
  snapshot: none,
  resources: none,
  check: saveRequest,
  saveSettings: saveRequest,
  deviceInfo: none,
  readKeyFile: fileRef,
  activate: z.object({
    method: z.enum(['keyfile', 'keycode']),
    service: z.enum(['express', 'https']),
    keyFile: fileRef.optional(),
    acceptHostNameMismatch: z.boolean().optional(),
    values: typedValues,
    optionDevices: z.array(optionDevice).max(999),
    confirmReactivation: z.boolean().optional(),
  }).strict(),
  updateRegistration: z.object({ values: typedValues, optionDevices: z.array(optionDevice).max(999) }).strict(),
  endService: none,
  extendExpiry: z.object({ key: z.string().min(1).max(64 * 1024) }).strict(),
  readDestinations: fileRef,
  eventLog: none,
  testNotify: z.object({
    target: target.optional(),
    resultMail: z.string().max(256).optional(),
    resultVia: z.enum(['mail', 'fax']).optional(),
    override: notifyOverride.optional(),
  }).strict(),
  activateNotify: z.object({ target: target.optional(), ignoreDefinitionErrors: z.boolean().optional(), override: notifyOverride.optional() }).strict(),
  serviceStatus: none,
  testEvent: z.object({ source: z.string().min(1).max(256), id: z.string().regex(/^0x[0-9a-fA-F]{8}$/) }).strict(),
  rememberedSecrets: none,
  forgetSecret: rememberedAccount,
  pauseService: z.object({
    until: z.string().max(64).optional(),
    hours: z.string().max(32).optional(),
    reason: z.string().max(MAX_REASON_LENGTH * 4).optional(),
  }).strict(),
  resumeService: z.object({ expireHeld: z.boolean().optional() }).strict(),
} as const satisfies Record<HostMethod, z.ZodType>;
