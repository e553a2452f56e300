import { type SettingValue } from './define.js';
import { settingDefs, type Settings, type SettingKey } from './schema.js';
import { validateSettings } from './validate.js';
import { type Problem } from '../messages/problem.js';
import { formatValue } from './values.js';

/** Reading and changing settings by public key (command line, HostApi). */
export function getValue(s: Settings, key: SettingKey): SettingValue {
  return (s as unknown as Record<string, SettingValue>)[key]!;
}

export function withValues(s: Settings, changes: ReadonlyMap<SettingKey, SettingValue>): Settings {
  const next = { ...s } as unknown as Record<string, SettingValue>;
  for (const [k, v] of changes) next[k] = v;
  return next as unknown as Settings;
}

/**
 * The errors a change brings: those of the changed keys, and rule errors that were not there before
 * (e.g. setting express.route=mail makes the SMTP host required). Errors already present elsewhere do not count.
 */
export function errorsIntroduced(before: Settings, after: Settings, changed: Iterable<SettingKey>): Problem[] {
  const keys = new Set<string>(changed);
  const id = (p: Problem): string => `${p.code}|${p.field ?? ''}`;
  const old = new Set(
    validateSettings(before)
      .filter((p) => p.severity === 'error')
      .map(id),
  );
  return validateSettings(after).filter((p) => p.severity === 'error' && (keys.has(p.field ?? '') || !old.has(id(p))));
}

/** Every setting as `key`, text value; secrets shown only as whether they are set. */
export function listValues(s: Settings): Array<{ key: SettingKey; value: string; secret: boolean }> {
  return settingDefs.map((d) => {
    const v = getValue(s, d.key);
    return { key: d.key, secret: d.kind === 'secret', value: d.kind === 'secret' ? (v === '' ? '' : '(set)') : formatValue(d, v) };
  });
}
