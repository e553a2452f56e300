import { describe, expect, it } from 'vitest';
import type { KeyFilePayload } from '../../../../shared/keyfile/model.js';
import { checkExtensionPayload, checkPayload, parseEnvelope } from '../../../../shared/keyfile/parse.js';
import { verifyKeyFile } from '../../../../shared/node/keyfile/verify.js';
import { samplePayload, signEnvelope } from '../../../fixtures/keyfile/generate.js';
import { NOW, SAMPLE_EXPIRY, centerPem, expectCode, fixtureSigner, fixtureText, testTrust } from './helpers.js';

const base = (): KeyFilePayload => samplePayload(centerPem(), SAMPLE_EXPIRY, '2026-01-01');

/** A copy of the sample payload with the value at `path` replaced (undefined deletes it). */
function withField(path: string, value: unknown): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(base())) as Record<string, unknown>;
  const parts = path.split('.');
  const last = parts.pop() as string;
  let o = copy;
  for (const p of parts) o = o[p] as Record<string, unknown>;
  if (value === undefined) delete o[last];
  else o[last] = value;
  return copy;
}

describe('key file payload', () => {
  it('the sample payload is valid, and so is an individual without department or contact', () => {
    expect(checkPayload(base())).toEqual({ ok: true, payload: base() });
    const individual = withField('customer.type', 'individual');
    Object.assign(individual.customer as object, { department: '', contact: '', contactKana: '' });
    expect(checkPayload(individual).ok).toBe(true);
  });

  it('unknown fields are dropped, not carried into the settings', () => {
    const r = checkPayload({ ...base(), surprise: 1 });
    expect(r.ok && 'surprise' in r.payload).toBe(false);
  });

  const bad: Array<[string, unknown]> = [
    ['format', 'express-report-keyfile/2'],
    ['userSystemCode', ''],
    ['userSystemCode', 'ＥＲ１'],
    ['userSystemCode', 'E'.repeat(21)],
    ['serverName', ''],
    ['serverName', 'S'.repeat(21)],
    ['serverName', 5],
    ['customer', undefined],
    ['customer.type', 'company'],
    ['customer.nameKana', 'にちでん'],
    ['customer.nameKana', ''],
    ['customer.name', 'Nichiden Taro'],
    ['customer.name', '日電 太郎'],
    ['customer.department', 'Sales'],
    ['customer.postalCode', '012-3456'],
    ['customer.addressKana', 'Tokyo'],
    ['customer.address', 'Tokyo'],
    ['customer.addressDetail', 'line\nbreak'],
    ['customer.phone', '0123 45 6789'],
    ['customer.email', 'aaa.bbb.co.jp'],
    ['customer.contactKana', 'Hanako'],
    ['customer.contact', 'Hanako'],
    ['customer.email', 'a'.repeat(201)],
    ['machine', 'N8100'],
    ['machine.deviceCode', ''],
    ['machine.deviceCode', 'N8100 1234'],
    ['machine.serialNumber', '０１'],
    ['machine.warrantyNumber', ''],
    ['destinations', undefined],
    ['destinations.mail', 'center'],
    ['destinations.url1', 'ftp://127.0.0.1/'],
    ['destinations.url1', `https://x/${'a'.repeat(500)}`],
    ['destinations.url2', 'https://exa mple.jp/'],
    ['destinations.dialupPrimary', 'call me'],
    ['destinations.dialupSecondary', 'x'],
    ['centerCertificate', 'not a certificate'],
    ['centerCertificate', null],
    ['expiry', ''],
    ['expiry', '2099-02-30'],
    ['expiry', '2099/12/31'],
    ['issuedAt', '26-01-01'],
    ['issuedAt', undefined],
  ];
  it.each(bad)('%s = %j: ER_3040 naming the field', (path, value) => {
    const p = expectCode(checkPayload(withField(path, value), 'k.key'), 'ER_3040', 'k.key');
    expect(p.field).toBe(path);
    expect(p.message.ja).toContain(path);
    expect(p.message.en).toContain(path);
  });

  it('an individual with a department: the settings rule (ER_3017) is the reason', () => {
    const p = expectCode(checkPayload(withField('customer.type', 'individual')), 'ER_3040');
    expect(p.field).toBe('customer.department');
    expect(p.message.en).toContain('cannot be set for an individual customer');
  });

  it('the character named by the settings rule reaches the message', () => {
    const p = expectCode(checkPayload(withField('customer.nameKana', 'ﾆﾁﾃﾞﾝ太郎')), 'ER_3040');
    expect(p.message.ja).toContain('「太」');
  });

  it('every problem is reported, not only the first', () => {
    const r = checkPayload({ ...base(), serverName: 1, expiry: 'x', customer: { ...base().customer, type: 'x' } });
    expect(r.ok ? [] : r.problems.map((p) => p.field).sort()).toEqual(['customer.type', 'expiry', 'serverName']);
  });

  it('not an object at all', () => {
    for (const v of [null, 'text', 42, []]) expectCode(checkPayload(v), 'ER_3040');
  });

  it('a signed payload with an invalid field is refused by verifyKeyFile too', () => {
    const text = signEnvelope('express-report-keyfile/1', JSON.stringify(withField('customer.postalCode', '123')), fixtureSigner());
    const p = expectCode(verifyKeyFile(Buffer.from(text), testTrust(), NOW, 'k.key'), 'ER_3040', 'k.key');
    expect(p.field).toBe('customer.postalCode');
  });
});

describe('extension key payload', () => {
  const ext = { format: 'express-report-extension/1', userSystemCode: 'ER12345678', expiry: '2099-12-31', issuedAt: '2026-01-01' };
  it('valid', () => {
    expect(checkExtensionPayload(ext)).toEqual({ ok: true, payload: ext });
  });
  it.each<[string, unknown]>([
    ['format', 'express-report-keyfile/1'],
    ['userSystemCode', ''],
    ['userSystemCode', 'ＥＲ'],
    ['userSystemCode', undefined],
    ['expiry', '2099-13-01'],
    ['expiry', 20991231],
    ['issuedAt', ''],
  ])('%s = %j: ER_3040 naming the field', (field, value) => {
    const p = expectCode(checkExtensionPayload({ ...ext, [field]: value }), 'ER_3040');
    expect(p.field).toBe(field);
  });
});

describe('envelope', () => {
  it('parses the sample', () => {
    const r = parseEnvelope(fixtureText('sample.key'), 'sample.key');
    expect(r.ok && r.envelope.format).toBe('express-report-keyfile/1');
  });
  it('asks for the format the caller expects', () => {
    const p = expectCode(parseEnvelope(fixtureText('sample.key'), 'e.txt', 'express-report-extension/1'), 'ER_3035', 'e.txt');
    expect(p.message.ja).toContain('期限延長キー');
  });
  it('names the malformed fields', () => {
    const p = expectCode(parseEnvelope('{"format":"express-report-keyfile/1","payload":"a==="}', 'k.key'), 'ER_3035');
    expect(p.message.en).toMatch(/payload, signature, signer missing or malformed/);
  });
});
