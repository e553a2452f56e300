/**
 * Secrets at rest (docs/design.md section 5). The service owns an X25519 key pair in its state folder; anyone who can read
 * the public key (the settings window, the command line) seals a secret to it, and only the service (root/SYSTEM,
 * the only reader of the private key) can open it. A settings file then holds `password=sealed:v1:...`, never clear
 * text.
 *
 * sealed:v1:<keyId>:<base64url(ephemeral public 32 | iv 12 | tag 16 | ciphertext)>
 *   key = HKDF-SHA256(X25519(ephemeral, service), salt = ephemeral public | service public, info = INFO), 32 bytes
 *   AES-256-GCM with AAD = "sealed:v1:<keyId>", so the header cannot be swapped onto another value.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { text, type LocalizedText } from '../messages/text.js';
import { writeFileAtomic, readFileIfExists } from './atomic-write.js';
import { codedError, errnoCode, isCodedError, reasonOf, type CodedError } from './coded-error.js';

export interface ServiceKey {
  publicKeyPem: string;
  /** First 16 hex digits of SHA-256 over the DER public key: names the key a value was sealed to. */
  keyId: string;
}

const PREFIX = 'sealed:v1:';
const INFO = 'express-report sealed v1';
const SEALED = /^sealed:v1:([0-9a-f]{16}):([A-Za-z0-9_-]+)$/;
const RAW = 32;
const IV = 12;
const TAG = 16;

export function serviceKeyPaths(stateDir: string): { dir: string; privateKey: string; publicKey: string } {
  const dir = join(stateDir, 'keys');
  return { dir, privateKey: join(dir, 'service-key.pem'), publicKey: join(dir, 'service-key.pub.pem') };
}

function rawPublic(key: KeyObject): Buffer {
  const { x } = key.export({ format: 'jwk' });
  if (typeof x !== 'string') throw new Error('not an X25519 key');
  return Buffer.from(x, 'base64url');
}

function keyIdOfKey(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

function requireX25519(key: KeyObject): KeyObject {
  if (key.asymmetricKeyType !== 'x25519') throw new Error(`an ${key.asymmetricKeyType ?? 'unknown'} key, not X25519`);
  return key;
}

function parsePublic(pem: string, where: string): KeyObject {
  try {
    return requireX25519(createPublicKey(pem));
  } catch (e) {
    throw codedError('ER_1010', { path: where, reason: reasonOf(e) }, {}, e);
  }
}

function parsePrivate(pem: string, where: string): KeyObject {
  try {
    return requireX25519(createPrivateKey(pem));
  } catch (e) {
    throw codedError('ER_1010', { path: where, reason: reasonOf(e) }, {}, e);
  }
}

function publicPemOf(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'pem' }).toString();
}

export function keyIdOf(publicKeyPem: string): string {
  return keyIdOfKey(parsePublic(publicKeyPem, 'service-key.pub.pem'));
}

function deriveKey(shared: Buffer, ephemeralRaw: Buffer, recipientRaw: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephemeralRaw, recipientRaw]), INFO, 32));
}

