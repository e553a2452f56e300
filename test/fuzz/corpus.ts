/**
 * Inputs made of real-world quirks: the files in test/fixtures/fuzz-corpus (and the project's other fixtures), random
 * bytes, and those files mutated (bytes flipped, quirks spliced in, cut short, parts repeated).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CORPUS_DIR = join(ROOT, 'test', 'fixtures', 'fuzz-corpus');

/** The corpus files whose names start with `prefix` (e.g. 'inf-', 'csv-'), by name. */
export function corpus(prefix: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const name of readdirSync(CORPUS_DIR).sort()) if (name.startsWith(prefix)) out.set(name, readFileSync(join(CORPUS_DIR, name)));
  return out;
}

/** Byte sequences parsers meet in the wild: line ends, BOMs, NUL, Shift_JIS lead bytes, invalid UTF-8, UTF-16. */
export const QUIRKS: readonly Buffer[] = [
  '\r\n',
  '\n',
  '\r',
  '\r\r\n',
  '\u0000',
  '=',
  '[',
  ']',
  '"',
  ';',
  ',',
  '\t',
  '\u3000',
  '{',
  '}',
  '\\',
  '../',
  '%s%n',
].map((s) => Buffer.from(s, 'utf8'));
const RAW_QUIRKS: readonly Buffer[] = [
  [0xef, 0xbb, 0xbf], // UTF-8 BOM
  [0xff, 0xfe], // UTF-16LE BOM
  [0xfe, 0xff],
  [0x81], // a Shift_JIS lead byte alone
  [0x82, 0xa0], // あ in Shift_JIS
  [0x5c, 0x81, 0x5c], // ソ-style trail byte 0x5C
  [0xed, 0x40], // NEC-selected IBM extension row
  [0xc0, 0xaf], // overlong UTF-8
  [0xe3, 0x81], // a cut UTF-8 sequence
  [0xed, 0xa0, 0x80], // a UTF-8 surrogate
  [0xf4, 0x90, 0x80, 0x80], // beyond U+10FFFF
  [0x80],
  [0xff],
].map((b) => Buffer.from(b));
export const ALL_QUIRKS = [...QUIRKS, ...RAW_QUIRKS];

type Mutation =
  | { op: 'flip'; at: number; bit: number }
  | { op: 'insert'; at: number; quirk: number; times: number }
  | { op: 'delete'; at: number; length: number }
  | { op: 'repeat'; at: number; length: number; times: number }
  | { op: 'cut'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat(7) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), quirk: fc.nat(ALL_QUIRKS.length - 1), times: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ op: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }), times: fc.integer({ min: 2, max: 20 }) }),
  fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
);

export function mutate(b: Buffer, ms: readonly Mutation[]): Buffer {
  let out = b;
  for (const m of ms) {
    const at = out.length === 0 ? 0 : m.at % (out.length + 1);
    switch (m.op) {
      case 'flip':
        if (at < out.length) {
          out = Buffer.from(out);
          out[at] = out[at]! ^ (1 << m.bit);
        }
        break;
      case 'insert':
        out = Buffer.concat([out.subarray(0, at), ...Array<Buffer>(m.times).fill(ALL_QUIRKS[m.quirk]!), out.subarray(at)]);
        break;
      case 'delete':
        out = Buffer.concat([out.subarray(0, at), out.subarray(at + m.length)]);
        break;
      case 'repeat':
        out = Buffer.concat([out.subarray(0, at), ...Array<Buffer>(m.times).fill(out.subarray(at, at + m.length)), out.subarray(at)]);
        break;
      case 'cut':
        out = out.subarray(0, at);
        break;
    }
  }
  return out;
}

const randomBytes = (maxLength: number): fc.Arbitrary<Buffer> => fc.uint8Array({ maxLength }).map((a) => Buffer.from(a));

/**
 * Bytes: a corpus file as it is, mutated, or random (plain or made of quirks), plus any `valid` inputs the target
 * makes itself (a file encoded from a random model), also mutated.
 */
export function bytesFrom(files: ReadonlyMap<string, Buffer>, valid?: fc.Arbitrary<Buffer>, maxRandom = 512): fc.Arbitrary<Buffer> {
  const seeds: Array<fc.Arbitrary<Buffer>> = [];
  if (files.size > 0) seeds.push(fc.constantFrom(...files.values()));
  if (valid) seeds.push(valid);
  const seed = seeds.length > 0 ? fc.oneof(...seeds) : fc.constant(Buffer.alloc(0));
  return fc.oneof(
    { weight: 2, arbitrary: seed },
    { weight: 4, arbitrary: fc.tuple(seed, fc.array(mutation, { minLength: 1, maxLength: 6 })).map(([b, ms]) => mutate(b, ms)) },
    { weight: 1, arbitrary: randomBytes(maxRandom) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...ALL_QUIRKS), { maxLength: 40 }).map((qs) => Buffer.concat(qs)) },
  );
}

/** Text lines for line parsers: corpus lines as they are, mutated, or random strings. */
export function linesFrom(files: ReadonlyMap<string, Buffer>, valid?: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const lines = [...files.values()].flatMap((b) => b.toString('utf8').split('\n')).filter((l) => l !== '');
  const seed = valid ? fc.oneof(fc.constantFrom(...lines), valid) : fc.constantFrom(...lines);
  return fc.oneof(
    { weight: 2, arbitrary: seed },
    {
      weight: 4,
      arbitrary: fc
        .tuple(seed, fc.array(mutation, { minLength: 1, maxLength: 4 }))
        .map(([l, ms]) => mutate(Buffer.from(l, 'utf8'), ms).toString('utf8').replace(/\n/g, '')),
    },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }).map((s) => s.replace(/\n/g, '')) },
  );
}
