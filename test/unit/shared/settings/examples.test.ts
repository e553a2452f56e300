/**
 * Each guide message's example (「(例) …」) is a value its own field accepts, in both languages, and a host field's example
 * names its own kind of server (the proxy's example was an SMTP host; the kana examples were full-width).
 */
import { describe, expect, it } from 'vitest';
import { settingDefs } from '../../../../shared/settings/schema.js';
import { checkCharClass } from '../../../../shared/settings/charclass.js';
import { type SettingDef, type TextDef } from '../../../../shared/settings/define.js';

/** The examples after 「(例)」, split at 「、」. */
function examplesOf(guide: string): string[] {
  const m = /\(例\)\s*(.+)$/.exec(guide);
  return m
    ? m[1]!
        .split('、')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
}

const textDefs: TextDef[] = (settingDefs as readonly SettingDef[]).filter((d): d is TextDef => d.kind === 'text');
const withExamples = textDefs.map((d) => ({ def: d, examples: examplesOf(d.guide.ja) })).filter((x) => x.examples.length > 0);

describe('guide examples', () => {
  it('finds the examples it checks', () => {
    expect(withExamples.length).toBeGreaterThan(10);
  });

  it.each(withExamples.map((x) => [x.def.key, x] as const))('%s: every example is a value the field accepts', (_key, { def, examples }) => {
    for (const ex of examples) {
      expect(checkCharClass(ex, def.charClass), `${def.key}: ${ex}`).toBeUndefined();
      expect([...ex].length).toBeLessThanOrEqual(def.maxLength);
    }
  });

  it.each(withExamples.filter((x) => /e\.g\./.test(x.def.guide.en)).map((x) => [x.def.key, x] as const))(
    '%s: the English guide gives the same examples',
    (_key, { def, examples }) => {
      for (const ex of examples) expect(def.guide.en).toContain(ex);
    },
  );

  it('gives each host field an example of its own kind of server', () => {
    const hosts = withExamples.filter((x) => x.def.charClass === 'host');
    expect(hosts.map((x) => x.def.key).sort()).toEqual([
      'https.manager.host',
      'https.manager.secondary.host',
      'https.proxy.host',
      'mail.pop.host',
      'mail.smtp.host',
      'manager.host',
      'manager.secondary.host',
    ]);
    const names = hosts.map((x) => x.examples[0]);
    expect(new Set(names).size).toBe(names.length);
    expect(hosts.find((x) => x.def.key === 'https.proxy.host')!.examples[0]).toMatch(/^proxy\./);
    expect(hosts.find((x) => x.def.key === 'mail.pop.host')!.examples[0]).toMatch(/^pop\./);
  });
});
