import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { defaultSettings, settingDefs, type Settings } from '../../../../shared/settings/schema.js';
import { validateSettings, validateSetting, viewOf, isActive } from '../../../../shared/settings/validate.js';
import { type TextDef } from '../../../../shared/settings/define.js';
import { checkCharClass, isHost, isEmail, parseTimeWindow, isDate } from '../../../../shared/settings/charclass.js';
import { parseValue, formatValue } from '../../../../shared/settings/values.js';

const codesOf = (s: Settings, field?: string) =>
  validateSettings(s)
    .filter((p) => !field || p.field === field)
    .map((p) => p.code);
function settings(patch: Partial<Record<string, unknown>>): Settings {
  return { ...defaultSettings(), ...patch } as Settings;
}
const keyFileActivated = {
  'activation.method': 'keyfile',
  'customer.nameKana': 'ﾆﾁﾃﾞﾝ ﾀﾛｳ',
  'customer.name': '日電太郎',
  'customer.postalCode': '0123456',
  'customer.addressKana': 'ﾄｳｷｮｳﾄ ﾌﾁｭｳｼ',
  'customer.address': '東京都府中市',
  'customer.phone': '0123-45-6789',
  'customer.email': 'aaa@bbb.co.jp',
  'machine.serverName': 'SERVER001',
  'machine.deviceCode': 'N8100-XXX',
  'machine.serialNumber': '00000001',
  'machine.warrantyNumber': '99999999',
};

describe('settings defaults', () => {
  it("are valid as shipped, with the manual's defaults", () => {
    const s = defaultSettings();
    expect(validateSettings(s)).toEqual([]);
    expect(s['schedule.retry.intervalMinutes']).toBe(5);
    expect(s['schedule.retry.limitHours']).toBe(72);
    expect(s['schedule.window.mon']).toBe('00:00-24:00');
    expect(s['mail.smtp.port']).toBe(25);
    expect(s['mail.pop.port']).toBe(110);
    expect(s['mail.encoding']).toBe('uuencode');
    expect(s['mail.smime']).toBe(true);
    expect(s['manager.port']).toBe(31136);
    expect(s['relay.https.port']).toBe(31138);
    expect(s['dialup.intervalSeconds']).toBe(60);
    expect(s['mail.auth.methods']).toEqual(['CRAM-MD5', 'LOGIN', 'PLAIN']);
  });

  it('every setting has a label and a guide message in both languages', () => {
    for (const d of settingDefs) {
      for (const t of [d.label, d.guide]) {
        expect(t.ja.length, d.key).toBeGreaterThan(0);
        expect(t.en.length, d.key).toBeGreaterThan(0);
      }
    }
    expect(new Set(settingDefs.map((d) => d.key)).size).toBe(settingDefs.length);
    expect(new Set(settingDefs.map((d) => `${d.file}|${d.section}|${d.name}`.toLowerCase())).size).toBe(settingDefs.length);
  });
});

describe('limits of every text setting', () => {
  const textDefs = settingDefs.filter((d): d is TextDef & (typeof settingDefs)[number] => d.kind === 'text');
  const filler: Record<string, string> = {
    any: 'a',
    'full-width': '漢',
    'half-kana': 'ｱ',
    ascii: 'A',
    digits: '1',
    phone: '1',
    dial: '1',
  };
  for (const d of textDefs) {
    const fill = filler[d.charClass];
    if (!fill) continue; // formats with a shape (email, host, date...) are tested below
    it(`${d.key}: ${d.exactLength ?? d.maxLength} characters pass, one more is refused`, () => {
      const n = d.exactLength ?? d.maxLength;
      const v = viewOf(defaultSettings());
      expect(validateSetting(d, fill.repeat(n), v)).toEqual([]);
      const over = validateSetting(d, fill.repeat(n + 1), v);
      expect(over.map((p) => p.code)).toEqual([d.exactLength ? 'ER_3003' : 'ER_3002']);
      expect(over[0]!.field).toBe(d.key);
    });
  }

  it('counts characters, not UTF-16 units', () => {
    const d = settingDefs.find((x) => x.key === 'machine.serverName')! as TextDef;
    expect(validateSetting(d, '𠮷'.repeat(20), viewOf(defaultSettings()))).toEqual([]);
  });

  it('refuses control characters and line breaks anywhere', () => {
    const d = settingDefs.find((x) => x.key === 'machine.comment')! as TextDef;
    expect(validateSetting(d, 'a\nb', viewOf(defaultSettings())).map((p) => p.code)).toEqual(['ER_3029']);
  });
});

