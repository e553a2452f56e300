/** The defects fuzzing found, each a fixed counterexample that failed on the code before its fix. */
import { describe, expect, it } from 'vitest';
import { decodeConfig } from '../../shared/config/codec.js';
import { decodeSettingsFile, encodeSettingsFile } from '../../shared/settings/codec.js';
import { defaultSettings, type Settings } from '../../shared/settings/schema.js';
import { IniDocument } from '../../shared/ini/document.js';
import { decodeInf } from '../../shared/inf/files.js';
import { readFleetCsv } from '../../shared/node/fleet/csv.js';
import { readZip } from '../../shared/node/transfer/zip.js';
import { answerStep } from '../../service/routes/frame/ack-reader.js';
import { FrameDecoder, encodeFrame } from '../../service/routes/frame/codec.js';
import { zipOf } from './targets/export-zip.js';

describe('defects found by fuzzing', () => {
  it('frame: bytes that are no frame after an ACK in the same chunk no longer take the ACK away (the refusal comes next)', () => {
    const d = new FrameDecoder({ accept: ['ack', 'nak'], maxPayload: 0 });
    const chunk = Buffer.concat([encodeFrame({ type: 'ack', id: 'r-1' }), Buffer.from('\r\n')]);
    expect(d.push(chunk)).toEqual([{ type: 'ack', id: 'r-1' }]);
    expect(() => d.push(Buffer.alloc(0))).toThrow(/ER_2250/);
  });

  it('modem answer: a line starting like the frame magic ("ERROR") before the ACK is the modem\'s, and the ACK is still read', () => {
    const step = answerStep(new FrameDecoder({ maxPayload: 0, accept: ['ack', 'nak'] }));
    let received = Buffer.concat([Buffer.from('ERROR\r\n'), encodeFrame({ type: 'ack', id: 'r-1' })]);
    const got: unknown[] = [];
    for (let f = step(received); f; f = received.length > 0 ? step(received) : undefined) {
      got.push(f.value);
      received = received.subarray(f.used);
    }
    expect(got).toEqual([{ modem: 'ERROR' }, { frame: { type: 'ack', id: 'r-1' } }]);
  });

  it('fleet CSV: a quote error after quoted CRLFs is placed on the line its field starts, not below the end of the file', () => {
    const csv = readFleetCsv(Buffer.from('a\r\n"\r\n\r\n"=\r\n'), 'f.csv');
    expect(csv.problems.map((p) => [p.code, p.line])).toEqual([['ER_3601', 2]]);
    expect(csv.problems[0]!.message.en).not.toMatch(/at line/);
    const blank = readFleetCsv(Buffer.from(`h\n${'\r\n'.repeat(32)}x,"a\n", "\r\n"b"\n`), 'g.csv');
    expect(blank.problems.map((p) => [p.code, p.line])).toEqual([['ER_3601', 35]]); // the field ` "` on line 35
  });

  it('export zip: an entry whose declared size lies is refused (ER_3510), not read forever', async () => {
    for (const lie of [0, 100]) {
      const bytes = await zipOf([{ name: 'WebReprt/AMHTPADR.INF', data: Buffer.from('[URL1]\r\nURL=x\r\n') }], lie);
      await expect(readZip(bytes, 'lie.zip')).rejects.toThrow(/ER_3510 .*AMHTPADR\.INF: .*declares/);
    }
  }, 20_000);

  it('export zip: a central directory offset outside the file is ER_3510, not a RangeError out of yauzl', async () => {
    const zip = await zipOf([{ name: 'WebReprt/AMHTPADR.INF', data: Buffer.from('[URL1]\r\n') }]);
    const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    zip.writeUInt32LE(zip.length + 1000, eocd + 16);
    await expect(readZip(zip, 'damaged.zip')).rejects.toThrow(/^ER_3510 damaged\.zip/);
  });

  it("activation.ini: option devices written back read the same, whatever their sections' order or number (00 too)", () => {
    for (const text of ['[OptionDevice02]\r\nName=A\r\n[OptionDevice01]\r\nName=B\r\n', '[OptionDevice01]\r\nName=A\r\n[OptionDevice00]\r\nName=Z\r\n']) {
      let doc = IniDocument.parse(text);
      const seen: string[] = [];
      for (let i = 0; i < 3; i++) {
        const d = decodeSettingsFile('activation.ini', doc, 'activation.ini');
        seen.push(d.optionDevices.map((o) => o.name).join(','));
        doc = encodeSettingsFile('activation.ini', { ...defaultSettings(), ...d.values } as Settings, d.optionDevices, doc);
      }
      expect(new Set(seen).size, seen.join(' | ')).toBe(1);
    }
  });

  it('definition files: 200,000 bad lines are 200,000 located problems, not a RangeError out of the decoder', () => {
    const text = 'not an entry\r\n'.repeat(200_000);
    const d = decodeInf('log', IniDocument.parse(text), 'WebReprt/AMHTPLOG.INF');
    expect(d.problems.length).toBeGreaterThanOrEqual(200_000);
    expect(d.problems[199_999]).toMatchObject({ code: 'ER_4018', file: 'WebReprt/AMHTPLOG.INF', line: 200_000 });
    const c = decodeConfig({
      'WebReprt/AMHTPLOG.INF': IniDocument.parse(text),
      'WebReprt/AMHTPADR.INF': IniDocument.parse('[URL1]\r\nURL=https://a.example/x.cgi\r\n'),
    });
    expect(c.problems.filter((p) => p.code === 'ER_4018')).toHaveLength(200_000);
  });
});
