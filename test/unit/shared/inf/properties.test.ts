import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { IniDocument } from '../../../../shared/ini/document.js';
import { decodeAdr, encodeAdr } from '../../../../shared/inf/adr.js';
import { type Decoded } from '../../../../shared/inf/common.js';
import { decodeHbi, encodeHbi } from '../../../../shared/inf/hbi.js';
import { decodeLog, encodeLog } from '../../../../shared/inf/log.js';
import { adrModel, hbiModel, lineSoup, logModel } from './arbitraries.js';
import { brief, errors, expectLocated } from './helpers.js';

const FILE = 'WebReprt/X.INF';
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 200 }), lineSoup);

function properties<M>(
  name: string,
  models: fc.Arbitrary<M>,
  decode: (d: IniDocument, f: string) => Decoded<M>,
  encode: (m: M, into?: IniDocument) => IniDocument,
): void {
  describe(`${name}: properties`, () => {
    it('decode(encode(m)) gives m back, with no problems', () => {
      fc.assert(
        fc.property(models, (m) => {
          const r = decode(encode(m), FILE);
          expect(brief(r.problems)).toEqual([]);
          expect(r.model).toEqual(m);
        }),
      );
    });

    it('encoding into another valid file gives m, and re-encoding an unchanged model changes nothing', () => {
      fc.assert(
        fc.property(models, models, fc.constantFrom('\r\n', '\n', '\r'), (m, before, eol) => {
          const into = IniDocument.parse(encode(before).toString().replace(/\r\n/g, eol));
          const out = encode(m, into);
          const text = out.toString();
          const r = decode(IniDocument.parse(text), FILE);
          expect(brief(r.problems)).toEqual([]);
          expect(r.model).toEqual(m);
          // the file's own line ends are kept, and nothing else creeps in
          expect(text.replace(new RegExp(eol, 'g'), '')).not.toMatch(/[\r\n]/);
          expect(encode(r.model, IniDocument.parse(text)).toString()).toBe(text);
        }),
      );
    });

    it('decoding any text never throws, and every problem has the file and a line in the document', () => {
      fc.assert(
        fc.property(anyText, (text) => {
          const d = IniDocument.parse(text);
          const r = decode(d, FILE);
          expectLocated(r.problems, d, FILE);
          expect(r.problems.every((p) => p.message.ja !== '' && p.message.en !== '')).toBe(true);
        }),
        { numRuns: 300 },
      );
    });

    it('a valid model encoded into any text reads back as that model, and the text stays an INI document', () => {
      fc.assert(
        fc.property(lineSoup, models, (text, m) => {
          const out = encode(m, IniDocument.parse(text));
          const r = decode(IniDocument.parse(out.toString()), FILE);
          expect(r.model).toEqual(m);
          expectLocated(r.problems, out, FILE);
          // whatever was wrong in the soup may still be reported, but nothing about the values we wrote
          const ours = errors(r.problems).filter(
            (p) =>
              ![
                'ER_4018',
                'ER_4019',
                'ER_4020',
                'ER_4021',
                'ER_4001',
                'ER_4007',
                'ER_4008',
                'ER_4009',
                'ER_4010',
                'ER_4027',
                'ER_4029',
                'ER_4030',
                'ER_4024',
                'ER_4004',
              ].includes(p.code),
          );
          expect(brief(ours)).toEqual([]);
        }),
        { numRuns: 300 },
      );
    });
  });
}

properties('AMHTPADR.INF', adrModel, decodeAdr, encodeAdr);
properties('AMHTPLOG.INF', logModel, decodeLog, encodeLog);
properties('AMHTPHBI.INF', hbiModel, decodeHbi, encodeHbi);
