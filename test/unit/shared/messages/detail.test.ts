/**
 * Messages in the customer's words (issue 11 section 4): the system's own text (ENOENT, a TLS reason) is apart from our
 * plain sentence (shared/messages/detail.ts), and no message names a setting by its key (https.proxy.user) where the
 * window shows a label (「ユーザー名」); the command line still prints the key, as the problem's field.
 */
import { describe, expect, it } from 'vitest';
import { catalogue, type MessageCode } from '../../../../shared/messages/catalogue.js';
import { splitTemplate } from '../../../../shared/messages/detail.js';
import { formatProblem, problem } from '../../../../shared/messages/problem.js';
import { text } from '../../../../shared/messages/text.js';
import { settingDefs } from '../../../../shared/settings/schema.js';

/** `{reason}` is our own prose here (…は、{reason}ため), so the whole message stays one sentence. */
const PROSE_REASON = ['ER_4300', 'ER_4301'];

describe('the plain sentence and the system text apart', () => {
  it('every message quoting a reason splits cleanly in both languages, leaving a well-formed sentence', () => {
    for (const [code, def] of Object.entries(catalogue)) {
      if (!def.ja.includes('{reason}')) continue;
      const ja = splitTemplate(def.ja, 'ja');
      const en = splitTemplate(def.en, 'en');
      if (PROSE_REASON.includes(code)) {
        expect(ja, code).toBeUndefined();
        continue;
      }
      expect(ja && en, code).toBeTruthy();
      for (const s of [ja!, en!]) {
        expect(s.plain, code).not.toContain('{reason}');
        expect(s.plain, code).not.toMatch(/\(\)|\uff08\uff09|[:\uff1a]\s*[。.]|[:\uff1a]\s*$|\s[.。]|。。|\.\.$/);
        expect(s.plain, code).toMatch(/[。.)]$/);
        expect(s.detail, code).toMatch(/^\{reason\}/);
      }
    }
  });

  it('a string reason is the detail; the message stays whole for the command line and the log', () => {
    const reason = "ENOENT: no such file or directory, open '/etc/ca.pem'";
    const p = problem('ER_1001', { path: '/etc/ca.pem', reason });
    expect(p.plain).toEqual({ ja: 'ファイル /etc/ca.pem を読み込めません。', en: 'Cannot read /etc/ca.pem.' });
    expect(p.detail).toBe(reason);
    expect(p.message.en).toBe(`Cannot read /etc/ca.pem: ${reason}`);
    const tls = problem('ER_2004', { peer: text('一次通報先', 'the primary'), reason: 'certificate has expired', code: 'CERT_HAS_EXPIRED' });
    expect(tls.detail).toBe('certificate has expired (CERT_HAS_EXPIRED)');
    expect(tls.plain?.ja).toBe(
      '一次通報先の証明書を検証できません。通報先が独自の認証局を使う場合は、[追加の CA 証明書ファイル]にその CA 証明書(PEM)を指定してください。',
    );
  });

  it('a reason in our own words (a LocalizedText) stays in the sentence', () => {
    const p = problem('ER_6025', { source: 'atapi', id: '0xc0040006', reason: text('監視対象外です', 'it is not monitored') });
    expect(p.plain).toBeUndefined();
    expect(p.detail).toBeUndefined();
  });
});

describe('labels, not keys', () => {
  it('no message names a setting by its key (the window shows labels; the command line prints the key as the field)', () => {
    const keys = settingDefs.map((d) => d.key).filter((k) => k.includes('.'));
    for (const [code, def] of Object.entries(catalogue)) {
      for (const key of keys) {
        expect(def.ja.includes(key) || def.en.includes(key), `${code} names ${key}`).toBe(false);
      }
    }
  });

  it('the proxy refusal names what the HTTPS dialog shows; the command line still shows the key as the field', () => {
    const p = problem('ER_2006' as MessageCode, { proxy: 'proxy.example.jp:8080', reply: '407 Proxy Authentication Required' }, { field: 'https.proxy.user' });
    expect(p.message.ja).toContain('[プロキシサーバ]の[ユーザー名]と[パスワード]を確認してください');
    expect(formatProblem(p, 'ja')).toMatch(/^https\.proxy\.user: ER_2006 /);
  });
});
