/**
 * The settings writes: the window's check and save, the command line's `config set`, and 設定情報の変更. Typed values
 * are read the same way in each (`(remembered)` from the keychain, parsed, secrets sealed, the CA file checked).
 */
import { type AppSnapshot, type RegistrationRequest, type SaveRequest, type Saved, type TypedValues } from '../../host/api.js';
import { isRegistrationKey } from '../../host/registration.js';
import { areasText, type UntestedChanges } from '../../host/untested.js';
import { settingDef, type SettingKey, type Settings } from '../../settings/schema.js';
import { message, problem, type Problem } from '../../messages/problem.js';
import { type Config } from '../../config/model.js';
import { validateSettings } from '../../settings/validate.js';
import { validateOptionDevices } from '../../settings/options.js';
import { errorsIntroduced, withValues } from '../../settings/access.js';
import { convertTypedValues, type Sealer } from './typed-values.js';
import { checkRemember, rememberTyped, rememberedMessage, resolveRemembered } from './remembered.js';
import { CA_FIELD, checkCaFile } from './ca-file.js';
import { t, type HostCore } from './host-core.js';

/** `config set`'s answer (NodeHost.setValues): the keys written, or the problems (nothing written). */
export type ValuesSet = { ok: true; changed: SettingKey[]; warnings?: Problem[] } | { ok: false; problems: Problem[] };

/** What a typed secret stands for while checking: a sealed value, without sealing (nothing is written). */
const CHECK_PLACEHOLDER_SECRET = 'sealed:v1:check:unsaved';

/** Saved, and the center must re-learn something: reports go on, but a test is advisable (ER_6090, what is new only). */
function newlyUntested(before: UntestedChanges | undefined, after: AppSnapshot): Problem[] {
  const areas = (after.untested?.areas ?? []).filter((a) => !before?.areas.includes(a));
  return areas.length > 0 ? [problem('ER_6090', { areas: areasText(areas) })] : [];
}

/** 追加の CA 証明書ファイル typed in this request: checked now (exists, PEM), not first at a test (./ca-file.ts). */
function caFileProblems(req: SaveRequest, settings: Config['settings']): Promise<Problem[]> {
  return req.values[CA_FIELD] === undefined ? Promise.resolve([]) : checkCaFile(settings[CA_FIELD]);
}

export class SettingsWrites {
  constructor(private readonly core: HostCore) {}

  /** Typed values applied to `base`: `(remembered)` read from the keychain, text parsed, secrets given to `sealer`. */
  private async typed(values: TypedValues, base: Settings, sealer: Sealer) {
    const resolved = await resolveRemembered(values, base, this.core.keychain);
    const typed = await convertTypedValues(resolved.values, sealer);
    return { resolved, typed, settings: withValues(base, typed.changes) };
  }

  async check(req: SaveRequest): Promise<Problem[]> {
    const store = await this.core.open();
    const { resolved, typed, settings } = await this.typed(req.values, store.config.settings, async () => CHECK_PLACEHOLDER_SECRET);
    return [
      ...resolved.problems,
      ...typed.problems,
      ...checkRemember(req.remember, req.values, settings),
      ...resolved.warnings,
      ...validateSettings(settings),
      ...validateOptionDevices(req.optionDevices ?? store.config.optionDevices),
      ...(typed.problems.some((p) => p.field === CA_FIELD) ? [] : await caFileProblems(req, settings)),
    ];
  }

