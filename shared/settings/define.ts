import { type LocalizedText } from '../messages/text.js';
import { type CharClass } from './charclass.js';

/** Our own definition files beside WebReprt/ (docs/design.md section 4). */
export type SettingsFile = 'activation.ini' | 'routes.ini' | 'schedule.ini';

/** A read-only view of the other settings, for rules that depend on them. */
export interface SettingsView {
  get(key: string): SettingValue | undefined;
}
export type SettingValue = string | number | boolean | readonly string[];
export type Condition = (s: SettingsView) => boolean;

interface Common<K extends string> {
  /** The stable public name (docs/config-keys.md); never renamed. */
  readonly key: K;
  readonly file: SettingsFile;
  readonly section: string;
  readonly name: string;
  readonly label: LocalizedText;
  /** The guide message (説明) shown at the bottom of the window when the field is focused. */
  readonly guide: LocalizedText;
  /** Personal data (names, address, phone, e-mail): left out of a support export unless asked for (docs/settings-transfer.md). */
  readonly personal?: boolean;
  /** The access key of the original's label, e.g. M in `お客様名称(カナ) (M)`. */
  readonly accessKey?: string;
  /** Required when this holds (the original's ※ mark); never required when absent. */
  readonly requiredWhen?: Condition;
  /** The field takes part only when this holds (the UI disables it otherwise; required rules skip it). */
  readonly activeWhen?: Condition;
  /** Must stay empty when this holds (e.g. an individual customer has no department). */
  readonly forbiddenWhen?: Condition;
}
export interface TextDef<K extends string = string> extends Common<K> {
  readonly kind: 'text';
  readonly default: string;
  readonly maxLength: number;
  readonly minLength?: number;
  /** Exactly this many characters (key code: 5 digits). */
  readonly exactLength?: number;
  readonly charClass: CharClass;
}
export interface SecretDef<K extends string = string> extends Common<K> {
  readonly kind: 'secret';
  readonly default: '';
  /** Limit on the clear text, checked before sealing. */
  readonly maxLength: number;
}
export interface IntDef<K extends string = string> extends Common<K> {
  readonly kind: 'int';
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly unit?: LocalizedText;
  /** A TCP port: messages say so (ER_3009). */
  readonly port?: boolean;
}
export interface BoolDef<K extends string = string> extends Common<K> {
  readonly kind: 'bool';
  readonly default: boolean;
}
export interface EnumDef<K extends string = string, C extends string = string> extends Common<K> {
  readonly kind: 'enum';
  readonly choices: readonly C[];
  readonly default: C;
  readonly choiceLabels?: Readonly<Record<C, LocalizedText>>;
}
export interface ListDef<K extends string = string, C extends string = string> extends Common<K> {
  readonly kind: 'list';
  readonly choices: readonly C[];
  readonly default: readonly C[];
}
export type SettingDef<K extends string = string> = TextDef<K> | SecretDef<K> | IntDef<K> | BoolDef<K> | EnumDef<K> | ListDef<K>;

export type ValueOf<D> =
  D extends EnumDef<string, infer C> ? C : D extends ListDef<string, infer C> ? readonly C[] : D extends IntDef ? number : D extends BoolDef ? boolean : string;

/** Builders keep each key's literal type, so the settings object is typed per key. */
export const def = {
  text: <const K extends string>(d: Omit<TextDef<K>, 'kind'>): TextDef<K> => ({ kind: 'text', ...d }),
  secret: <const K extends string>(d: Omit<SecretDef<K>, 'kind' | 'default'>): SecretDef<K> => ({ kind: 'secret', default: '', ...d }),
  int: <const K extends string>(d: Omit<IntDef<K>, 'kind'>): IntDef<K> => ({ kind: 'int', ...d }),
  bool: <const K extends string>(d: Omit<BoolDef<K>, 'kind'>): BoolDef<K> => ({ kind: 'bool', ...d }),
  enum: <const K extends string, const C extends string>(d: Omit<EnumDef<K, C>, 'kind'>): EnumDef<K, C> => ({ kind: 'enum', ...d }),
  list: <const K extends string, const C extends string>(d: Omit<ListDef<K, C>, 'kind'>): ListDef<K, C> => ({ kind: 'list', ...d }),
};

export const is =
  (key: string, ...values: SettingValue[]): Condition =>
  (s) =>
    values.includes(s.get(key) as SettingValue);
export const isOn =
  (key: string): Condition =>
  (s) =>
    s.get(key) === true;
export const all =
  (...cs: Condition[]): Condition =>
  (s) =>
    cs.every((c) => c(s));
export const always: Condition = () => true;