describe('character classes', () => {
  it('full-width refuses half-width letters, digits and half-width kana, naming the character', () => {
    expect(checkCharClass('日電太郎', 'full-width')).toBeUndefined();
    expect(checkCharClass('日電1', 'full-width')).toEqual({ kind: 'char', char: '1' });
    expect(checkCharClass('日ｱ', 'full-width')).toEqual({ kind: 'char', char: 'ｱ' });
  });
  it('half-width katakana refuses full-width katakana and kanji', () => {
    expect(checkCharClass('ﾆﾁﾃﾞﾝ ﾀﾛｳ', 'half-kana')).toBeUndefined();
    expect(checkCharClass('ニチデン', 'half-kana')).toEqual({ kind: 'char', char: 'ニ' });
  });
  it.each([
    ['smtp.foo.co.jp', true],
    ['localhost', true],
    ['192.168.0.100', true],
    ['::1', true],
    ['2001:db8::1', true],
    ['[2001:db8::1]', true],
    ['fe80::1:2:3:4:5:6', true],
    ['1:2:3:4:5:6:7:8', true],
    ['::ffff:192.0.2.1', true],
    ['smtp.foo.co.jp.', true],
    ['256.1.1.1', false],
    ['1.2.3', false],
    ['-bad.example', false],
    ['a..b', false],
    ['under_score.jp', false],
    ['1:2:3:4:5:6:7:8:9', false],
    ['', false],
    ['a'.repeat(64) + '.jp', false],
    ['ホスト.jp', false],
    ['1::2::3', false],
  ])('host %s -> %s', (h, ok) => expect(isHost(h)).toBe(ok));
  it.each([
    ['sousin@foo.co.jp', true],
    ['a.b+c@x.example', true],
    ['aaa@bbb', false],
    ['@foo.co.jp', false],
    ['a@@b.jp', false],
    ['a b@c.jp', false],
    ['.a@b.jp', false],
    ['a..b@c.jp', false],
    ['あ@b.jp', false],
  ])('e-mail %s -> %s', (e, ok) => expect(isEmail(e)).toBe(ok));
  it.each([
    ['00:00-24:00', { start: 0, end: 1440 }],
    ['09:00-17:30', { start: 540, end: 1050 }],
    ['none', null],
    ['NONE', null],
    ['17:00-09:00', undefined],
    ['24:00-24:00', undefined],
    ['09:00-24:01', undefined],
    ['9:00-17:00', undefined],
    ['09:60-10:00', undefined],
  ])('time window %s', (w, r) => expect(parseTimeWindow(w)).toEqual(r));
  it('dates are real calendar days', () => {
    expect(isDate('2028-02-29')).toBe(true);
    expect(isDate('2027-02-29')).toBe(false);
    expect(isDate('2027-13-01')).toBe(false);
  });
  it.each([
    ['machine.deviceCode', 'N8100 XXX', 'ER_3015'],
    ['customer.postalCode', '012-3456', 'ER_3011'],
    ['customer.phone', '0123 45 6789', 'ER_3010'],
    ['customer.email', 'aaa@', 'ER_3007'],
    ['mail.smtp.host', 'bad host', 'ER_3008'],
    ['https.caFile', 'ca.pem', 'ER_3026'],
    ['activation.expiry', '2026/01/01', 'ER_3022'],
    ['schedule.window.sun', '25:00-26:00', 'ER_3016'],
    ['customer.nameKana', 'ニチデン', 'ER_3005'],
    ['customer.name', 'Nichiden', 'ER_3004'],
    ['dialup.primary.number', '123 456', 'ER_3010'],
    ['activation.keyCode', '123456', 'ER_3003'],
    ['activation.keyCode', '12a45', 'ER_3003'],
  ])('%s = %j -> %s', (key, value, code) => {
    const d = settingDefs.find((x) => x.key === key)!;
    expect(validateSetting(d, value, viewOf(settings(keyFileActivated))).map((p) => p.code)).toEqual([code]);
  });
});

