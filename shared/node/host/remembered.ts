/**
 * Remembered passwords in a save (HostApi SaveRequest.remember and the typed value `(remembered)`), over the desktop
 * user's keychain (../keychain.ts). The window never receives a password from the keychain: the host reads it here,
 * and typed-values.ts seals it to the service key like a typed one.
 *
 * A keychain failure never loses the save of the other settings:
 * - `(remembered)` that cannot be read (keychain unavailable): that password is left as it was, the rest is saved,
 *   warning ER_6006. `(remembered)` with no entry for the account (the keychain answered): ER_3053 on the field, and
 *   nothing is saved (the user typed other account values than the remembered ones: a mistake to fix).
 * - remember that cannot be written: the settings are saved (the password sealed as usual), warning ER_6005.
 */
import { message, problem, type Problem } from '../../messages/problem.js';
import { type LocalizedText } from '../../messages/text.js';
import { type TypedValues, type RememberedAccount, type RememberedList, type SecretKey } from '../../host/api.js';
import { SECRET_REMEMBERED, accountFor, accountKeysOf, accountName, isRememberable, parseAccountName } from '../../host/remembered.js';
import { settingDef, isSettingKey, type Settings, type SettingKey } from '../../settings/schema.js';
import { type SettingValue } from '../../settings/define.js';
import { parseValue } from '../../settings/values.js';
import { withValues } from '../../settings/access.js';
import { viewOf } from '../../settings/validate.js';
import { CodedError } from '../coded-error.js';
import { type Keychain } from '../keychain.js';
import { SECRET_UNCHANGED } from './typed-values.js';

const labelOf = (key: SettingKey): LocalizedText => settingDef(key)!.label;

/** The settings as this request would leave them (secrets aside): what the account of a password is made of. */
export function settingsAfter(base: Settings, values: TypedValues): Settings {
  const changes = new Map<SettingKey, SettingValue>();
  for (const [k, raw] of Object.entries(values)) {
    if (raw === undefined || !isSettingKey(k)) continue;
    const def = settingDef(k)!;
    if (def.kind === 'secret') continue;
    const p = parseValue(def, raw);
    if (p.ok) changes.set(k, p.value);
  }
  return withValues(base, changes);
}

/** ER_3054: the account cannot be made (user / host / port / entry empty). */
function noAccount(key: SecretKey): Problem {
  const labels = accountKeysOf(key).map((k) => settingDef(k)!.label);
  const needs = { ja: labels.map((l) => l.ja).join('、'), en: labels.map((l) => l.en).join(', ') };
  return problem('ER_3054', { label: labelOf(key), needs }, { field: key });
}

const reasonOf = (e: unknown): LocalizedText | string => (e instanceof CodedError ? e.problem.message : e instanceof Error ? e.message : String(e));

export interface Resolved {
  /** The values with each `(remembered)` replaced by the password (or dropped: left unchanged). */
  values: TypedValues;
  problems: Problem[];
  warnings: Problem[];
}

/** Replaces `(remembered)` secrets by the keychain's password for the account the request's values name. */
export async function resolveRemembered(values: TypedValues, base: Settings, keychain: Keychain): Promise<Resolved> {
  const keys = Object.entries(values)
    .filter(([k, v]) => v === SECRET_REMEMBERED && isRememberable(k))
    .map(([k]) => k as SecretKey);
  if (keys.length === 0) return { values, problems: [], warnings: [] };
  const out: TypedValues = { ...values };
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const view = viewOf(settingsAfter(base, values));
  for (const key of keys) {
    const account = accountFor(key, view);
    if (!account) {
      problems.push(noAccount(key));
      delete out[key];
      continue;
    }
    try {
      const password = await keychain.get(accountName(account));
      if (password === undefined) {
        problems.push(problem('ER_3053', { label: labelOf(key), account: accountName(account) }, { field: key }));
        delete out[key];
      } else {
        out[key] = password;
      }
    } catch (e) {
      warnings.push(problem('ER_6006', { label: labelOf(key), reason: reasonOf(e) }, { field: key }));
      delete out[key];
    }
  }
  return { values: out, problems, warnings };
}

/** A typed password that can be remembered: not `(set)`, `(remembered)` or empty. */
const typedPassword = (raw: string | undefined): raw is string => raw !== undefined && raw !== '' && raw !== SECRET_UNCHANGED && raw !== SECRET_REMEMBERED;

/** Before saving: every key to remember needs its account (ER_3054 on the field otherwise). */
export function checkRemember(remember: readonly SecretKey[] | undefined, values: TypedValues, after: Settings): Problem[] {
  const view = viewOf(after);
  return (remember ?? []).filter((k) => typedPassword(values[k]) && !accountFor(k, view)).map(noAccount);
}

export interface RememberOutcome {
  remembered: Array<{ key: SecretKey; account: RememberedAccount }>;
  warnings: Problem[];
}

/** After a successful save: keeps each typed password to remember in the keychain; failures are warnings (ER_6005). */
export async function rememberTyped(
  remember: readonly SecretKey[] | undefined,
  values: TypedValues,
  after: Settings,
  keychain: Keychain,
): Promise<RememberOutcome> {
  const out: RememberOutcome = { remembered: [], warnings: [] };
  const view = viewOf(after);
  for (const key of new Set(remember ?? [])) {
    const raw = values[key];
    if (raw === SECRET_REMEMBERED) continue; // it came from the keychain: already remembered
    if (!typedPassword(raw)) {
      out.warnings.push(
        problem('ER_6005', { label: labelOf(key), reason: { ja: 'パスワードが入力されていません', en: 'no password was typed' } }, { field: key }),
      );
      continue;
    }
    const account = accountFor(key, view);
    if (!account) {
      out.warnings.push(problem('ER_6005', { label: labelOf(key), reason: noAccount(key).message }, { field: key }));
      continue;
    }
    try {
      await keychain.set(accountName(account), raw);
      out.remembered.push({ key, account });
    } catch (e) {
      out.warnings.push(problem('ER_6005', { label: labelOf(key), reason: reasonOf(e) }, { field: key }));
    }
  }
  return out;
}

/** The remembered accounts (names that are not ours are left out), or ER_1012. */
export async function listRemembered(keychain: Keychain): Promise<RememberedList> {
  try {
    const accounts = (await keychain.list()).map(parseAccountName).filter((a): a is RememberedAccount => a !== undefined);
    return { available: true, accounts };
  } catch (e) {
    if (e instanceof CodedError) return { available: false, problem: e.problem };
    return { available: false, problem: problem('ER_1012', { reason: reasonOf(e) }) };
  }
}

export const rememberedMessage = (key: SecretKey, account: RememberedAccount): LocalizedText =>
  message('ER_6007', { label: labelOf(key), account: accountName(account) });