/** Seal `plaintext` to the service's public key. Every call gives a different string (fresh ephemeral key and iv). */
export function seal(plaintext: string, publicKeyPem: string): string {
  const recipient = parsePublic(publicKeyPem, 'service-key.pub.pem');
  const keyId = keyIdOfKey(recipient);
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralRaw = rawPublic(ephemeral.publicKey);
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipient });
  const iv = randomBytes(IV);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(shared, ephemeralRaw, rawPublic(recipient)), iv);
  cipher.setAAD(Buffer.from(PREFIX + keyId, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const body = Buffer.concat([ephemeralRaw, iv, cipher.getAuthTag(), ciphertext]);
  return `${PREFIX}${keyId}:${body.toString('base64url')}`;
}

/** Looks like a sealed value of any version (so a future `sealed:v2:` is never mistaken for a clear password). */
export function isSealed(value: string): boolean {
  return /^sealed:v\d+:/.test(value);
}

const REASON = {
  malformed: text('形式が正しくありません', 'malformed'),
  otherKey: (id: string): LocalizedText => text(`別の鍵 ${id} で暗号化されています`, `sealed to other key ${id}`),
  tampered: text('改ざんまたは破損しています', 'tampered or damaged'),
};

function cannotOpen(reason: LocalizedText, cause?: unknown): CodedError {
  return codedError('ER_1006', { reason }, {}, cause);
}

/** Open a value made by seal(). Throws CodedError ER_1006 (malformed, sealed to another key, or tampered). */
export function openSealed(value: string, privateKeyPem: string): string {
  const match = SEALED.exec(value);
  if (!match) throw cannotOpen(REASON.malformed);
  const [, keyId = '', encoded = ''] = match;
  const privateKey = parsePrivate(privateKeyPem, 'service-key.pem');
  const ownPublic = createPublicKey(privateKey);
  if (keyIdOfKey(ownPublic) !== keyId) throw cannotOpen(REASON.otherKey(keyId));
  const body = Buffer.from(encoded, 'base64url');
  if (body.length < RAW + IV + TAG) throw cannotOpen(REASON.malformed);
  const ephemeralRaw = body.subarray(0, RAW);
  const iv = body.subarray(RAW, RAW + IV);
  const tag = body.subarray(RAW + IV, RAW + IV + TAG);
  try {
    const jwk = { kty: 'OKP', crv: 'X25519', x: ephemeralRaw.toString('base64url') };
    const ephemeral = createPublicKey({ key: jwk, format: 'jwk' });
    const shared = diffieHellman({ privateKey, publicKey: ephemeral });
    const decipher = createDecipheriv('aes-256-gcm', deriveKey(shared, ephemeralRaw, rawPublic(ownPublic)), iv);
    decipher.setAAD(Buffer.from(PREFIX + keyId, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body.subarray(RAW + IV + TAG)), decipher.final()]).toString('utf8');
  } catch (e) {
    // A wrong tag, or an ephemeral key X25519 rejects (small order): either way not what seal() wrote.
    throw cannotOpen(REASON.tampered, e);
  }
}

/** What logs and exports show instead of a secret: whether one is set, never its value. */
export function redact(value: string | undefined): string {
  return value ? '(set)' : '';
}

async function readKeyFile(path: string): Promise<string> {
  const bytes = await readFileIfExists(path);
  if (bytes === undefined) throw codedError('ER_1007', { path });
  return Buffer.from(bytes).toString('utf8');
}

/** The service's public key, for sealing. ER_1007 if there is none yet, ER_1010 if it is not a usable key. */
export async function loadPublicKey(stateDir: string): Promise<ServiceKey> {
  const path = serviceKeyPaths(stateDir).publicKey;
  const key = parsePublic(await readKeyFile(path), path);
  return { publicKeyPem: publicPemOf(key), keyId: keyIdOfKey(key) };
}

async function readPrivate(path: string): Promise<{ pem: string; key: KeyObject }> {
  const pem = await readKeyFile(path);
  return { pem, key: parsePrivate(pem, path) };
}

/** The service's private key PEM, for openSealed(). ER_1007 if missing, ER_1001 if unreadable (not root/SYSTEM). */
export async function loadPrivateKey(stateDir: string): Promise<string> {
  return (await readPrivate(serviceKeyPaths(stateDir).privateKey)).pem;
}

/**
 * Create the service key pair if there is none; idempotent. The private key is the truth: the public file is
 * (re)written from it whenever it is missing or does not match, and an existing private key is never replaced.
 */
export async function ensureServiceKey(stateDir: string): Promise<ServiceKey> {
  const paths = serviceKeyPaths(stateDir);
  await mkdir(paths.dir, { recursive: true, mode: 0o700 });
  await chmod(paths.dir, 0o700); // mkdir's mode is filtered by the umask and ignored for an existing folder
  let privateKey: KeyObject;
  try {
    privateKey = (await readPrivate(paths.privateKey)).key;
  } catch (e) {
    if (!isCodedError(e, 'ER_1007')) throw e;
    const pem = generateKeyPairSync('x25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    try {
      await writeFileAtomic(paths.privateKey, pem, { mode: 0o600, exclusive: true });
    } catch (err) {
      // Another process created it first: use theirs, so both seal to the same key.
      if (!(err instanceof Error && errnoCode(err.cause) === 'EEXIST')) throw err;
    }
    privateKey = (await readPrivate(paths.privateKey)).key;
  }
  await chmod(paths.privateKey, 0o600);
  const publicKeyPem = publicPemOf(createPublicKey(privateKey));
  const current = await readFileIfExists(paths.publicKey);
  if (current === undefined || Buffer.from(current).toString('utf8') !== publicKeyPem) {
    await writeFileAtomic(paths.publicKey, publicKeyPem, { mode: 0o644 });
  }
  return { publicKeyPem, keyId: keyIdOfKey(createPublicKey(privateKey)) };
}
