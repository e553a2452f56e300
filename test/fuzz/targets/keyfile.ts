/** Key files and extension keys (shared/keyfile, shared/node/keyfile): the signed documents a center issues. */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { EXTENSION_FORMAT, type ExtensionPayload } from '../../../shared/keyfile/model.js';
import { verifyExtensionKey, verifyKeyFile } from '../../../shared/node/keyfile/verify.js';
import { FIXTURE_DIR, loadIssued, samplePayload, signExtension, signKeyFile } from '../../fixtures/keyfile/generate.js';
import { NOW, centerPem, fixture, testTrust } from '../../unit/shared/keyfile/helpers.js';
import { bytesFrom } from '../corpus.js';
import { check, type FuzzTarget } from '../harness.js';

const trust = testTrust();
const signer = loadIssued(FIXTURE_DIR, 'signer');
const current = { userSystemCode: 'ER12345678', expiry: '' };
const FILE = 'fuzz.key';

/** How a mail program or an editor may hand a signed file over: a BOM, CRLF, spaces, a line folded. */
const framing = fc.record({ bom: fc.boolean(), crlf: fc.boolean(), pad: fc.constantFrom('', ' ', '\n', '\r\n\r\n', '\t') });
const frame = (t: string, f: { bom: boolean; crlf: boolean; pad: string }): string =>
  `${f.bom ? '\uFEFF' : ''}${f.pad}${f.crlf ? t.replace(/\n/g, '\r\n') : t}${f.pad}`;

/** Signing is slow (forge's RSA in JavaScript): a few documents signed once, framed anew for every input. */
function signedOnce<T>(make: (i: number) => T): fc.Arbitrary<T> {
  const pool: T[] = [];
  return fc.nat(3).map((i) => (pool[i] ??= make(i)));
}
const EXPIRIES = ['2031-01-01', '2050-06-30', '2098-12-31', '2099-12-31'];
const SERVER_NAMES = ['SERVER001', 'ｻｰﾊﾞ', 'サーバ一号', 'S'.repeat(15)];
const signedKey = fc
  .tuple(
    signedOnce((i) => {
      const payload = { ...samplePayload(centerPem(), EXPIRIES[i]!, '2030-01-01'), serverName: SERVER_NAMES[i]! };
      return { text: signKeyFile(payload, signer), payload };
    }),
    framing,
  )
  .map(([s, f]) => ({ bytes: Buffer.from(frame(s.text, f), 'utf8'), payload: s.payload }));

export const keyfileTarget: FuzzTarget<{ bytes: Buffer; payload?: object }> = {
  name: 'keyfile',
  properties: [
    'never throws; a refusal is coded (ER_30xx) with the file and line 1 (and the field when one is wrong)',
    'a signed key file verifies, framed with a BOM, CRLF or spaces, to exactly the payload signed',
  ],
  arbitrary: fc.oneof(
    { weight: 1, arbitrary: signedKey },
    {
      weight: 4,
      arbitrary: bytesFrom(
        new Map([
          ['sample.key', fixture('sample.key')],
          ['sample-mismatch.key', fixture('sample-mismatch.key')],
        ]),
      ).map((bytes) => ({ bytes })),
    },
  ),
  run({ bytes, payload }) {
    const r = verifyKeyFile(bytes, trust, NOW, FILE);
    if (r.ok) {
      if (payload) check(isDeepStrictEqual(r.payload, payload), 'the verified payload is not the one signed');
      return { roundTrip: payload !== undefined };
    }
    check(payload === undefined, `a signed key file was refused: ${r.problems[0]?.message.en}`);
    for (const p of r.problems) check(p.file === FILE && p.line === 1, `${p.code} not at ${FILE}:1`);
    return { refused: r.problems };
  },
};

const extension = fc
  .tuple(
    signedOnce((i) => {
      const payload: ExtensionPayload = { format: EXTENSION_FORMAT, userSystemCode: 'ER12345678', expiry: EXPIRIES[i]!, issuedAt: '2030-01-01' };
      return { text: signExtension(payload, signer, i % 2 ? 'line' : 'json'), payload };
    }),
    framing,
  )
  .map(([s, f]) => ({ text: frame(s.text, f), payload: s.payload }));

export const extensionTarget: FuzzTarget<{ text: string; payload?: object }> = {
  name: 'extension-key',
  properties: [
    'never throws; a refusal is coded with the file and line 1',
    'a signed extension key (one base64url line or JSON, framed) verifies to the payload signed',
  ],
  arbitrary: fc.oneof(
    { weight: 1, arbitrary: extension },
    { weight: 4, arbitrary: bytesFrom(new Map([['sample-extension.txt', fixture('sample-extension.txt')]])).map((b) => ({ text: b.toString('utf8') })) },
  ),
  run({ text, payload }) {
    const r = verifyExtensionKey(text, trust, current, NOW, FILE);
    if (r.ok) {
      if (payload) check(isDeepStrictEqual(r.payload, payload), 'the verified payload is not the one signed');
      return { roundTrip: payload !== undefined };
    }
    check(payload === undefined, `a signed extension key was refused: ${r.problems[0]?.code} ${r.problems[0]?.message.en}`);
    for (const p of r.problems) check(p.file === FILE && p.line === 1, `${p.code} not at ${FILE}:1`);
    return { refused: r.problems };
  },
};
