/** Values typed in the UI (text) -> stored values: parsed by the setting's type, secrets sealed to the service key. */
import { problem, type Problem } from '../../messages/problem.js';
import { settingDef, isSettingKey, type SettingKey } from '../../settings/schema.js';
import { parseValue } from '../../settings/values.js';
import { validateSetting, viewOf } from '../../settings/validate.js';
import { defaultSettings } from '../../settings/schema.js';
import { type SettingValue } from '../../settings/define.js';
import { type TypedValues } from '../../host/api.js';
import { seal } from '../secrets.js';
import { SECRET_REMEMBERED } from '../../host/remembered.js';

export const SECRET_UNCHANGED = '(set)';

export interface Converted {
  changes: Map<SettingKey, SettingValue>;
  problems: Problem[];
}

/** Turns a typed secret into what is stored. Asked only when a secret is typed (the service key may live elsewhere). */
export type Sealer = (clear: string) => Promise<string>;

/** Seals to the service's public key: only the service can open it. */
export const sealTo =
  (publicKey: () => Promise<string>): Sealer =>
  async (clear) =>
    seal(clear, await publicKey());

export async function convertTypedValues(values: TypedValues, sealSecret: Sealer): Promise<Converted> {
  const changes = new Map<SettingKey, SettingValue>();
  const problems: Problem[] = [];
  for (const [key, raw] of Object.entries(values)) {
    if (raw === undefined) continue;
    if (!isSettingKey(key)) {
      problems.push(problem('ER_3021', { key }, { field: key }));
      continue;
    }
    const def = settingDef(key)!;
    if (def.kind === 'secret') {
      if (raw === SECRET_UNCHANGED) continue;
      if (raw === SECRET_REMEMBERED) {
        // Resolved by the host from the keychain before this (./remembered.ts); here it was not (config set, activate).
        problems.push(problem('ER_3053', { label: def.label, account: key }, { field: key }));
        continue;
      }
      if (raw === '') {
        changes.set(key, '');
        continue;
      }
      const clear = validateSetting({ ...def, kind: 'text', charClass: 'any', default: '' }, raw, viewOf(defaultSettings()));
      if (clear.length > 0) problems.push(...clear);
      else changes.set(key, await sealSecret(raw));
      continue;
    }
    const parsed = parseValue(def, raw);
    if (parsed.ok) changes.set(key, parsed.value);
    else problems.push(parsed.problem);
  }
  return { changes, problems };
}

/** Secrets never leave the host: a set secret is shown as `(set)`. */
export function redactSettings<T extends object>(settings: T): T {
  const out = { ...settings } as Record<string, unknown>;
  for (const [k, v] of Object.entries(out)) if (settingDef(k)?.kind === 'secret' && v !== '') out[k] = SECRET_UNCHANGED;
  return out as T;
}
