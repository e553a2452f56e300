import { describe, it, expect } from 'vitest';
import { IniDocument } from '../../../../shared/ini/document.js';
import { MAX_URL_LENGTH, decodeAdr, defaultAdrText, encodeAdr } from '../../../../shared/inf/adr.js';
import { PLACEHOLDER_CENTER_URL } from '../../../../shared/inf/defaults.js';
import { brief, crlf, doc, expectOne, fixture, lineOf } from './helpers.js';

const F = 'F.INF';
const decode = (text: string) => decodeAdr(doc(text), F);
const manual = crlf('[URL1]', 'URL= https://13.13.13.133/Scripts/trsRecvAlert.cgi', '[URL2]', 'URL= https://13.13.13.155:8443/cgi-bin/trsRecvAlert.cgi');

describe('decodeAdr', () => {
  it("reads the manual's example, trimming the space after URL=", () => {
    expect(decode(manual)).toEqual({
      model: { url1: 'https://13.13.13.133/Scripts/trsRecvAlert.cgi', url2: 'https://13.13.13.155:8443/cgi-bin/trsRecvAlert.cgi' },
      problems: [],
    });
  });

  it('reads the sample fixture with no problems', () => {
    const r = decodeAdr(doc(fixture('AMHTPADR.INF')), 'AMHTPADR.INF');
    expect(r.problems).toEqual([]);
    expect(r.model.url2).toBe('https://13.13.13.155:8443/cgi-bin/trsRecvAlert.cgi');
  });

  it('leaves url2 out when there is no [URL2], or when its URL is empty', () => {
    expect(decode(crlf('[URL1]', 'URL=http://a.example/x'))).toEqual({ model: { url1: 'http://a.example/x' }, problems: [] });
    const r = decode(crlf('[URL1]', 'URL=http://a.example/x', '[URL2]', 'URL='));
    expect(r.model).toEqual({ url1: 'http://a.example/x' });
    expect('url2' in r.model).toBe(false);
    expect(r.problems).toEqual([]);
  });

  it('reads sections and keys in any case, and quoted values', () => {
    expect(decode(crlf('[url1]', 'url = "https://a.example/x"')).model).toEqual({ url1: 'https://a.example/x' });
  });

  it('accepts a URL of exactly 500 characters', () => {
    const url = `https://a.example/${'x'.repeat(MAX_URL_LENGTH - 18)}`;
    expect(url).toHaveLength(500);
    expect(decode(crlf('[URL1]', `URL=${url}`)).problems).toEqual([]);
  });

  describe('one located problem per mistake', () => {
    it('no [URL1] (ER_4003 at line 1)', () => {
      const p = expectOne(decode(crlf('[URL2]', 'URL=https://b.example/')).problems, 'ER_4003', 1, 'URL1');
      expect(p.message.en).toContain('[URL1]');
    });

    it('an empty file (ER_4003 at line 1)', () => {
      expectOne(decode('').problems, 'ER_4003', 1, 'URL1');
    });

    it('[URL1] without URL (ER_4004 at the header)', () => {
      const text = crlf('; x', '[URL1]', 'Other=1');
      const ps = decode(text).problems.filter((p) => p.code !== 'ER_4025');
      expectOne(ps, 'ER_4004', 2, 'URL1.URL');
    });

    it('[URL1] with an empty URL (ER_4004 at the key)', () => {
      expectOne(decode(crlf('[URL1]', 'URL=')).problems, 'ER_4004', 2, 'URL1.URL');
      expectOne(decode(crlf('[URL1]', 'URL=""')).problems, 'ER_4004', 2, 'URL1.URL');
    });

    it('[URL2] without a URL key (ER_4004)', () => {
      expectOne(decode(crlf('[URL1]', 'URL=https://a.example/', '[URL2]')).problems, 'ER_4004', 3, 'URL2.URL');
    });

    it('a URL of 501 characters (ER_4005 with its length)', () => {
      const url = `https://a.example/${'x'.repeat(MAX_URL_LENGTH - 17)}`;
      const p = expectOne(decode(crlf('[URL1]', `URL= ${url}`)).problems, 'ER_4005', 2, 'URL1.URL');
      expect(p.message.en).toContain('501');
    });

    it.each([
      'ftp://a.example/x',
      'a.example/x',
      'https://',
      'https:///x',
      'https://a.example/ｘ',
      'https://a.example/a b',
      'https://例え.jp/x',
      'HTTPS//a.example',
    ])('a URL that is not https:// or http:// in half-width characters: %s (ER_4006)', (url) => {
      expectOne(decode(crlf('[URL1]', 'URL=https://ok.example/', '[URL2]', `URL=${url}`)).problems, 'ER_4006', 4, 'URL2.URL');
    });

    it('accepts HTTP/HTTPS in upper case', () => {
      expect(decode(crlf('[URL1]', 'URL=HTTPS://A.EXAMPLE/X')).problems).toEqual([]);
    });

    it('an unclosed quote (ER_4027)', () => {
      expectOne(decode(crlf('[URL1]', 'URL="https://a.example/')).problems, 'ER_4027', 2, 'URL1.URL');
    });

    it('an unknown section (ER_4002, a warning)', () => {
      const p = expectOne(decode(crlf('[URL1]', 'URL=https://a.example/', '[URL3]', 'URL=https://c.example/')).problems, 'ER_4002', 3, 'URL3');
      expect(p.severity).toBe('warning');
    });

    it('an unknown key (ER_4025, a warning)', () => {
      const p = expectOne(decode(crlf('[URL1]', 'URL=https://a.example/', 'Proxy=x')).problems, 'ER_4025', 3, 'URL1.Proxy');
      expect(p.severity).toBe('warning');
    });

    it('a second [URL1] (ER_4019; the first is used, as Windows does)', () => {
      const r = decode(crlf('[URL1]', 'URL=https://a.example/', '[URL1]', 'URL=https://b.example/'));
      expectOne(r.problems, 'ER_4019', 3);
      expect(r.model.url1).toBe('https://a.example/');
    });
  });

  it('keeps a wrong URL in the model, so it can be shown and corrected', () => {
    expect(decode(crlf('[URL1]', 'URL=ftp://a.example/')).model.url1).toBe('ftp://a.example/');
  });
});

