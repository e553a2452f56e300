import { describe, it, expect } from 'vitest';
import { personalKeys, buildSettingsEntry, readSettingsEntry } from '../../../../shared/transfer/settings-entry.js';
import { isUnsafeEntryName, majorOf, ENTRY_NAMES } from '../../../../shared/transfer/format.js';
import { lineDiff } from '../../../../shared/transfer/diff.js';
import { planImport } from '../../../../shared/transfer/plan.js';
import { defaultSettings } from '../../../../shared/settings/schema.js';
import { type ExportContents } from '../../../../shared/transfer/model.js';
import { type Manifest } from '../../../../shared/transfer/format.js';

const manifest = (serial: string, omitted: string[] = []): Manifest => ({
  format: 'express-report-settings',
  formatVersion: '1.0',
  product: 'express-report',
  productVersion: '0',
  createdAt: '2026-01-01T00:00:00.000Z',
  identity: { serverName: 'S', deviceCode: 'D', serialNumber: serial },
  state: 'configured',
  scope: 'support',
  personal: omitted.length > 0 ? 'omit' : 'include',
  omitted,
  entries: [],
});

function contents(settings = defaultSettings(), serial = '', omitted: string[] = []): ExportContents {
  const entry = buildSettingsEntry(settings, [], new Set(omitted));
  const read = readSettingsEntry(entry, omitted, 'x.zip');
  return { manifest: manifest(serial, omitted), entry, values: read.values, optionDevices: read.optionDevices, definitions: {} };
}

describe('settings transfer (pure)', () => {
  it('the personal fields are exactly these', () => {
    expect(personalKeys()).toEqual([
      'activation.replyMail',
      'customer.nameKana',
      'customer.name',
      'customer.department',
      'customer.postalCode',
      'customer.addressKana',
      'customer.address',
      'customer.addressDetail',
      'customer.phone',
      'customer.email',
      'customer.contactKana',
      'customer.contact',
      'dealer.sales.name',
      'dealer.sales.phone',
      'dealer.se.name',
      'dealer.se.phone',
    ]);
  });

  it('every setting is written out; a missing one is ER_3521, a declared omission is not', () => {
    const entry = buildSettingsEntry(defaultSettings(), [], new Set());
    expect(entry.settings['mail.smtp.port']).toBe('25');
    expect(entry.secrets['mail.auth.password']).toBe('not set');
    delete entry.settings['mail.smtp.port'];
    delete entry.settings['customer.name'];
    const r = readSettingsEntry(entry, ['customer.name'], 'x.zip');
    expect(r.problems.map((p) => `${p.code} ${p.field}`)).toEqual(['ER_3521 mail.smtp.port']);
    entry.settings['no.such.key'] = '1';
    expect(readSettingsEntry(entry, ['customer.name', 'mail.smtp.port'], 'x.zip').problems.map((p) => p.code)).toEqual(['ER_3522']);
  });

  it('entry names: traversal and roots are unsafe; the fixed list is safe', () => {
    for (const n of ['../x', 'a/../../x', '/etc/passwd', '\\\\server\\x', 'C:/x', 'a\\..\\x']) expect(isUnsafeEntryName(n), n).toBe(true);
    for (const n of ENTRY_NAMES) expect(isUnsafeEntryName(n), n).toBe(false);
    expect(majorOf('2.3')).toBe(2);
    expect(majorOf('x')).toBeNaN();
  });

  it('line diff names the lines only in A and only in B, ignoring line-end style', () => {
    expect(lineDiff('a\r\nb\r\nc\r\n', 'a\nB\nc\n')).toEqual(['- 2: b', '+ 2: B']);
    expect(lineDiff('x', 'x')).toEqual([]);
  });

  it('plan: statuses, a not-activated machine becomes configured, another serial is refused unless told', () => {
    const theirs = defaultSettings();
    theirs['activation.state'] = 'active';
    theirs['machine.serialNumber'] = '00000001';
    theirs['mail.smtp.host'] = 'smtp.example.jp';
    theirs['mail.smtp.port'] = 587;
    const local = defaultSettings();
    local['mail.smtp.host'] = 'old.example.jp';
    const plan = planImport({ config: { settings: local, optionDevices: [], inf: {} }, definitions: {} }, contents(theirs, '00000001'), {
      groups: ['activation', 'routes', 'schedule', 'definitions'],
      otherMachine: false,
    });
    const row = (k: string) => plan.rows.find((r) => r.key === k);
    expect(row('activation.state')).toMatchObject({ status: 'changed', from: 'not-activated', to: 'configured' });
    expect(row('mail.smtp.host')).toMatchObject({ status: 'changed', from: 'old.example.jp', to: 'smtp.example.jp' });
    expect(row('mail.smtp.port')).toMatchObject({ status: 'changed', from: '25', to: '587' });
    expect(row('machine.serialNumber')).toMatchObject({ status: 'added' });
    expect(row('mail.auth.password')).toMatchObject({ status: 'kept secret' });
    expect(row('schedule.retry.intervalMinutes')?.status).toBe('same');
    expect(plan.activate).toBe(true);
    expect(plan.problems).toEqual([]);

    local['machine.serialNumber'] = '00000002';
    const other = { config: { settings: local, optionDevices: [], inf: {} }, definitions: {} };
    const all = ['activation', 'routes', 'schedule', 'definitions'] as const;
    expect(planImport(other, contents(theirs, '00000001'), { groups: all, otherMachine: false }).problems.map((p) => p.code)).toEqual(['ER_3524']);
    expect(planImport(other, contents(theirs, '00000001'), { groups: all, otherMachine: true }).problems).toEqual([]);
    expect(planImport(other, contents(theirs, '00000001'), { groups: ['routes'], otherMachine: false }).rows.every((r) => r.group === 'routes')).toBe(true);
  });
});
