import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCodedError } from '../../../../../shared/node/coded-error.js';
import { loadTrustAnchors, trustFromEnv, verifyKeyFile } from '../../../../../shared/node/keyfile/verify.js';
import { makeCa, makeSigner, samplePayload, signEnvelope, signKeyFile } from '../../../../fixtures/keyfile/generate.js';
import { tempDirs } from '../../../../helpers/tmp.js';
import {
  NOW,
  RESOURCES,
  SAMPLE_EXPIRY,
  TEST_CA_PEM,
  centerPem,
  envelopeOf,
  envelopeText,
  expectCode,
  fixture,
  fixtureSigner,
  fixtureText,
  testCa,
  testTrust,
} from '../../keyfile/helpers.js';

const trust = testTrust();
const enc = (s: string): Buffer => Buffer.from(s, 'utf8');

describe('a valid key file', () => {
  it('verifies, and the summary has every field but the certificate itself', () => {
    const r = verifyKeyFile(fixture('sample.key'), trust, NOW, 'sample.key');
    expect(r.ok, JSON.stringify(r)).toBe(true);
    if (!r.ok) return;
    expect(r.payload.centerCertificate).toContain('-----BEGIN CERTIFICATE-----');
    const s = r.summary;
    expect(s).toMatchObject({
      format: 'express-report-keyfile/1',
      userSystemCode: 'ER12345678',
      serverName: 'SERVER001',
      expiry: SAMPLE_EXPIRY,
      customer: { type: 'corporate', nameKana: 'ﾆﾁﾃﾞﾝ ﾀﾛｳ', name: '日電　太郎', postalCode: '0123456', phone: '0123-45-6789', email: 'aaa@bbb.co.jp' },
      machine: { deviceCode: 'N8100-1234', serialNumber: '00000001', warrantyNumber: '99999999' },
      destinations: { mail: 'center@example.jp', url1: 'https://127.0.0.1:8443/Scripts/trsRecvAlert.cgi' },
    });
    expect(s.signer).toContain('CN=Express Report Key File Signer (test)');
    expect(s.centerCertificateSubject).toContain('CN=Express Report Reception Center (test)');
    expect(s).not.toHaveProperty('centerCertificate');
  });

  it('the mismatch sample carries another server name', () => {
    const r = verifyKeyFile(fixture('sample-mismatch.key'), trust, NOW);
    expect(r.ok && r.summary.serverName).toBe('OTHERSRV');
  });

  it('a byte order mark in front is fine', () => {
    expect(verifyKeyFile(enc(`\uFEFF${fixtureText('sample.key')}`), trust, NOW).ok).toBe(true);
  });
});

describe('a damaged or forged key file', () => {
  it('one flipped bit in the payload: the signature no longer matches', () => {
    const e = envelopeOf(fixtureText('sample.key'));
    for (const i of [0, 200, e.payload.length - 1]) {
      const payload = Buffer.from(e.payload);
      payload[i] = (payload[i] ?? 0) ^ 0x01;
      expectCode(verifyKeyFile(enc(envelopeText({ ...e, payload })), trust, NOW, 'k.key'), 'ER_3036', 'k.key');
    }
  });

  it('one flipped bit in the signature', () => {
    const e = envelopeOf(fixtureText('sample.key'));
    const signature = Buffer.from(e.signature);
    signature[10] = (signature[10] ?? 0) ^ 0x80;
    expectCode(verifyKeyFile(enc(envelopeText({ ...e, signature })), trust, NOW), 'ER_3036');
  });

  it('a signer from another CA, even one with the same name, is not the center', () => {
    const payload = samplePayload(centerPem(), SAMPLE_EXPIRY, '2026-01-01');
    for (const name of ['Some Other CA', 'Express Report Test CA']) {
      const p = expectCode(verifyKeyFile(enc(signKeyFile(payload, makeSigner(makeCa(name)))), trust, NOW, 'x.key'), 'ER_3037', 'x.key');
      expect(p.message.en).toContain('Express Report Key File Signer (test)');
    }
  });

  it('a signer certificate out of its validity period (expired, not yet valid)', () => {
    const payload = samplePayload(centerPem(), SAMPLE_EXPIRY, '2026-01-01');
    const expired = makeSigner(testCa(), { notBefore: new Date('2020-01-01'), notAfter: new Date('2021-01-01') });
    const p = expectCode(verifyKeyFile(enc(signKeyFile(payload, expired)), trust, NOW), 'ER_3038');
    expect(p.message.ja).toContain('2020-01-01~2021-01-01');
    const future = makeSigner(testCa(), { notBefore: new Date('2040-01-01'), notAfter: new Date('2041-01-01') });
    expectCode(verifyKeyFile(enc(signKeyFile(payload, future)), trust, NOW), 'ER_3038');
  });

  it('a key file past its own expiry; its last day still counts', () => {
    const bytes = fixture('sample.key');
    expectCode(verifyKeyFile(bytes, trust, new Date(2099, 0, 1, 9)), 'ER_3039');
    expect(verifyKeyFile(bytes, trust, new Date(2098, 11, 31, 23, 59)).ok).toBe(true);
  });

  it('a center certificate that does not parse is a field problem', () => {
    const payload = {
      ...samplePayload(centerPem(), SAMPLE_EXPIRY, '2026-01-01'),
      centerCertificate: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n',
    };
    const p = expectCode(verifyKeyFile(enc(signKeyFile(payload, fixtureSigner())), trust, NOW), 'ER_3040');
    expect(p.field).toBe('centerCertificate');
  });
});