describe('numbers, choices and secrets', () => {
  it.each([
    ['mail.smtp.port', 0, 'ER_3009'],
    ['mail.smtp.port', 65536, 'ER_3009'],
    ['mail.smtp.port', 65535, undefined],
    ['mail.smtp.port', 1, undefined],
    ['mail.timeoutSeconds', 59, 'ER_3012'],
    ['mail.timeoutSeconds', 3600, undefined],
    ['schedule.retry.intervalMinutes', 0, 'ER_3012'],
    ['schedule.retry.limitHours', 721, 'ER_3012'],
    ['https.proxy.port', 1.5, 'ER_3009'],
  ])('%s = %d -> %s', (key, value, code) => {
    expect(codesOf(settings({ [key]: value }), key)).toEqual(code ? [code] : []);
  });
  it('refuses an unknown choice, and a clear-text password in a file', () => {
    expect(codesOf(settings({ 'express.route': 'fax' }), 'express.route')).toEqual(['ER_3013']);
    expect(codesOf(settings({ 'mail.auth.password': 'hunter2' }), 'mail.auth.password')).toEqual(['ER_3020']);
    expect(codesOf(settings({ 'mail.auth.password': 'sealed:v1:abc:def' }), 'mail.auth.password')).toEqual([]);
  });
  it('parses values as typed or written, and formats them back', () => {
    const port = settingDefs.find((d) => d.key === 'mail.smtp.port')!;
    expect(parseValue(port, ' 587 ')).toEqual({ ok: true, value: 587 });
    expect(parseValue(port, 'abc')).toMatchObject({ ok: false, problem: { code: 'ER_3009' } });
    const wait = settingDefs.find((d) => d.key === 'mail.pop.waitMs')!;
    expect(parseValue(wait, '1.5')).toMatchObject({ ok: false, problem: { code: 'ER_3027' } });
    const use = settingDefs.find((d) => d.key === 'mail.pop.use')!;
    expect(parseValue(use, 'On')).toEqual({ ok: true, value: true });
    expect(parseValue(use, 'maybe')).toMatchObject({ ok: false, problem: { code: 'ER_3014' } });
    const methods = settingDefs.find((d) => d.key === 'mail.auth.methods')!;
    expect(parseValue(methods, 'plain, cram-md5')).toEqual({ ok: true, value: ['PLAIN', 'CRAM-MD5'] });
    expect(parseValue(methods, 'NTLM')).toMatchObject({ ok: false, problem: { code: 'ER_3024' } });
    const route = settingDefs.find((d) => d.key === 'express.route')!;
    expect(parseValue(route, 'HTTPS')).toEqual({ ok: true, value: 'https' });
    expect(formatValue(use, true)).toBe('on');
  });
  it("formatValue and parseValue are inverse for every setting's valid values", () => {
    for (const d of settingDefs) {
      if (d.kind === 'text' || d.kind === 'secret') continue;
      const values =
        d.kind === 'int' ? [d.min, d.max, d.default] : d.kind === 'bool' ? [true, false] : d.kind === 'enum' ? d.choices : [d.choices, [], [d.choices[0]!]];
      for (const v of values) expect(parseValue(d, formatValue(d, v))).toEqual({ ok: true, value: v });
    }
  });
});

