/**
 * The key file and extension key envelope and payloads, checked field by field (docs/key-file.md). Isomorphic: this
 * works on text and decoded JSON values; base64, UTF-8 and the signature are shared/node/keyfile/verify.ts's work.
 * Customer and machine fields are checked by the settings' own rules, so a key file can never bring in a value the
 * settings window would refuse.
 */
import { z } from 'zod';
import { checkUrl } from '../inf/adr.js';
import { message, problem, type Problem } from '../messages/problem.js';
import { text, type LocalizedText } from '../messages/text.js';
import { isDate } from '../settings/charclass.js';
import { settingDef } from '../settings/schema.js';
import { validateSetting } from '../settings/validate.js';
import { EXTENSION_FORMAT, KEYFILE_FORMAT, type ExtensionPayload, type KeyFilePayload } from './model.js';

export type DocumentFormat = typeof KEYFILE_FORMAT | typeof EXTENSION_FORMAT;

export interface Envelope {
  format: DocumentFormat;
  /** Base64 of the payload JSON bytes: the signature covers exactly these bytes. */
  payload: string;
  /** Base64 of the signature (RSA-PSS, SHA-256, MGF1-SHA-256, salt 32 bytes). */
  signature: string;
  /** PEM certificate of the signing key. */
  signer: string;
}

export type Checked<K extends string, T> = ({ ok: true } & { [P in K]: T }) | { ok: false; problems: Problem[] };

/** What a message calls the document ({what}). */
export const WHAT: Readonly<Record<DocumentFormat, LocalizedText>> = {
  [KEYFILE_FORMAT]: text('開局キーファイル', 'activation key file'),
  [EXTENSION_FORMAT]: text('期限延長キー', 'extension key'),
};

/** Far above any real value; only keeps a hostile file from making huge messages or objects. */
const MAX_TEXT = 200;
const MAX_PEM = 16_384;
const MAX_BASE64 = 262_144;

const cut = (v: string): string => (v.length > 60 ? `${v.slice(0, 60)}…` : v);

