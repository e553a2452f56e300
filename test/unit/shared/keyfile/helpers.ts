import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { MessageCode } from '../../../../shared/messages/catalogue.js';
import type { Problem } from '../../../../shared/messages/problem.js';
import { loadTrustAnchors } from '../../../../shared/node/keyfile/verify.js';
import { FIXTURE_DIR, loadIssued } from '../../../fixtures/keyfile/generate.js';

export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const RESOURCES = join(ROOT, 'resources');
export const TEST_CA_PEM = join(FIXTURE_DIR, 'test-ca.pem');
/** Inside every fixture's validity: the signer runs to 2099-12-31, the sample key file to 2098-12-31. */
export const NOW = new Date('2030-06-01T03:00:00Z');
export const SAMPLE_EXPIRY = '2098-12-31';

export const fixture = (name: string): Buffer => readFileSync(join(FIXTURE_DIR, name));
export const fixtureText = (name: string): string => readFileSync(join(FIXTURE_DIR, name), 'utf8');

/** The production CA plus the test CA, as a test center configures it. */
export const testTrust = () => loadTrustAnchors(RESOURCES, [TEST_CA_PEM]);
export const testCa = () => loadIssued(FIXTURE_DIR, 'test-ca');
export const fixtureSigner = () => loadIssued(FIXTURE_DIR, 'signer');
export const centerPem = () => fixtureText('center.pem');

type Result = { ok: true } | { ok: false; problems: Problem[] };

/** The result failed with `code` (first problem), located at the file's line 1. */
export function expectCode(r: Result, code: MessageCode, file?: string): Problem {
  expect(r.ok, JSON.stringify(r)).toBe(false);
  if (r.ok) throw new Error('unreachable');
  const p = r.problems[0];
  expect(p?.code, JSON.stringify(r.problems)).toBe(code);
  if (file !== undefined) expect(p).toMatchObject({ file, line: 1 });
  return p as Problem;
}

/** The envelope of a key file, its payload decoded, so a test can change one thing and put it back together. */
export function envelopeOf(text: string): { format: string; payload: Buffer; signature: Buffer; signer: string } {
  const e = JSON.parse(text) as { format: string; payload: string; signature: string; signer: string };
  return { ...e, payload: Buffer.from(e.payload, 'base64'), signature: Buffer.from(e.signature, 'base64') };
}

export function envelopeText(e: { format: string; payload: Uint8Array; signature: Uint8Array; signer: string }): string {
  return JSON.stringify({ ...e, payload: Buffer.from(e.payload).toString('base64'), signature: Buffer.from(e.signature).toString('base64') });
}