describe('dependency rules', () => {
  it('an individual customer has no department or contact person', () => {
    const s = settings({
      ...keyFileActivated,
      'customer.type': 'individual',
      'customer.department': '総務',
      'customer.contact': '日電花子',
      'customer.contactKana': 'ﾊﾅｺ',
    });
    expect(validateSettings(s).map((p) => [p.field, p.code])).toEqual([
      ['customer.department', 'ER_3017'],
      ['customer.contactKana', 'ER_3017'],
      ['customer.contact', 'ER_3017'],
    ]);
    expect(validateSettings({ ...s, 'customer.type': 'corporate' })).toEqual([]);
  });

  it('the customer page is required only for key-file activation', () => {
    const keycode = settings({ ...keyFileActivated, 'activation.method': 'keycode', 'activation.keyCode': '01239', 'customer.name': '', 'customer.email': '' });
    expect(validateSettings(keycode)).toEqual([]);
    expect(codesOf({ ...keycode, 'activation.method': 'keyfile' })).toEqual(['ER_3001', 'ER_3001']);
    expect(codesOf({ ...keycode, 'activation.keyCode': '' }, 'activation.keyCode')).toEqual(['ER_3001']);
  });

  it('the machine page is required once activated', () => {
    expect(validateSettings(settings({ 'activation.method': 'keycode', 'activation.keyCode': '01239' })).map((p) => p.field)).toEqual([
      'machine.serverName',
      'machine.deviceCode',
      'machine.serialNumber',
      'machine.warrantyNumber',
    ]);
  });

  it('POP fields are required only with POP before SMTP, SMTP auth fields only with SMTP auth', () => {
    const mail = settings({
      ...keyFileActivated,
      'express.route': 'mail',
      'mail.smtp.host': 'smtp.foo.co.jp',
      'mail.sender': 'sousin@foo.co.jp',
      'mail.to': 'center@example.jp',
    });
    expect(validateSettings(mail)).toEqual([]);
    expect(validateSettings({ ...mail, 'mail.pop.use': true }).map((p) => p.field)).toEqual(['mail.pop.host', 'mail.pop.user', 'mail.pop.password']);
    expect(validateSettings({ ...mail, 'mail.auth.use': true, 'mail.auth.methods': [] }).map((p) => p.field)).toEqual([
      'mail.auth.user',
      'mail.auth.password',
      'mail.auth.methods',
    ]);
    expect(
      isActive(
        settingDefs.find((d) => d.key === 'mail.pop.host')!,
        viewOf(mail),
      ),
    ).toBe(false);
  });

  it('S/MIME needs key-file activation on the mail and dial-up routes only', () => {
    const keycode = { ...keyFileActivated, 'activation.method': 'keycode', 'activation.keyCode': '01239' };
    const mail = { 'express.route': 'mail', 'mail.smtp.host': 'smtp.foo.co.jp', 'mail.sender': 's@foo.co.jp', 'mail.to': 'c@example.jp' };
    expect(codesOf(settings({ ...keycode, ...mail }), 'mail.smime')).toEqual(['ER_3018']);
    expect(codesOf(settings({ ...keycode, ...mail, 'mail.smime': false }))).toEqual([]);
    expect(codesOf(settings({ ...keyFileActivated, ...mail }))).toEqual([]);
    expect(codesOf(settings({ ...keycode, 'express.route': 'https', 'activation.replyMail': 'r@foo.co.jp' }))).toEqual([]);
  });

  it('the route that is used makes its own fields required', () => {
    expect(validateSettings(settings({ 'express.route': 'dialup' })).map((p) => p.field)).toEqual(['dialup.primary.number', 'dialup.serial.port']);
    expect(validateSettings(settings({ 'express.route': 'dialup', 'dialup.method': 'management-port' })).map((p) => p.field)).toEqual([
      'dialup.primary.number',
    ]);
    expect(validateSettings(settings({ 'express.route': 'manager' })).map((p) => p.field)).toEqual(['manager.host']);
    expect(validateSettings(settings({ 'express.route': 'https', 'https.proxy.use': true })).map((p) => p.field)).toEqual(['https.proxy.host']);
    expect(validateSettings(settings({ 'express.route': 'https', 'remote.use': true })).map((p) => p.field)).toEqual([
      'remote.entry',
      'remote.user',
      'remote.password',
    ]);
  });

  describe("a manager's forwarding settings count whether or not express.route uses them (docs/relay.md)", () => {
    const fields = (patch: Partial<Record<string, unknown>>) => validateSettings(settings(patch)).map((p) => p.field);
    const byMail = { 'relay.express.enabled': true, 'relay.express.forward': 'mail' };
    const byDialup = { 'relay.express.enabled': true, 'relay.express.forward': 'dialup' };

    it('mail: the SMTP server, sender and destination are required while the relay of 31136 forwards by e-mail', () => {
      const need = ['mail.smtp.host', 'mail.sender', 'mail.to'];
      expect(fields(byMail)).toEqual(need);
      expect(fields({ ...byMail, 'express.route': 'https' })).toEqual(need);
      expect(fields({ ...byMail, 'mail.pop.use': true })).toEqual([...need, 'mail.pop.host', 'mail.pop.user', 'mail.pop.password']);
      expect(fields({ ...byMail, 'relay.express.enabled': false })).toEqual([]);
      expect(fields({ ...byDialup, 'mail.pop.use': true })).not.toContain('mail.pop.host');
    });

    it('dial-up: the primary number and the serial port are required while it forwards by dial-up, and S/MIME needs a key file', () => {
      expect(
        fields({ ...byDialup, 'express.route': 'mail', 'mail.smtp.host': 'smtp.foo.co.jp', 'mail.sender': 's@foo.co.jp', 'mail.to': 'c@example.jp' }),
      ).toEqual(['dialup.primary.number', 'dialup.serial.port']);
      expect(fields({ ...byMail, 'express.route': 'off' })).not.toContain('dialup.primary.number');
      const keycode = { ...keyFileActivated, 'activation.method': 'keycode', 'activation.keyCode': '01239' };
      const dialupSet = { 'dialup.primary.number': '123', 'dialup.serial.port': '/dev/ttyS0' };
      expect(codesOf(settings({ ...keycode, ...byDialup, ...dialupSet }), 'mail.smime')).toEqual(['ER_3018']);
      expect(codesOf(settings({ ...keycode, ...dialupSet, 'relay.express.enabled': false }), 'mail.smime')).toEqual([]);
    });

    it('HTTPS: the proxy and remote access count while the relay of 31138 forwards, and not for an agent that sends through a manager', () => {
      expect(fields({ 'relay.https.enabled': true, 'https.proxy.use': true })).toEqual(['https.proxy.host']);
      expect(fields({ 'relay.https.enabled': true, 'remote.use': true })).toEqual(['remote.entry', 'remote.user', 'remote.password']);
      expect(fields({ 'express.route': 'https', 'https.via': 'manager', 'https.manager.host': 'mgr', 'https.proxy.use': true })).toEqual([]);
      expect(
        fields({ 'express.route': 'https', 'https.via': 'manager', 'https.manager.host': 'mgr', 'https.proxy.use': true, 'relay.https.enabled': true }),
      ).toEqual(['https.proxy.host']);
      const v = viewOf(settings({ 'relay.https.enabled': true }));
      expect(
        ['https.proxy.use', 'https.caFile', 'https.timeoutSeconds', 'remote.use'].filter((k) =>
          isActive(
            settingDefs.find((d) => d.key === k)!,
            v,
          ),
        ),
      ).toHaveLength(4);
    });
  });

  it('relay ports differ when both relays are on, and the retry interval fits in the limit', () => {
    expect(codesOf(settings({ 'relay.express.enabled': true, 'relay.https.enabled': true, 'relay.https.port': 31136 }), 'relay.https.port')).toEqual([
      'ER_3030',
    ]);
    expect(codesOf(settings({ 'schedule.retry.intervalMinutes': 120, 'schedule.retry.limitHours': 1 }))).toEqual(['ER_3031']);
  });

  it('never throws, whatever the values', () => {
    const keys = settingDefs.map((d) => d.key);
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.string()))), (patch) => {
        const ps = validateSettings(settings(patch));
        for (const p of ps) expect(p.message.ja.length * p.message.en.length).toBeGreaterThan(0);
      }),
    );
  });
});
