/**
 * Verifies the activation key file (開局キーファイル) and the extension key (期限延長キー) against the center CA
 * (docs/key-file.md). Bad input never throws: every failure is a coded Problem located at the file, line 1.
 * Order: envelope -> signer issued by a trust anchor -> signer valid now -> signature over the exact payload bytes ->
 * payload fields -> expiry. The payload is not even parsed before the signature holds, so a forged file gets no
 * further than "altered".
 */
import { X509Certificate, constants, verify as verifySignature } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { EXTENSION_FORMAT, KEYFILE_FORMAT, type ExtensionPayload, type KeyFilePayload, type KeyFileSummary } from '../../keyfile/model.js';
import { WHAT, checkExtensionPayload, checkPayload, notDocument, parseEnvelope, type DocumentFormat } from '../../keyfile/parse.js';
import { problem, type Problem } from '../../messages/problem.js';
import { text } from '../../messages/text.js';
import { codedError, reasonOf } from '../coded-error.js';

/** The CA certificates a signer must be issued by. */
export interface TrustAnchors {
  readonly certificates: readonly X509Certificate[];
  /** The files they came from (for the log). */
  readonly sources: readonly string[];
}

export const KEYFILE_CA_FILE = 'keyfile-ca.pem';
/** Extra trust anchors for test centers: CA PEM files separated by the platform path delimiter (`;` or `:`). */
export const KEYFILE_CA_ENV = 'EXPRESS_REPORT_KEYFILE_CA';

/** RSA-PSS with SHA-256, MGF1-SHA-256 and a salt as long as the digest (32 bytes), fixed so nothing is negotiated. */
export const PSS_SALT_LENGTH = 32;
/** A key file is a few KB; anything far larger is not one and is refused before parsing. */
const MAX_BYTES = 1_048_576;

const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

function readAnchors(path: string): X509Certificate[] {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (e) {
    throw codedError('ER_1001', { path, reason: reasonOf(e) }, {}, e);
  }
  const blocks = pem.match(PEM_CERT) ?? [];
  if (blocks.length === 0) throw codedError('ER_1009', { path, reason: 'no PEM certificate' });
  return blocks.map((b) => {
    try {
      return new X509Certificate(b);
    } catch (e) {
      throw codedError('ER_1009', { path, reason: reasonOf(e) }, {}, e);
    }
  });
}

/**
 * `resources/keyfile-ca.pem` plus extra CA files (each may hold several certificates). A missing or unreadable CA
 * file is a broken installation, not bad input: it throws a CodedError (ER_1001 / ER_1009).
 */
export function loadTrustAnchors(resourcesDir: string, extraPemPaths: readonly string[] = []): TrustAnchors {
  const sources = [join(resourcesDir, KEYFILE_CA_FILE), ...extraPemPaths];
  return { certificates: sources.flatMap(readAnchors), sources };
}

/** loadTrustAnchors with the extra CA files named by EXPRESS_REPORT_KEYFILE_CA (test centers only). */
export function trustFromEnv(resourcesDir: string, env: Readonly<Record<string, string | undefined>> = process.env): TrustAnchors {
  const extra = (env[KEYFILE_CA_ENV] ?? '')
    .split(delimiter)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return loadTrustAnchors(resourcesDir, extra);
}

// ---- helpers

