/**
 * A test with the route dialog's values (テスト通報 / 開局通報 before OK): the saved configuration with some settings and
 * the destinations replaced for this one send, never written. The host builds it (typed values parsed, secrets sealed);
 * the sender (service/notify/notify.ts, in-process or behind the service's local API) applies it with applyOverride, so
 * whatever arrives is checked again here: known keys, no lifecycle or registration key, secrets only sealed, and no
 * error that the saved settings did not already have.
 */
import { problem, type Problem } from '../messages/problem.js';
import { isSettingKey, settingDef, type SettingKey } from '../settings/schema.js';
import { parseValue, isSealedValue } from '../settings/values.js';
import { errorsIntroduced, withValues } from '../settings/access.js';
import { type SettingValue } from '../settings/define.js';
import { checkUrl, type AdrModel } from '../inf/adr.js';
import { type Config } from './model.js';

export interface ConfigOverride {
  /** Settings in their text form (as in the files); a secret only sealed (`sealed:v1:...`) or empty. */
  values: Partial<Record<SettingKey, string>>;
  /** AMHTPADR.INF as 宛先の読み込み read it, not yet saved. */
  destinations?: AdrModel;
}

export type Overridden = { ok: true; config: Config } | { ok: false; problems: Problem[] };

/** activation.* is who the machine is and where it stands: a test never changes it, even for one send. */
export const isOverridableKey = (key: string): boolean => isSettingKey(key) && !key.startsWith('activation.');

export function applyOverride(c: Config, o: ConfigOverride): Overridden {
  const problems: Problem[] = [];
  const changes = new Map<SettingKey, SettingValue>();
  for (const [key, raw] of Object.entries(o.values)) {
    if (raw === undefined) continue;
    const def = settingDef(key);
    if (!def || !isOverridableKey(key)) {
      problems.push(problem('ER_3061', { key }, { field: key }));
      continue;
    }
    if (def.kind === 'secret' && raw !== '' && !isSealedValue(raw)) {
      problems.push(problem('ER_3061', { key }, { field: key }));
      continue;
    }
    const parsed = parseValue(def, raw);
    if (parsed.ok) changes.set(key as SettingKey, parsed.value);
    else problems.push(parsed.problem);
  }
  if (o.destinations) {
    for (const [name, url] of [
      ['URL1', o.destinations.url1],
      ['URL2', o.destinations.url2],
    ] as const) {
      if (url === undefined || (name === 'URL2' && url === '')) continue;
      const ok = checkUrl(url);
      if (!ok.ok) problems.push(problem(ok.code, ok.params, { field: `${name}.URL`, file: 'WebReprt/AMHTPADR.INF' }));
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const settings = withValues(c.settings, changes);
  const introduced = errorsIntroduced(c.settings, settings, changes.keys());
  if (introduced.length > 0) return { ok: false, problems: introduced };
  const inf = o.destinations ? { ...c.inf, adr: { url1: o.destinations.url1, ...(o.destinations.url2 ? { url2: o.destinations.url2 } : {}) } } : c.inf;
  return { ok: true, config: { ...c, settings, inf } };
}