  /**
   * `(remembered)` secrets are read from the keychain and sealed like typed ones; after the save, the typed passwords
   * of `remember` go to the keychain. Keychain failures are warnings of a save that went through (./remembered.ts).
   */
  saveSettings(req: SaveRequest): Promise<Saved> {
    const core = this.core;
    return core.serial(async () => {
      const store = await core.open();
      const c = store.config;
      const { resolved, typed, settings } = await this.typed(req.values, c.settings, core.sealer);
      const problems = [...resolved.problems, ...typed.problems, ...checkRemember(req.remember, req.values, settings)];
      if (!problems.some((p) => p.field === CA_FIELD)) problems.push(...(await caFileProblems(req, settings)));
      if (problems.length > 0) return { ok: false, problems: [...problems, ...resolved.warnings] };
      const inf = req.destinations ? { ...c.inf, adr: req.destinations } : c.inf;
      const next: Config = { ...c, settings, optionDevices: req.optionDevices ?? c.optionDevices, inf };
      const before = await core.untested(c);
      const saved = await core.save(store, next, t('設定を保存しました', 'Settings saved'));
      if (!saved.ok) return resolved.warnings.length > 0 ? { ok: false, problems: [...saved.problems, ...resolved.warnings] } : saved;
      const kept = await rememberTyped(req.remember, req.values, settings, core.keychain);
      for (const r of kept.remembered) await core.log.add('info', rememberedMessage(r.key, r.account), 'ER_6007');
      const warnings = [...resolved.warnings, ...kept.warnings, ...newlyUntested(before, saved.snapshot)];
      for (const w of warnings) await core.log.add('warning', w.message, w.code);
      return warnings.length > 0 ? { ...saved, warnings } : saved;
    });
  }

  /**
   * `config set KEY VALUE ...` (not part of HostApi: the window checks first, then saves what it shows): the values
   * typed the window's way (`(remembered)` read from the keychain, parsed, secrets sealed, the CA file checked), refused
   * whole on their problems, else on the errors the change brings (a route that makes other settings required), else on
   * the store's refusal (located, then its ER_1004). Written and logged like saveSettings, with its warnings (ER_6090).
   */
  setValues(values: TypedValues): Promise<ValuesSet> {
    const core = this.core;
    return core.serial(async () => {
      const store = await core.open();
      const c = store.config;
      const { resolved, typed, settings } = await this.typed(values, c.settings, core.sealer);
      const problems = [...resolved.problems, ...typed.problems];
      if (!problems.some((p) => p.field === CA_FIELD)) problems.push(...(await caFileProblems({ values }, settings)));
      if (problems.length === 0) problems.push(...errorsIntroduced(c.settings, settings, typed.changes.keys()));
      if (problems.length > 0) return { ok: false, problems: [...problems, ...resolved.warnings] };
      const before = await core.untested(c);
      const saved = await core.save(store, { ...c, settings }, t('設定を保存しました', 'Settings saved'), undefined, undefined, true);
      if (!saved.ok) return { ok: false, problems: [...saved.problems, ...resolved.warnings] };
      const warnings = [...resolved.warnings, ...newlyUntested(before, saved.snapshot)];
      for (const w of warnings) await core.log.add('warning', w.message, w.code);
      return { ok: true, changed: [...typed.changes.keys()], ...(warnings.length > 0 ? { warnings } : {}) };
    });
  }

  /**
   * 設定情報の変更: the registration fields and option devices only, on the config as saved; the state, routes, proxy,
   * certificates and schedule are not touched (a save writes only the files whose text changed).
   */
  updateRegistration(req: RegistrationRequest): Promise<Saved> {
    const core = this.core;
    return core.serial(async () => {
      const store = await core.open();
      const c = store.config;
      const state = c.settings['activation.state'];
      if (state === 'not-activated') return { ok: false, problems: [problem('ER_3051', {}, { field: 'activation.state' })] };
      const foreign = Object.keys(req.values).filter((k) => !isRegistrationKey(k));
      if (foreign.length > 0) {
        return { ok: false, problems: foreign.map((k) => problem('ER_3060', { label: settingDef(k)?.label ?? k }, { field: k })) };
      }
      const typed = await convertTypedValues(req.values, core.sealer);
      if (typed.problems.length > 0) return { ok: false, problems: typed.problems };
      const settings = withValues(c.settings, typed.changes);
      const labels = settingDef('activation.state');
      const stateLabel = (labels?.kind === 'enum' ? labels.choiceLabels?.[state] : undefined) ?? { ja: state, en: state };
      return core.save(store, { ...c, settings, optionDevices: req.optionDevices }, message('ER_6091', { state: stateLabel }), 'ER_6091');
    });
  }
}
