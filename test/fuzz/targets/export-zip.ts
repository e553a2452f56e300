/**
 * Settings exports (zip: shared/node/transfer/read.ts over shared/node/zip-read.ts): a real export, mutated; zips made
 * to hurt (entry names that climb out or start at a root, repeats, too many entries, bombs whose sizes lie); random bytes.
 */
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { ZipFile } from 'yazl';
import { ConfigStore } from '../../../shared/node/config-store.js';
import { buildExport } from '../../../shared/node/transfer/export.js';
import { readExportBytes } from '../../../shared/node/transfer/read.js';
import { DEFINITION_ENTRIES } from '../../../shared/transfer/format.js';
import { ROOT, mutate } from '../corpus.js';
import { check, type FuzzTarget } from '../harness.js';

const FILE = 'fuzz-export.zip';

/** One real support export of a config folder with the three definition files (Shift_JIS, as on Windows). */
let real: { bytes: Buffer; definitions: Map<string, Buffer> } | undefined;
export async function realExport(): Promise<{ bytes: Buffer; definitions: Map<string, Buffer> }> {
  if (real) return real;
  const dir = await mkdtemp(join(tmpdir(), 'express-report-fuzz-export-'));
  try {
    const config = join(dir, 'config');
    await ConfigStore.init(config);
    await mkdir(join(config, 'WebReprt'), { recursive: true });
    const definitions = new Map<string, Buffer>();
    for (const name of DEFINITION_ENTRIES) {
      await copyFile(join(ROOT, 'test/fixtures/inf/sjis', name.split('/')[1]!), join(config, name));
      definitions.set(name, await import('node:fs/promises').then((fs) => fs.readFile(join(config, name))));
    }
    const built = await buildExport({ configDir: config, stateDir: join(dir, 'state'), version: '0.0.0-fuzz' }, { scope: 'support', personal: 'include' });
    real = { bytes: built.bytes, definitions };
    return real;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A zip of these entries, deflated. yazl refuses unsafe names, so each entry is written under a harmless name of the
 * same length and its real name put in afterwards; `lie` overwrites every declared size.
 */
export function zipOf(entries: ReadonlyArray<{ name: string; data: Buffer }>, lie?: number): Promise<Buffer> {
  const z = new ZipFile();
  for (const e of entries) z.addBuffer(e.data, 'x'.repeat(Math.max(1, Buffer.byteLength(e.name))), { compress: true });
  z.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => chunks.push(c));
    z.outputStream.on('error', reject);
    z.outputStream.on('end', () => {
      const b = Buffer.concat(chunks);
      patch(
        b,
        entries.map((e) => (e.name === '' ? Buffer.from('x') : Buffer.from(e.name))),
        lie,
      );
      resolve(b);
    });
  });
}

/** A copy of a zip made by zipOf whose entries all declare `size` bytes. */
export function lyingCopy(zip: Buffer, size: number): Buffer {
  const b = Buffer.from(zip);
  const eocd = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const names: Buffer[] = [];
  let at = b.readUInt32LE(eocd + 16);
  for (let i = 0; i < b.readUInt16LE(eocd + 10); i++) {
    const n = b.readUInt16LE(at + 28);
    names.push(Buffer.from(b.subarray(at + 46, at + 46 + n)));
    at += 46 + n + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
  }
  patch(b, names, size);
  return b;
}

/** Walks the central directory: each record and its local header get the entry's real name (and the lying size). */
function patch(b: Buffer, names: Buffer[], lie: number | undefined): void {
  const eocd = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = b.readUInt32LE(eocd + 16);
  for (const name of names) {
    const local = b.readUInt32LE(at + 42);
    name.copy(b, at + 46);
    name.copy(b, local + 30);
    if (lie !== undefined) {
      b.writeUInt32LE(lie, at + 24);
      b.writeUInt32LE(lie, local + 22);
    }
    at += 46 + b.readUInt16LE(at + 28) + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
  }
}

const NAMES = [
  '../../etc/passwd',
  '/etc/passwd',
  '\\Windows\\x',
  'C:/x',
  'WebReprt/../../x',
  'WebReprt\\..\\..\\x',
  'x\u0000y',
  'manifest.json',
  'settings.json',
  'WebReprt/AMHTPADR.INF',
  'unknown.txt',
  '',
  'ｗｅｂ/名前',
];
const crafted = fc
  .record({
    entries: fc.array(
      fc.record({ name: fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 12 })), data: fc.uint8Array({ maxLength: 64 }).map((a) => Buffer.from(a)) }),
      {
        maxLength: 12,
      },
    ),
    lie: fc.option(fc.constantFrom(0, 1, 100, 0xffffffff), { nil: undefined }),
  })
  .map((c) => ({ kind: 'crafted' as const, ...c }));

type ExportInput =
  | { kind: 'real'; ms: Parameters<typeof mutate>[1] }
  | { kind: 'crafted'; entries: Array<{ name: string; data: Buffer }>; lie?: number }
  | { kind: 'random'; bytes: Buffer };

const mutation = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat(7) }),
    fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
    fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }), times: fc.integer({ min: 2, max: 4 }) }),
  ),
  { maxLength: 4 },
);

export const exportZipTarget: FuzzTarget<ExportInput> = {
  name: 'export-zip',
  file: FILE,
  properties: [
    'never throws but a coded refusal (ER_3510-ER_3525) naming the file; no entry name that climbs out or starts at a root is read',
    'a real export reads back with its definition files byte-identical',
    'memory: a bomb (64 MB of zeros in one entry, sizes true or lying) is refused within a few MB',
  ],
  arbitrary: fc.oneof(
    { weight: 4, arbitrary: mutation.map((ms) => ({ kind: 'real' as const, ms })) },
    { weight: 3, arbitrary: crafted },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 256 }).map((a) => ({ kind: 'random' as const, bytes: Buffer.from(a) })) },
  ),
  async run(input) {
    const r = await realExport();
    const bytes = input.kind === 'real' ? mutate(r.bytes, input.ms) : input.kind === 'crafted' ? await zipOf(input.entries, input.lie) : input.bytes;
    const read = await readExportBytes(bytes, FILE, { needSecrets: false });
    for (const name of Object.keys(read.contents.definitions)) check(!name.includes('..') && !name.startsWith('/'), `read an unsafe entry ${name}`);
    if (input.kind === 'real' && bytes.equals(r.bytes)) {
      for (const [name, b] of r.definitions)
        check(
          Buffer.from(read.contents.definitions[name as keyof typeof read.contents.definitions]!.bytes).equals(b),
          `${name} changed on its way through the export`,
        );
      return { roundTrip: true, refused: read.problems };
    }
    return { refused: read.problems, file: FILE };
  },
};
