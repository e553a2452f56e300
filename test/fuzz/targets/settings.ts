/** The settings files (activation.ini, routes.ini, schedule.ini) from their bytes, and written back by the settings codec. */
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { IniDocument } from '../../../shared/ini/document.js';
import { decodeSettingsFile, encodeSettingsFile } from '../../../shared/settings/codec.js';
import { type SettingsFile } from '../../../shared/settings/define.js';
import { optionSection } from '../../../shared/settings/options.js';
import { defaultSettings, defsOfFile, type Settings } from '../../../shared/settings/schema.js';
import { encodeText } from '../../../shared/node/encoding.js';
import { bytesFrom, corpus } from '../corpus.js';
import { check, type FuzzTarget } from '../harness.js';
import { bytesOf, readText } from './text-file.js';

function decodeAll(file: SettingsFile, doc: IniDocument, path: string) {
  const d = decodeSettingsFile(file, doc, path);
  return { ...d, settings: { ...defaultSettings(), ...d.values } as Settings };
}

/** Our own file: the default file in a random line end and encoding. */
const validFile = (file: SettingsFile): fc.Arbitrary<Buffer> =>
  fc.tuple(fc.constantFrom('\r\n', '\n') as fc.Arbitrary<'\r\n' | '\n'>, fc.constantFrom('cp932', 'utf-8', 'utf-8-bom')).map(([eol, enc]) =>
    Buffer.from(
      encodeText({
        text: encodeSettingsFile(file, defaultSettings(), [], undefined, eol).toString(),
        encoding: enc === 'cp932' ? 'cp932' : 'utf-8',
        bom: enc === 'utf-8-bom',
      }),
    ),
  );

export function settingsTarget(file: SettingsFile): FuzzTarget<Buffer> {
  return {
    name: `settings-${file.replace('.ini', '')}`,
    properties: [
      'never throws; every problem is coded with the file and a line inside it',
      'written back, it reads as the same settings, and writing that again changes no byte (a fixpoint)',
      'a complete file without problems is written back byte-identical',
    ],
    arbitrary: bytesFrom(corpus(`settings-${file.replace('.ini', '')}`), validFile(file)),
    run(bytes) {
      const r = readText(bytes, file);
      const d = decodeAll(file, r.doc, file);
      const lines = Math.max(1, r.doc.lines.length);
      for (const p of d.problems)
        check(p.file === file && p.line !== undefined && p.line >= 1 && p.line <= lines, `${p.code} at ${p.file}:${p.line} of ${lines}`);
      if (!r.decoded.lossless) return { refused: d.problems, roundTrip: r.roundTrip };
      const w1 = encodeSettingsFile(file, d.settings, d.optionDevices, r.doc);
      const d1 = decodeAll(file, IniDocument.parse(w1.toString()), file);
      check(
        isDeepStrictEqual(d1.values, { ...d1.values, ...pick(d.settings, Object.keys(d1.values)) }),
        `${file}: written back, the settings read differently`,
      );
      check(isDeepStrictEqual(d1.optionDevices, d.optionDevices), `${file}: written back, the option devices read differently`);
      const w2 = encodeSettingsFile(file, d1.settings, d1.optionDevices, IniDocument.parse(w1.toString()));
      check(w2.toString() === w1.toString(), `${file}: a second write changed the file`);
      const complete =
        d.problems.length === 0 &&
        defsOfFile(file).every((def) => r.doc.get(def.section, def.name) !== undefined) &&
        r.doc
          .sections()
          .filter((s) => /^OptionDevice/i.test(s.name))
          .every((s, i) => s.name === optionSection(i));
      if (complete) check(bytesOf(w1, r.decoded).equals(bytes), `${file}: a complete valid file changed when written back`);
      return { refused: d.problems, roundTrip: true };
    },
  };
}

const pick = (o: object, keys: string[]): Record<string, unknown> => Object.fromEntries(keys.map((k) => [k, (o as Record<string, unknown>)[k]]));
