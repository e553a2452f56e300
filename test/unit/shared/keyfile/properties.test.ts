import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkExtensionPayload, checkPayload } from '../../../../shared/keyfile/parse.js';
import type { Problem } from '../../../../shared/messages/problem.js';
import { verifyExtensionKey, verifyKeyFile } from '../../../../shared/node/keyfile/verify.js';
import { NOW, envelopeOf, envelopeText, fixture, fixtureText, testTrust } from './helpers.js';

const trust = testTrust();
const current = { userSystemCode: 'ER12345678', expiry: '2098-12-31' };

/** Failed results are coded and located; nothing is thrown. */
function located(r: { ok: true } | { ok: false; problems: Problem[] }, file: string): void {
  if (r.ok) return;
  expect(r.problems.length).toBeGreaterThan(0);
  for (const p of r.problems) expect(p).toMatchObject({ code: expect.stringMatching(/^ER_3\d{3}$/), file, line: 1 });
}

describe('verification never throws', () => {
  it('on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        const r = verifyKeyFile(bytes, trust, NOW, 'f');
        expect(r.ok).toBe(false);
        located(r, 'f');
      }),
    );
  });

  it('on the sample key file with bytes overwritten anywhere', () => {
    const sample = fixture('sample.key');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(sample.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }), (edits) => {
        const bytes = Buffer.from(sample);
        for (const [i, b] of edits) bytes[i] = b;
        located(verifyKeyFile(bytes, trust, NOW, 'f'), 'f');
      }),
      { numRuns: 300 },
    );
  });

  it('an altered payload never verifies', () => {
    const e = envelopeOf(fixtureText('sample.key'));
    fc.assert(
      fc.property(fc.nat(e.payload.length - 1), fc.integer({ min: 1, max: 255 }), (i, x) => {
        const payload = Buffer.from(e.payload);
        payload[i] = (payload[i] ?? 0) ^ x;
        const r = verifyKeyFile(Buffer.from(envelopeText({ ...e, payload })), trust, NOW, 'f');
        expect(r.ok ? 'verified' : r.problems[0]?.code).toBe('ER_3036');
      }),
      { numRuns: 100 },
    );
  });

  it('on arbitrary JSON envelopes and pasted text', () => {
    const envelope = fc.record(
      { format: fc.constantFrom('express-report-keyfile/1', 'x'), payload: fc.base64String(), signature: fc.base64String(), signer: fc.string() },
      { requiredKeys: [] },
    );
    fc.assert(fc.property(envelope, (env) => located(verifyKeyFile(Buffer.from(JSON.stringify(env)), trust, NOW, 'f'), 'f')));
    fc.assert(fc.property(fc.string(), (text) => located(verifyExtensionKey(text, trust, current, NOW, 'x'), 'x')));
  });

  it('payload checks take any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(checkPayload(v).ok).toBe(false);
        expect(checkExtensionPayload(v).ok).toBe(false);
      }),
    );
  });
});
