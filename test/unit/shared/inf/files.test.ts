import { describe, it, expect } from 'vitest';
import { IniDocument } from '../../../../shared/ini/document.js';
import { decodeAdr } from '../../../../shared/inf/adr.js';
import {
  INF_FILES,
  decodeInf,
  defaultInfText,
  encodeInf,
  encodeInfContent,
  infFileName,
  infKindFromFileName,
  type InfDecoded,
  type InfKind,
} from '../../../../shared/inf/files.js';
import { decodeLog } from '../../../../shared/inf/log.js';
import { fixture } from './helpers.js';

describe('the definition-file registry', () => {
  it('maps the three file names to their kinds', () => {
    expect(INF_FILES).toEqual({ 'AMHTPADR.INF': 'adr', 'AMHTPLOG.INF': 'log', 'AMHTPHBI.INF': 'hbi' });
    expect(infFileName('log')).toBe('AMHTPLOG.INF');
  });

  it.each([
    ['AMHTPADR.INF', 'adr'],
    ['amhtplog.inf', 'log'],
    ['C:\\ESM\\AlertMan\\Work\\WebReprt\\AmHtpHbi.Inf', 'hbi'],
    ['/etc/express-report/WebReprt/AMHTPLOG.INF', 'log'],
    ['WebReprt/AMHTPADR.INF', 'adr'],
  ])('knows %s as %s', (name, kind) => expect(infKindFromFileName(name)).toBe(kind));

  it.each(['AMHTPADR.INF.bak', 'AMHTPADR', 'routes.ini', '', 'WebReprt/', 'constructor', '__proto__', 'toString'])('knows nothing of %j', (name) =>
    expect(infKindFromFileName(name)).toBeUndefined(),
  );
});

describe('decodeInf / encodeInf', () => {
  it('dispatch to the codec of the kind', () => {
    const text = fixture('AMHTPLOG.INF');
    const d = IniDocument.parse(text);
    const r = decodeInf('log', d, 'AMHTPLOG.INF');
    expect(r.kind).toBe('log');
    expect({ model: r.model, problems: r.problems }).toEqual(decodeLog(d, 'AMHTPLOG.INF'));
    expect(encodeInf('log', r.model, d).toString()).toBe(text);
  });

  it('give a union that a switch on kind narrows', () => {
    const describeIt = (r: InfDecoded): string => {
      switch (r.kind) {
        case 'adr':
          return r.model.url1;
        case 'log':
          return String(r.model.tools.length);
        case 'hbi':
          return r.model.schedule.type;
      }
    };
    const kinds: InfKind[] = ['adr', 'log', 'hbi'];
    const seen = kinds.map((k) => describeIt(decodeInf(k, IniDocument.parse(defaultInfText(k)), k)));
    expect(seen).toEqual(['https://report.example.invalid/Scripts/trsRecvAlert.cgi', '0', 'every month']);
  });

  it('encode a tagged model', () => {
    const out = encodeInfContent({ kind: 'adr', model: { url1: 'https://a.example/' } });
    expect(decodeAdr(out, 'x').model).toEqual({ url1: 'https://a.example/' });
  });

  it('ship defaults that decode with no problems, in either line end', () => {
    for (const kind of ['adr', 'log', 'hbi'] as const) {
      for (const eol of ['\r\n', '\n'] as const) {
        const text = defaultInfText(kind, eol);
        expect(decodeInf(kind, IniDocument.parse(text), 'x').problems).toEqual([]);
        expect(text.endsWith(eol)).toBe(true);
        if (eol === '\n') expect(text).not.toContain('\r');
      }
    }
  });
});
