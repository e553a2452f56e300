/**
 * The secrets of a transfer export, sealed with a passphrase (never the machine-bound sealed values, which only this
 * machine's service key opens). scrypt (memory-hard: N 2^17, r 8, p 1, 128 MiB) derives 64 bytes from the passphrase
 * and a random salt: the first 32 are the AES-256-GCM key of secrets.json, the last 32 an HMAC-SHA256 key. The HMAC of
 * a fixed text is the passphrase's check value (a wrong passphrase is named as such, ER_3518), and the HMAC over the
 * manifest (which holds every entry's digest) seals the whole file: one altered byte anywhere is ER_3519.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { text } from '../../messages/text.js';
import { MIN_PASSPHRASE, type KdfParams, type Manifest, type SecretsEntry } from '../../transfer/format.js';
import { readFileBounded } from '../bounded-read.js';
import { codedError, isCodedError, reasonOf } from '../coded-error.js';

export const KDF_DEFAULTS = { N: 2 ** 17, r: 8, p: 1 } as const;
/** A reader never derives with more than this: an export cannot make the reader spend gigabytes. */
const MAX_N = 2 ** 20;
const CHECK_TEXT = 'express-report transfer v1 passphrase check';
const AAD = Buffer.from('express-report transfer v1 secrets', 'utf8');

export interface TransferKeys {
  kdf: KdfParams;
  enc: Buffer;
  mac: Buffer;
}

/** The passphrase: the file's first line (its line end dropped); at least 8 characters. Never printed. */
export async function readPassphraseFile(path: string): Promise<string> {
  let bytes: Uint8Array | undefined;
  try {
    bytes = await readFileBounded(path, 4096);
  } catch (e) {
    throw codedError('ER_3501', { path, reason: isCodedError(e) ? e.problem.message : reasonOf(e) }, {}, e);
  }
  if (!bytes) throw codedError('ER_3501', { path, reason: text('ファイルがありません', 'no such file') });
  const pass = Buffer.from(bytes).toString('utf8').split(/\r?\n/)[0] ?? '';
  if ([...pass].length < MIN_PASSPHRASE)
    throw codedError('ER_3501', { path, reason: text(`${MIN_PASSPHRASE} 文字以上必要です`, `it needs at least ${MIN_PASSPHRASE} characters`) });
  return pass;
}

function derive(passphrase: string, kdf: KdfParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      passphrase.normalize('NFC'),
      Buffer.from(kdf.salt, 'base64'),
      64,
      { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 1024 * 1024 },
      (e, key) => (e ? reject(e) : resolve(key)),
    );
  });
}

export async function newTransferKeys(passphrase: string): Promise<TransferKeys> {
  const kdf: KdfParams = { name: 'scrypt', ...KDF_DEFAULTS, salt: randomBytes(16).toString('base64') };
  const key = await derive(passphrase, kdf);
  return { kdf, enc: key.subarray(0, 32), mac: key.subarray(32) };
}

/** The keys of an export's parameters; refuses parameters beyond what we ever write (ER_3510). */
export async function transferKeys(passphrase: string, kdf: KdfParams, file: string): Promise<TransferKeys> {
  const pow2 = (kdf.N & (kdf.N - 1)) === 0;
  if (!pow2 || kdf.N > MAX_N || kdf.r > 32 || kdf.p > 16)
    throw codedError('ER_3510', { file, reason: text('鍵導出のパラメータが不正です', 'key derivation parameters out of range') });
  const key = await derive(passphrase, kdf);
  return { kdf, enc: key.subarray(0, 32), mac: key.subarray(32) };
}

export const checkValue = (k: TransferKeys): string => createHmac('sha256', k.mac).update(CHECK_TEXT).digest('base64');

/** JSON with every object's keys sorted, so writer and reader agree whatever order a parser keeps. */
const canonical = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(canonical).join(',')}]`
    : v !== null && typeof v === 'object'
      ? `{${Object.keys(v)
          .sort()
          .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
          .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
          .join(',')}}`
      : JSON.stringify(v);

/** The manifest as the MAC covers it: its canonical JSON with `seal.mac` empty. */
function macInput(m: Manifest): string {
  return canonical({ ...m, seal: m.seal ? { ...m.seal, mac: '' } : undefined });
}

export const manifestMac = (k: TransferKeys, m: Manifest): string => createHmac('sha256', k.mac).update(macInput(m)).digest('base64');

const sameText = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Wrong passphrase (ER_3518), else an altered manifest (ER_3519); both before any secret is opened. */
export function verifySeal(k: TransferKeys, m: Manifest, file: string): void {
  if (!m.seal || !sameText(checkValue(k), m.seal.check)) throw codedError('ER_3518', { file });
  if (!sameText(manifestMac(k, m), m.seal.mac)) throw codedError('ER_3519', { file });
}

export function sealSecrets(k: TransferKeys, secrets: Record<string, string>): SecretsEntry {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', k.enc, nonce);
  cipher.setAAD(AAD);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(secrets), 'utf8'), cipher.final()]);
  return { nonce: nonce.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ciphertext: ciphertext.toString('base64') };
}

export function openSecrets(k: TransferKeys, e: SecretsEntry, file: string): Record<string, string> {
  try {
    const d = createDecipheriv('aes-256-gcm', k.enc, Buffer.from(e.nonce, 'base64'));
    d.setAAD(AAD);
    d.setAuthTag(Buffer.from(e.tag, 'base64'));
    const clear = Buffer.concat([d.update(Buffer.from(e.ciphertext, 'base64')), d.final()]).toString('utf8');
    const parsed = JSON.parse(clear) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Object.values(parsed).some((v) => typeof v !== 'string')) throw new Error('not a map of texts');
    return parsed as Record<string, string>;
  } catch (err) {
    throw codedError('ER_3519', { file }, {}, err);
  }
}
