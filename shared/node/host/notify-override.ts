/**
 * A route dialog's unsaved values for one テスト通報 / 開局通報 (HostApi NotifyOverride) turned into what the sender takes
 * (ConfigOverride, shared/config/override.ts): typed text parsed, `(remembered)` read from the keychain, typed secrets
 * sealed to the service key, each value back in its file form. Checked here against the saved config, so the problems
 * come back with their fields before anything is sent; the sender checks again.
 */
import { type NotifyOverride } from '../../host/api.js';
import { applyOverride, isOverridableKey, type ConfigOverride } from '../../config/override.js';
import { type Config } from '../../config/model.js';
import { problem, type Problem } from '../../messages/problem.js';
import { isSettingKey, settingDef, type SettingKey } from '../../settings/schema.js';
import { formatValue } from '../../settings/values.js';
import { type Keychain } from '../keychain.js';
import { convertTypedValues, type Sealer } from './typed-values.js';
import { resolveRemembered } from './remembered.js';

export async function buildOverride(
  o: NotifyOverride,
  saved: Config,
  keychain: Keychain,
  sealer: Sealer,
): Promise<{ ok: true; override: ConfigOverride } | { ok: false; problems: Problem[] }> {
  // The lifecycle and the registration are never a test's to change, not even for one send.
  const foreign = Object.keys(o.values)
    .filter((k) => isSettingKey(k) && !isOverridableKey(k))
    .map((k) => problem('ER_3061', { key: k }, { field: k }));
  const resolved = await resolveRemembered(o.values, saved.settings, keychain);
  const typed = await convertTypedValues(resolved.values, sealer);
  const problems = [...foreign, ...resolved.problems, ...typed.problems];
  if (problems.length > 0) return { ok: false, problems };
  const values: Partial<Record<SettingKey, string>> = {};
  for (const [k, v] of typed.changes) values[k] = formatValue(settingDef(k)!, v);
  const override: ConfigOverride = { values, ...(o.destinations ? { destinations: o.destinations } : {}) };
  const checked = applyOverride(saved, override);
  return checked.ok ? { ok: true, override } : checked;
}
