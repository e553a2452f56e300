import { describe, expect, it } from 'vitest';
import type { ExtensionPayload } from '../../../../shared/keyfile/model.js';
import { verifyExtensionKey } from '../../../../shared/node/keyfile/verify.js';
import { SAMPLE_USER_SYSTEM_CODE, makeCa, makeSigner, signExtension } from '../../../fixtures/keyfile/generate.js';
import { NOW, SAMPLE_EXPIRY, expectCode, fixtureSigner, fixtureText, testTrust } from './helpers.js';

const trust = testTrust();
const current = { userSystemCode: SAMPLE_USER_SYSTEM_CODE, expiry: SAMPLE_EXPIRY };
const payload = (p: Partial<ExtensionPayload> = {}): ExtensionPayload => ({
  format: 'express-report-extension/1',
  userSystemCode: SAMPLE_USER_SYSTEM_CODE,
  expiry: '2099-12-31',
  issuedAt: '2026-01-01',
  ...p,
});

describe('extension key', () => {
  it('the one-line sample extends the sample key file to 2099-12-31', () => {
    const r = verifyExtensionKey(fixtureText('sample-extension.txt'), trust, current, NOW);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect(r.ok && r.payload).toMatchObject({ userSystemCode: SAMPLE_USER_SYSTEM_CODE, expiry: '2099-12-31' });
    expect(r.ok && r.signer).toContain('Key File Signer (test)');
  });

  it('the JSON form, and a line broken by a mail program, are accepted too', () => {
    const signer = fixtureSigner();
    expect(verifyExtensionKey(signExtension(payload(), signer, 'json'), trust, current, NOW).ok).toBe(true);
    const line = fixtureText('sample-extension.txt').trim();
    const broken = `  ${line.slice(0, 76)}\r\n${line.slice(76, 300)}\n ${line.slice(300)}\n`;
    expect(verifyExtensionKey(broken, trust, current, NOW).ok).toBe(true);
  });

  it('with no known expiry any valid date extends', () => {
    expect(verifyExtensionKey(fixtureText('sample-extension.txt'), trust, { ...current, expiry: '' }, NOW).ok).toBe(true);
  });

  it('for another user system code: ER_3041 naming both', () => {
    const p = expectCode(
      verifyExtensionKey(fixtureText('sample-extension.txt'), trust, { ...current, userSystemCode: 'ER99999999' }, NOW, 'ext'),
      'ER_3041',
      'ext',
    );
    expect(p.message.en).toContain('ER12345678');
    expect(p.message.en).toContain('ER99999999');
  });

  it('an earlier or the same date extends nothing: ER_3042', () => {
    for (const expiry of ['2098-12-30', SAMPLE_EXPIRY]) {
      const p = expectCode(verifyExtensionKey(signExtension(payload({ expiry }), fixtureSigner()), trust, current, NOW), 'ER_3042');
      expect(p.field).toBe('expiry');
    }
  });

  it('an extension key already past its date: ER_3039', () => {
    expectCode(
      verifyExtensionKey(signExtension(payload({ expiry: '2029-12-31' }), fixtureSigner()), trust, { ...current, expiry: '2029-01-01' }, NOW),
      'ER_3039',
    );
  });

  it('signed by anyone but the center: ER_3037', () => {
    expectCode(verifyExtensionKey(signExtension(payload(), makeSigner(makeCa('Elsewhere CA'))), trust, current, NOW), 'ER_3037');
  });

  it('altered: one character of the pasted line changed', () => {
    const line = fixtureText('sample-extension.txt').trim();
    const json = JSON.parse(Buffer.from(line, 'base64url').toString('utf8')) as { payload: string };
    const bytes = Buffer.from(json.payload, 'base64');
    bytes[bytes.length - 3] = (bytes[bytes.length - 3] ?? 0) ^ 0x02;
    const altered = Buffer.from(JSON.stringify({ ...json, payload: bytes.toString('base64') })).toString('base64url');
    expectCode(verifyExtensionKey(altered, trust, current, NOW), 'ER_3036');
  });

  it.each([
    ['empty', ''],
    ['words', 'please extend my service'],
    ['a key file', fixtureText('sample.key')],
    ['base64url of something else', Buffer.from('hello').toString('base64url')],
  ])('not an extension key (%s): ER_3035', (_name, text) => {
    expectCode(verifyExtensionKey(text, trust, current, NOW, 'ext'), 'ER_3035', 'ext');
  });
});