/** ER_3035, the document as a whole is not one of ours. */
export function notDocument(format: DocumentFormat, reason: LocalizedText, file: string): Problem {
  return problem('ER_3035', { file, what: WHAT[format], reason }, { file, line: 1 });
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const base64 = z.string().min(1).max(MAX_BASE64).regex(BASE64);
const envelopeSchema = z.object({
  format: z.string().max(MAX_TEXT),
  payload: base64,
  signature: base64,
  signer: z.string().max(MAX_PEM).includes('-----BEGIN CERTIFICATE-----'),
});

/** The JSON envelope of either document; `expected` says which one the caller wants. */
export function parseEnvelope(textIn: string, file: string, expected: DocumentFormat = KEYFILE_FORMAT): Checked<'envelope', Envelope> {
  let json: unknown;
  try {
    json = JSON.parse(textIn.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problems: [notDocument(expected, text('JSON ではありません', 'it is not JSON'), file)] };
  }
  const r = envelopeSchema.safeParse(json);
  if (!r.success) {
    const fields = [...new Set(r.error.issues.map((i) => i.path.join('.') || '(top)'))].join(', ');
    return { ok: false, problems: [notDocument(expected, text(`項目 ${fields} がないか正しくありません`, `${fields} missing or malformed`), file)] };
  }
  const { format } = r.data;
  if (format !== expected) {
    const reason = text(`形式が「${cut(format)}」です(「${expected}」が必要です)`, `its format is "${cut(format)}", not "${expected}"`);
    return { ok: false, problems: [notDocument(expected, reason, file)] };
  }
  return { ok: true, envelope: { ...r.data, format } };
}

// ---- payloads

/** Custom refinements carry a tag; reasonOf() turns it into words. */
const TAG_REASON: Readonly<Record<string, LocalizedText>> = {
  date: text('YYYY-MM-DD の形式の日付ではありません', 'it is not a date in the form YYYY-MM-DD'),
  pem: text('PEM 形式の証明書ではありません', 'it is not a PEM certificate'),
};
const str = (max = MAX_TEXT) => z.string().max(max);
const required = (max = MAX_TEXT) => z.string().min(1).max(max);
const date = () => z.string().min(1).max(10).refine(isDate, { error: 'date' });

const customerSchema = z.object({
  type: z.enum(['individual', 'corporate']),
  nameKana: str(),
  name: str(),
  department: str(),
  postalCode: str(),
  addressKana: str(),
  address: str(),
  addressDetail: str(),
  phone: str(),
  email: str(),
  contactKana: str(),
  contact: str(),
});
const keyFileSchema = z.object({
  format: z.literal(KEYFILE_FORMAT),
  userSystemCode: required(),
  serverName: str(),
  customer: customerSchema,
  machine: z.object({ deviceCode: str(), serialNumber: str(), warrantyNumber: str() }),
  destinations: z.object({
    mail: str().optional(),
    url1: str(600).optional(),
    url2: str(600).optional(),
    dialupPrimary: str().optional(),
    dialupSecondary: str().optional(),
  }),
  centerCertificate: z
    .string()
    .max(MAX_PEM)
    .refine((v) => v.includes('-----BEGIN CERTIFICATE-----'), { error: 'pem' }),
  expiry: date(),
  issuedAt: date(),
}) satisfies z.ZodType<KeyFilePayload>;

const extensionSchema = z.object({
  format: z.literal(EXTENSION_FORMAT),
  userSystemCode: required(),
  expiry: date(),
  issuedAt: date(),
}) satisfies z.ZodType<ExtensionPayload>;

function reasonOf(issue: z.core.$ZodIssue): LocalizedText {
  switch (issue.code) {
    case 'invalid_type':
      return text(`ないか、型が違います(${issue.expected} が必要です)`, `it is missing or not a ${issue.expected}`);
    case 'too_big':
      return text(`${String(issue.maximum)} 文字を超えています`, `it is longer than ${String(issue.maximum)} characters`);
    case 'too_small':
      return text('空です', 'it is empty');
    case 'invalid_value': {
      const values = issue.values.map(String).join(', ');
      return text(`次のいずれかが必要です: ${values}`, `it must be one of: ${values}`);
    }
    default:
      return TAG_REASON[issue.message] ?? text('正しくありません', 'it is not valid');
  }
}

/** Payload path -> the setting whose rules (length, character class, required, forbidden) the value must meet. */
const KEYFILE_RULES: ReadonlyArray<readonly [string, string]> = [
  ['userSystemCode', 'activation.userSystemCode'],
  ['serverName', 'machine.serverName'],
  ['expiry', 'activation.expiry'],
  ...['nameKana', 'name', 'department', 'postalCode', 'addressKana', 'address', 'addressDetail', 'phone', 'email', 'contactKana', 'contact'].map(
    (k) => [`customer.${k}`, `customer.${k}`] as const,
  ),
  ...['deviceCode', 'serialNumber', 'warrantyNumber'].map((k) => [`machine.${k}`, `machine.${k}`] as const),
  ['destinations.mail', 'mail.to'],
  ['destinations.dialupPrimary', 'dialup.primary.number'],
  ['destinations.dialupSecondary', 'dialup.secondary.number'],
];
const EXTENSION_RULES: ReadonlyArray<readonly [string, string]> = [
  ['userSystemCode', 'activation.userSystemCode'],
  ['expiry', 'activation.expiry'],
];

function at(value: unknown, path: string): unknown {
  let v = value;
  for (const part of path.split('.')) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[part] : undefined;
  return v;
}

function fieldProblem(format: DocumentFormat, field: string, reason: LocalizedText, file: string | undefined): Problem {
  return problem('ER_3040', { what: WHAT[format], field, reason }, file === undefined ? { field } : { field, file, line: 1 });
}

/** The settings' rules, seen as by a key-file activation of this customer type. */
function settingsRules(format: DocumentFormat, data: object, rules: ReadonlyArray<readonly [string, string]>, file?: string): Problem[] {
  const view = {
    get: (key: string) => (key === 'activation.method' ? 'keyfile' : key === 'customer.type' ? (at(data, 'customer.type') as string) : undefined),
  };
  const out: Problem[] = [];
  for (const [path, key] of rules) {
    const value = at(data, path);
    const def = settingDef(key);
    if (typeof value !== 'string' || def === undefined) continue;
    const first = validateSetting(def, value, view)[0];
    if (first) out.push(fieldProblem(format, path, first.message, file));
  }
  return out;
}

function check<T extends object>(schema: z.ZodType<T>, format: DocumentFormat, json: unknown, file?: string): Checked<'payload', T> {
  const r = schema.safeParse(json);
  if (!r.success) {
    return { ok: false, problems: r.error.issues.map((i) => fieldProblem(format, i.path.join('.') || '(payload)', reasonOf(i), file)) };
  }
  const problems = settingsRules(format, r.data, format === KEYFILE_FORMAT ? KEYFILE_RULES : EXTENSION_RULES, file);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, payload: r.data };
}

/** Every field of a key file payload (ER_3040 naming the field). `file` locates the problems when given. */
export function checkPayload(json: unknown, file?: string): Checked<'payload', KeyFilePayload> {
  const r = check(keyFileSchema, KEYFILE_FORMAT, json, file);
  if (!r.ok) return r;
  const urls: Problem[] = [];
  for (const k of ['url1', 'url2'] as const) {
    const url = r.payload.destinations[k];
    const c = url === undefined ? undefined : checkUrl(url);
    if (c && !c.ok) urls.push(fieldProblem(KEYFILE_FORMAT, `destinations.${k}`, message(c.code, c.params), file));
  }
  return urls.length > 0 ? { ok: false, problems: urls } : r;
}

/** Every field of an extension key payload. */
export function checkExtensionPayload(json: unknown, file?: string): Checked<'payload', ExtensionPayload> {
  return check(extensionSchema, EXTENSION_FORMAT, json, file);
}
