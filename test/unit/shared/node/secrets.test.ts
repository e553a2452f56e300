import { chmod, mkdtemp, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CodedError } from '../../../../shared/node/coded-error.js';
import {
  ensureServiceKey,
  isSealed,
  keyIdOf,
  loadPrivateKey,
  loadPublicKey,
  openSealed,
  redact,
  seal,
  serviceKeyPaths,
  type ServiceKey,
} from '../../../../shared/node/secrets.js';

let state: string;
beforeEach(async () => {
  state = await mkdtemp(join(tmpdir(), 'er-secrets-'));
});
afterEach(async () => {
  await rm(state, { recursive: true, force: true });
});

function codedOf(fn: () => unknown): CodedError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CodedError);
    return e as CodedError;
  }
  throw new Error('expected a CodedError');
}
async function codedOfAsync(p: Promise<unknown>): Promise<CodedError> {
  const e: unknown = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(CodedError);
  return e as CodedError;
}
const modeOf = async (p: string): Promise<number> => (await stat(p)).mode & 0o777;

describe('service key files', () => {
  it('creates the key pair with private 0600, public 0644, folder 0700', async () => {
    const key = await ensureServiceKey(state);
    const paths = serviceKeyPaths(state);
    expect(await modeOf(paths.dir)).toBe(0o700);
    expect(await modeOf(paths.privateKey)).toBe(0o600);
    expect(await modeOf(paths.publicKey)).toBe(0o644);
    expect(await readFile(paths.publicKey, 'utf8')).toBe(key.publicKeyPem);
    expect(key.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(keyIdOf(key.publicKeyPem)).toBe(key.keyId);
    expect(await loadPublicKey(state)).toEqual(key);
  });

  it('is idempotent: a second call keeps the same key', async () => {
    const first = await ensureServiceKey(state);
    const privatePem = await loadPrivateKey(state);
    const second = await ensureServiceKey(state);
    expect(second).toEqual(first);
    expect(await loadPrivateKey(state)).toBe(privatePem);
  });

  it('never replaces the private key; rewrites a missing public key from it and tightens a loose mode', async () => {
    const first = await ensureServiceKey(state);
    const paths = serviceKeyPaths(state);
    await unlink(paths.publicKey);
    await chmod(paths.privateKey, 0o644);
    await chmod(paths.dir, 0o755);
    expect(await ensureServiceKey(state)).toEqual(first);
    expect(await readFile(paths.publicKey, 'utf8')).toBe(first.publicKeyPem);
    expect(await modeOf(paths.privateKey)).toBe(0o600);
    expect(await modeOf(paths.dir)).toBe(0o700);
  });

  it('two racing first calls agree on one key', async () => {
    const [a, b] = await Promise.all([ensureServiceKey(state), ensureServiceKey(state)]);
    expect(a).toEqual(b);
    expect(await loadPublicKey(state)).toEqual(a);
  });

  it('throws ER_1007 naming the path when a key is missing', async () => {
    const paths = serviceKeyPaths(state);
    const pub = await codedOfAsync(loadPublicKey(state));
    expect(pub.problem.code).toBe('ER_1007');
    expect(pub.problem.message.en).toContain(paths.publicKey);
    const priv = await codedOfAsync(loadPrivateKey(state));
    expect(priv.problem.code).toBe('ER_1007');
    expect(priv.problem.message.en).toContain(paths.privateKey);
  });

  it('throws ER_1010 for a key file that is not an X25519 key', async () => {
    await ensureServiceKey(state);
    await writeFile(serviceKeyPaths(state).publicKey, 'not a key');
    expect((await codedOfAsync(loadPublicKey(state))).problem.code).toBe('ER_1010');
    expect(codedOf(() => seal('x', 'not a key')).problem.code).toBe('ER_1010');
  });
});

describe('seal and openSealed', () => {
  let key: ServiceKey;
  let privatePem: string;
  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'er-secrets-shared-'));
    key = await ensureServiceKey(dir);
    privatePem = await loadPrivateKey(dir);
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips, and names the key it was sealed to', () => {
    const sealed = seal('p@ssw0rd', key.publicKeyPem);
    expect(sealed.startsWith(`sealed:v1:${key.keyId}:`)).toBe(true);
    expect(isSealed(sealed)).toBe(true);
    expect(openSealed(sealed, privatePem)).toBe('p@ssw0rd');
    expect(openSealed(seal('', key.publicKeyPem), privatePem)).toBe('');
  });

  it('gives a different string every time', () => {
    expect(seal('same', key.publicKeyPem)).not.toBe(seal('same', key.publicKeyPem));
  });

  it('refuses a value sealed to another key (ER_1006, other key)', async () => {
    const other = await ensureServiceKey(state);
    const err = codedOf(() => openSealed(seal('secret', other.publicKeyPem), privatePem));
    expect(err.problem.code).toBe('ER_1006');
    expect(err.problem.message.en).toContain('other key');
    expect(err.problem.message.en).toContain(other.keyId);
  });

  it('refuses tampered values (ER_1006)', () => {
    const sealed = seal('secret', key.publicKeyPem);
    const head = sealed.slice(0, sealed.lastIndexOf(':') + 1);
    const body = Buffer.from(sealed.slice(head.length), 'base64url');
    for (const at of [0, 32, 44, body.length - 1]) {
      // ephemeral key, iv, tag, ciphertext
      const changed = Buffer.from(body);
      changed[at] = (changed[at] ?? 0) ^ 0x01;
      const err = codedOf(() => openSealed(head + changed.toString('base64url'), privatePem));
      expect(err.problem.code).toBe('ER_1006');
      expect(err.problem.message.en).toContain('tampered');
    }
  });

  it('refuses malformed values (ER_1006)', () => {
    for (const bad of ['', 'secret', 'sealed:v1:', `sealed:v1:${key.keyId}:AAAA`, 'sealed:v2:0011223344556677:AAAA']) {
      const err = codedOf(() => openSealed(bad, privatePem));
      expect(err.problem.code).toBe('ER_1006');
      expect(err.problem.message.en).toContain('malformed');
    }
  });

  it('never shows the plaintext in the sealed string, and always opens it again', () => {
    const units = fc.constantFrom('a', 'Z', '9', '-', '_', 'パ', 'ス', 'ワ', 'ー', 'ド', 'ｱ', '鍵');
    const secretText = fc.string({ unit: units, minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(fc.oneof(secretText, fc.string({ unit: 'grapheme', minLength: 1 })), (plain) => {
        const sealed = seal(plain, key.publicKeyPem);
        const body = sealed.slice(sealed.lastIndexOf(':') + 1);
        // Short strings can turn up in base64 text by chance; 8 characters cannot (about 1 in 10^13).
        if (plain.length >= 8) {
          expect(sealed).not.toContain(plain);
          expect(body).not.toContain(Buffer.from(plain, 'utf8').toString('base64url'));
        }
        expect(openSealed(sealed, privatePem)).toBe(plain);
      }),
      { numRuns: 300 },
    );
  });
});

describe('isSealed and redact', () => {
  it('tells sealed values of any version from clear text', () => {
    expect(isSealed('sealed:v2:abc')).toBe(true);
    expect(isSealed('password')).toBe(false);
    expect(isSealed('sealed')).toBe(false);
  });

  it('shows only whether a secret is set', () => {
    expect(redact('p@ss')).toBe('(set)');
    expect(redact('')).toBe('');
    expect(redact(undefined)).toBe('');
  });
});
