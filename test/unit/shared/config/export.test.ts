import { describe, expect, it } from 'vitest';
import { decode } from 'ini';
import { exportSettingsIni } from '../../../../shared/config/export.js';
import { defaultSettings } from '../../../../shared/settings/schema.js';

describe('exportSettingsIni (config export)', () => {
  const settings = { ...defaultSettings(), 'mail.smtp.host': 'smtp.foo.co.jp', 'mail.smtp.port': 587, 'mail.auth.password': 'sealed:v1:secret-Pa55' };
  const optionDevices = [
    { name: 'disk array', deviceCode: 'GP5-100', serialNumber: 'S123' },
    { name: '', deviceCode: 'GP5-200', serialNumber: 'S456' },
  ];

  it("groups every setting by its key's first part, with the option devices numbered", () => {
    const text = exportSettingsIni({ settings, optionDevices });
    const ini = decode(text);
    expect(ini.mail['smtp.host']).toBe('smtp.foo.co.jp');
    expect(ini.mail['smtp.port']).toBe('587');
    expect(ini.schedule['retry.intervalMinutes']).toBe('5');
    expect(ini.options).toEqual({ 1: 'GP5-100 S123 disk array', 2: 'GP5-200 S456' });
    expect(text).toMatch(/^\[mail\]$/m);
    expect(text).toContain('smtp.host = smtp.foo.co.jp\n');
  });

  it('shows a set secret only as (set), an empty one as empty; the sealed text never appears', () => {
    const text = exportSettingsIni({ settings, optionDevices: [] });
    expect(decode(text).mail['auth.password']).toBe('(set)');
    expect(text).not.toContain('Pa55');
    expect(text).not.toContain('sealed:');
    expect(decode(exportSettingsIni({ settings: defaultSettings(), optionDevices: [] })).mail['auth.password']).toBe('');
  });

  it('is the same text everywhere: \\n line ends, no trailing newline, no [options] without option devices', () => {
    const text = exportSettingsIni({ settings: defaultSettings(), optionDevices: [] });
    expect(text).not.toContain('\r');
    expect(text.endsWith('\n')).toBe(false);
    expect(text).not.toContain('[options]');
    expect(exportSettingsIni({ settings: defaultSettings(), optionDevices: [] })).toBe(text);
  });
});