describe('encodeAdr', () => {
  it('returns the input text exactly for an unchanged model (CRLF, spacing, comments)', () => {
    for (const text of [manual, fixture('AMHTPADR.INF'), fixture('AMHTPADR.INF').replace(/\r\n/g, '\n')]) {
      const d = doc(text);
      expect(encodeAdr(decodeAdr(d, F).model, d).toString()).toBe(text);
    }
  });

  it('does not change the document it was given', () => {
    const d = doc(manual);
    encodeAdr({ url1: 'https://x.example/' }, d);
    expect(d.toString()).toBe(manual);
  });

  it('changes only the URL of a changed destination, keeping the space after URL=', () => {
    const out = encodeAdr({ url1: 'https://new.example/a.cgi', url2: 'https://13.13.13.155:8443/cgi-bin/trsRecvAlert.cgi' }, doc(manual));
    expect(out.toString()).toBe(manual.replace('https://13.13.13.133/Scripts/trsRecvAlert.cgi', 'https://new.example/a.cgi'));
  });

  it('removes [URL2] when the model has no secondary, and appends it in the manual form when added', () => {
    const one = encodeAdr({ url1: 'https://13.13.13.133/Scripts/trsRecvAlert.cgi' }, doc(manual));
    expect(one.toString()).toBe(crlf('[URL1]', 'URL= https://13.13.13.133/Scripts/trsRecvAlert.cgi'));
    const two = encodeAdr({ url1: 'https://13.13.13.133/Scripts/trsRecvAlert.cgi', url2: 'https://b.example/' }, one);
    expect(two.toString()).toBe(crlf('[URL1]', 'URL= https://13.13.13.133/Scripts/trsRecvAlert.cgi', '', '[URL2]', 'URL= https://b.example/'));
  });

  it('keeps an [URL2] that already says "none"', () => {
    const text = crlf('[URL1]', 'URL=https://a.example/', '[URL2]', 'URL=');
    expect(encodeAdr({ url1: 'https://a.example/' }, doc(text)).toString()).toBe(text);
  });

  it('keeps unknown keys and sections, and writes into LF files with LF', () => {
    const text = '[URL1]\nURL=https://a.example/\nNote=keep\n[Mine]\nx=1\n';
    const out = encodeAdr({ url1: 'https://a.example/', url2: 'https://b.example/' }, doc(text)).toString();
    expect(out).toBe(`${text}\n[URL2]\nURL= https://b.example/\n`);
  });

  it('writes a fresh file from the commented default', () => {
    const out = encodeAdr({ url1: 'https://a.example/x.cgi', url2: 'http://b.example/y.cgi' });
    expect(out.toString()).toContain('\r\n[URL1]\r\nURL= https://a.example/x.cgi\r\n');
    expect(out.toString().startsWith(';')).toBe(true);
    expect(decodeAdr(out, F)).toEqual({ model: { url1: 'https://a.example/x.cgi', url2: 'http://b.example/y.cgi' }, problems: [] });
  });
});

describe('defaultAdrText', () => {
  it('decodes with no problems to the placeholder centre', () => {
    for (const eol of ['\r\n', '\n'] as const) {
      const text = defaultAdrText(eol);
      expect(decodeAdr(IniDocument.parse(text), F)).toEqual({ model: { url1: PLACEHOLDER_CENTER_URL }, problems: [] });
      expect(
        text
          .split(eol)
          .slice(0, -1)
          .every((l) => !/[\r\n]/.test(l)),
      ).toBe(true);
    }
  });

  it('explains the keys in Japanese and English', () => {
    const text = defaultAdrText();
    expect(text).toContain('一次通報先');
    expect(text).toContain('Primary destination');
    expect(brief(decodeAdr(doc(text), F).problems)).toEqual([]);
    expect(lineOf(text, '[URL1]')).toBeGreaterThan(1);
  });
});
