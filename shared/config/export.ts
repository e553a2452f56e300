/**
 * The settings as one INI for support staff (`config export`; the next issue builds export/import on it): every
 * setting grouped by its key's first part (`[mail]` smtp.host=...), then `[options]` with one line per option device.
 * Secrets are redacted by structure (listValues shows only whether one is set), never by searching the text.
 * Pure: the same config gives the same text on every platform (`\n` line ends, no trailing newline).
 */
import { encode as encodeIni } from 'ini';
import { listValues } from '../settings/access.js';
import { type Config } from './model.js';

export function exportSettingsIni(config: Pick<Config, 'settings' | 'optionDevices'>): string {
  const tree: Record<string, Record<string, string | string[]>> = {};
  for (const r of listValues(config.settings)) {
    const dot = r.key.indexOf('.');
    (tree[r.key.slice(0, dot)] ??= {})[r.key.slice(dot + 1)] = r.value;
  }
  tree.options = Object.fromEntries(config.optionDevices.map((d, i) => [`${i + 1}`, `${d.deviceCode} ${d.serialNumber} ${d.name}`.trim()]));
  return encodeIni(tree, { whitespace: true, platform: 'linux' }).trimEnd();
}
