/** The three definition files (AMHTPADR.INF, AMHTPLOG.INF, AMHTPHBI.INF) from their bytes, as the config folder reads them. */
import fc from 'fast-check';
import { IniDocument } from '../../../shared/ini/document.js';
import { decodeInf, encodeInf, defaultInfText, infFileName, type InfKind, type InfModelOf } from '../../../shared/inf/files.js';
import { encodeText, unencodable } from '../../../shared/node/encoding.js';
import { adrModel, hbiModel, logModel } from '../../unit/shared/inf/arbitraries.js';
import { bytesFrom, corpus } from '../corpus.js';
import { check, type FuzzTarget } from '../harness.js';
import { bytesOf, readText } from './text-file.js';

const MODELS: { [K in InfKind]: fc.Arbitrary<InfModelOf<K>> } = { adr: adrModel, log: logModel, hbi: hbiModel };
const PREFIX: Record<InfKind, string> = { adr: 'inf-adr', log: 'inf-log', hbi: 'inf-hbi' };

/** A valid file: a random model written into the default file, in a random line end and encoding. */
function validFile<K extends InfKind>(kind: K): fc.Arbitrary<Buffer> {
  return fc
    .tuple(
      MODELS[kind] as fc.Arbitrary<InfModelOf<K>>,
      fc.constantFrom('\r\n', '\n', '\r') as fc.Arbitrary<'\r\n' | '\n' | '\r'>,
      fc.constantFrom('cp932', 'utf-8', 'utf-8-bom'),
    )
    .map(([model, eol, enc]) => {
      const text = encodeInf(kind, model, IniDocument.parse(defaultInfText(kind, eol))).toString();
      const encoding = enc === 'cp932' && unencodable(text, 'cp932').length === 0 ? 'cp932' : 'utf-8';
      return Buffer.from(encodeText({ text, encoding, bom: enc === 'utf-8-bom' }));
    });
}

export function infTarget(kind: InfKind): FuzzTarget<Buffer> {
  const file = `WebReprt/${infFileName(kind)}`;
  return {
    name: `inf-${kind}`,
    properties: [
      'never throws; UTF-16/32 refused whole (ER_4031)',
      'every problem is coded, names the file and a line inside the document',
      'a valid file (no error) written back with its own model is byte-identical (encoding, BOM, line ends kept)',
    ],
    arbitrary: bytesFrom(new Map([...corpus(PREFIX[kind]), ...corpus('inf-any')]), validFile(kind)),
    run(bytes) {
      const r = readText(bytes, file);
      const d = decodeInf(kind, r.doc, file);
      const lines = Math.max(1, r.doc.lines.length);
      for (const p of d.problems)
        check(p.file === file && p.line !== undefined && p.line >= 1 && p.line <= lines, `${p.code} at ${p.file}:${p.line} of ${lines}`);
      if (d.problems.some((p) => p.severity === 'error') || !r.decoded.lossless) return { refused: d.problems, roundTrip: r.roundTrip };
      const again = encodeInf(kind, d.model as InfModelOf<typeof kind>, r.doc);
      check(
        bytesOf(again, r.decoded).equals(bytes),
        `${file}: writing its own model back changed the file:\n${JSON.stringify(r.doc.toString())}\n${JSON.stringify(again.toString())}`,
      );
      return { refused: d.problems, roundTrip: true };
    },
  };
}