describe('not a key file at all', () => {
  const cases: Array<[string, Uint8Array]> = [
    ['empty', new Uint8Array()],
    ['not UTF-8', Uint8Array.from([0xff, 0xfe, 0x00, 0x7b])],
    ['not JSON', enc('[URL1]\nURL=https://x\n')],
    ['JSON but not an object', enc('[1,2,3]')],
    ['no signature', enc(JSON.stringify({ ...(JSON.parse(fixtureText('sample.key')) as object), signature: undefined }))],
    ['payload not base64', enc(JSON.stringify({ ...(JSON.parse(fixtureText('sample.key')) as object), payload: 'not base64!' }))],
    ['an extension key', enc(Buffer.from(fixtureText('sample-extension.txt').trim(), 'base64url').toString('utf8'))],
    ['another format', enc(fixtureText('sample.key').replace('express-report-keyfile/1', 'express-report-keyfile/2'))],
    ['a garbled signer certificate', enc(fixtureText('sample.key').replace(/MII/g, 'MIX'))],
  ];
  it.each(cases)('%s: ER_3035 at line 1 of the file', (_name, bytes) => {
    expectCode(verifyKeyFile(bytes, trust, NOW, 'in.key'), 'ER_3035', 'in.key');
  });

  it('signed content that is not JSON', () => {
    expectCode(verifyKeyFile(enc(signEnvelope('express-report-keyfile/1', 'hello', fixtureSigner())), trust, NOW), 'ER_3035');
  });
});

describe('trust anchors', () => {
  const tmp = tempDirs();

  it('the production CA alone does not accept the test key file; adding the test CA does', () => {
    expectCode(verifyKeyFile(fixture('sample.key'), loadTrustAnchors(RESOURCES), NOW), 'ER_3037');
    expect(verifyKeyFile(fixture('sample.key'), loadTrustAnchors(RESOURCES, [TEST_CA_PEM]), NOW).ok).toBe(true);
  });

  it(`EXPRESS_REPORT_KEYFILE_CA adds CA files separated by "${delimiter}"`, async () => {
    const dir = await tmp();
    const other = join(dir, 'other-ca.pem');
    writeFileSync(other, makeCa('Another Test Center CA').certPem);
    expectCode(verifyKeyFile(fixture('sample.key'), trustFromEnv(RESOURCES, {}), NOW), 'ER_3037');
    const t = trustFromEnv(RESOURCES, { EXPRESS_REPORT_KEYFILE_CA: `${other}${delimiter}${TEST_CA_PEM}${delimiter}` });
    expect(t.certificates).toHaveLength(3);
    expect(verifyKeyFile(fixture('sample.key'), t, NOW).ok).toBe(true);
  });

  it('a bundle file may hold several certificates', async () => {
    const dir = await tmp();
    const bundle = join(dir, 'bundle.pem');
    writeFileSync(bundle, `${makeCa('First').certPem}${readFileSync(TEST_CA_PEM, 'utf8')}`);
    expect(verifyKeyFile(fixture('sample.key'), loadTrustAnchors(RESOURCES, [bundle]), NOW).ok).toBe(true);
  });

  it('a missing or unreadable CA file is a coded error (a broken installation)', async () => {
    const dir = await tmp();
    const codeOf = (): unknown => {
      try {
        loadTrustAnchors(dir);
      } catch (e) {
        return isCodedError(e) ? e.code : e;
      }
      return 'no error';
    };
    expect(codeOf()).toBe('ER_1001');
    writeFileSync(join(dir, 'keyfile-ca.pem'), 'not a certificate');
    expect(codeOf()).toBe('ER_1009');
  });

  it('resources/ holds no private key: nothing in the repository can sign production key files', () => {
    const files = readdirSync(RESOURCES, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    expect(files.map((f) => f.name)).toContain('keyfile-ca.pem');
    for (const f of files) expect(readFileSync(join(f.parentPath, f.name)).toString('latin1'), f.name).not.toMatch(/PRIVATE KEY/);
  });
});