const utf8 = new TextDecoder('utf-8', { fatal: true });
function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** `C=JP\nO=...\nCN=...` as one line. */
const subjectOf = (c: X509Certificate): string => c.subject.split('\n').join(', ');
const isoDay = (d: Date): string => (Number.isNaN(d.getTime()) ? '?' : d.toISOString().slice(0, 10));
/** The local calendar day: the expiry is the last day of the service where the server is. */
const localDay = (d: Date): string =>
  `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

function issuedBy(signer: X509Certificate, ca: X509Certificate): boolean {
  try {
    return signer.checkIssued(ca) && signer.verify(ca.publicKey);
  } catch {
    return false;
  }
}

function signatureHolds(data: Uint8Array, signature: Uint8Array, signer: X509Certificate): boolean {
  try {
    if (signer.publicKey.asymmetricKeyType !== 'rsa') return false;
    const key = { key: signer.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: PSS_SALT_LENGTH };
    return verifySignature('sha256', data, key, signature);
  } catch {
    return false;
  }
}

type Opened = { ok: true; json: unknown; signer: string } | { ok: false; problems: Problem[] };

/** Envelope, chain, validity and signature; the payload JSON only once the signature holds. */
function open(bytes: Uint8Array, format: DocumentFormat, trust: TrustAnchors, now: Date, file: string): Opened {
  const what = WHAT[format];
  const at = { file, line: 1 };
  const fail = (p: Problem): Opened => ({ ok: false, problems: [p] });
  if (bytes.length > MAX_BYTES) return fail(notDocument(format, text('大きすぎます', 'it is far too large'), file));
  const textIn = decodeUtf8(bytes);
  if (textIn === undefined) return fail(notDocument(format, text('UTF-8 のテキストではありません', 'it is not UTF-8 text'), file));
  const env = parseEnvelope(textIn, file, format);
  if (!env.ok) return env;
  let signer: X509Certificate;
  try {
    signer = new X509Certificate(env.envelope.signer);
  } catch {
    return fail(notDocument(format, text('署名者の証明書を読めません', 'the signer certificate cannot be read'), file));
  }
  if (!trust.certificates.some((ca) => issuedBy(signer, ca))) return fail(problem('ER_3037', { what, signer: subjectOf(signer) }, at));
  const from = new Date(signer.validFrom);
  const to = new Date(signer.validTo);
  if (!(now.getTime() >= from.getTime() && now.getTime() <= to.getTime())) {
    return fail(problem('ER_3038', { what, from: isoDay(from), to: isoDay(to) }, at));
  }
  const payload = Buffer.from(env.envelope.payload, 'base64');
  if (!signatureHolds(payload, Buffer.from(env.envelope.signature, 'base64'), signer)) return fail(problem('ER_3036', { what }, at));
  // Signed but unreadable: the center made it wrong, which the user can only report.
  const payloadText = decodeUtf8(payload);
  try {
    if (payloadText === undefined) throw new Error('not UTF-8');
    return { ok: true, json: JSON.parse(payloadText) as unknown, signer: subjectOf(signer) };
  } catch {
    return fail(notDocument(format, text('署名された内容が JSON ではありません', 'the signed content is not JSON'), file));
  }
}

/** Last resort, so a bug here still reaches the user as a coded message instead of a crash. */
function guarded<T>(format: DocumentFormat, file: string, run: () => T | { ok: false; problems: Problem[] }): T | { ok: false; problems: Problem[] } {
  try {
    return run();
  } catch (e) {
    return { ok: false, problems: [notDocument(format, text(`検証できません: ${reasonOf(e)}`, `it cannot be verified: ${reasonOf(e)}`), file)] };
  }
}

// ---- the two documents

export type KeyFileResult = { ok: true; payload: KeyFilePayload; summary: KeyFileSummary } | { ok: false; problems: Problem[] };

/** The key file as read from disk. `file` names it in the problems. */
export function verifyKeyFile(bytes: Uint8Array, trust: TrustAnchors, now: Date = new Date(), file = 'keyfile'): KeyFileResult {
  return guarded<KeyFileResult>(KEYFILE_FORMAT, file, () => {
    const opened = open(bytes, KEYFILE_FORMAT, trust, now, file);
    if (!opened.ok) return opened;
    const checked = checkPayload(opened.json, file);
    if (!checked.ok) return checked;
    const { centerCertificate, ...rest } = checked.payload;
    let center: X509Certificate;
    try {
      center = new X509Certificate(centerCertificate);
    } catch {
      const reason = text('証明書として読めません', 'it cannot be read as a certificate');
      return {
        ok: false,
        problems: [problem('ER_3040', { what: WHAT[KEYFILE_FORMAT], field: 'centerCertificate', reason }, { field: 'centerCertificate', file, line: 1 })],
      };
    }
    if (rest.expiry < localDay(now)) {
      return { ok: false, problems: [problem('ER_3039', { what: WHAT[KEYFILE_FORMAT], expiry: rest.expiry }, { field: 'expiry', file, line: 1 })] };
    }
    return { ok: true, payload: checked.payload, summary: { ...rest, signer: opened.signer, centerCertificateSubject: subjectOf(center) } };
  });
}

export type ExtensionResult = { ok: true; payload: ExtensionPayload; signer: string } | { ok: false; problems: Problem[] };

/** What the extension key is checked against: this server's activation. An empty expiry means none is known yet. */
export interface CurrentActivation {
  userSystemCode: string;
  expiry: string;
}

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/**
 * The extension key as pasted: the JSON envelope, or the same JSON as one line of base64url (line breaks and spaces
 * a mail program may add are ignored).
 */
export function verifyExtensionKey(
  textIn: string,
  trust: TrustAnchors,
  current: CurrentActivation,
  now: Date = new Date(),
  file = 'extension-key',
): ExtensionResult {
  return guarded<ExtensionResult>(EXTENSION_FORMAT, file, () => {
    const t = textIn.replace(/^\uFEFF/, '').trim();
    const compact = t.replace(/\s+/g, '');
    if (!t.startsWith('{') && !BASE64URL.test(compact)) {
      const reason = text('JSON でも 1 行の base64url でもありません', 'it is neither JSON nor one line of base64url');
      return { ok: false, problems: [notDocument(EXTENSION_FORMAT, reason, file)] };
    }
    const bytes = t.startsWith('{') ? Buffer.from(t, 'utf8') : Buffer.from(compact, 'base64url');
    const opened = open(bytes, EXTENSION_FORMAT, trust, now, file);
    if (!opened.ok) return opened;
    const checked = checkExtensionPayload(opened.json, file);
    if (!checked.ok) return checked;
    const { payload } = checked;
    const at = { file, line: 1 };
    if (payload.userSystemCode !== current.userSystemCode) {
      return { ok: false, problems: [problem('ER_3041', { other: payload.userSystemCode, code: current.userSystemCode }, { ...at, field: 'userSystemCode' })] };
    }
    if (payload.expiry < localDay(now)) {
      return { ok: false, problems: [problem('ER_3039', { what: WHAT[EXTENSION_FORMAT], expiry: payload.expiry }, { ...at, field: 'expiry' })] };
    }
    if (current.expiry !== '' && payload.expiry <= current.expiry) {
      return { ok: false, problems: [problem('ER_3042', { expiry: payload.expiry, current: current.expiry }, { ...at, field: 'expiry' })] };
    }
    return { ok: true, payload, signer: opened.signer };
  });
}
