/**
 * summary.txt of an export, for a person (support staff) without the product: Japanese, then English; every setting by
 * its on-screen label (`*` marks a value that is not the default), the validation problems with their codes, and the
 * service's queue as it was when the export was made. Secrets only as set / not set. Pure.
 */
import { formatProblem, type Problem } from '../messages/problem.js';
import { type Lang } from '../messages/text.js';
import { settingDefs, type Settings } from '../settings/schema.js';
import { formatValue } from '../settings/values.js';
import { getValue } from '../settings/access.js';
import { type OptionDevice } from '../settings/options.js';
import { type Manifest } from './format.js';

/** The service's queue when the export was made; undefined when no service answered. */
export interface QueueSnapshot {
  pending: number;
  expired: number;
  lastFailure?: { at: string; code: string; message: { ja: string; en: string } };
}

export interface SummaryInput {
  manifest: Pick<Manifest, 'productVersion' | 'createdAt' | 'identity' | 'state' | 'scope' | 'personal'>;
  settings: Settings;
  optionDevices: readonly OptionDevice[];
  omitted: ReadonlySet<string>;
  problems: readonly Problem[];
  queue: QueueSnapshot | undefined;
}

const W = {
  title: { ja: 'エクスプレス通報 設定のエクスポート', en: 'Express Report settings export' },
  made: { ja: '作成日時', en: 'Made at' },
  version: { ja: '製品の版', en: 'Product version' },
  machine: { ja: '装置', en: 'Machine' },
  state: { ja: '状態', en: 'State' },
  scope: { ja: '種類', en: 'Scope' },
  settings: { ja: '設定 (* は初期値から変更した値)', en: 'Settings (* marks a value that is not the default)' },
  options: { ja: 'オプション装置', en: 'Option devices' },
  none: { ja: 'なし', en: 'none' },
  problems: { ja: '検査結果', en: 'Validation' },
  noProblems: { ja: '誤りはありません', en: 'no problems' },
  queue: { ja: '通報サービスの送信待ち', en: "The service's queue" },
  notRunning: { ja: '通報サービスは動作していませんでした', en: 'the service was not running' },
  pending: { ja: '送信待ち', en: 'waiting' },
  expired: { ja: '期限切れ', en: 'expired' },
  lastFailure: { ja: '最終失敗', en: 'last failure' },
  set: { ja: '(設定済み)', en: '(set)' },
  notSet: { ja: '(未設定)', en: '(not set)' },
  omitted: { ja: '(個人情報のため含めていません)', en: '(personal data, not exported)' },
  scopes: { support: { ja: 'サポート用', en: 'support' }, transfer: { ja: '移行用', en: 'transfer' } },
} as const;

function section(input: SummaryInput, lang: Lang): string[] {
  const m = input.manifest;
  const id = m.identity;
  const out = [
    `== ${W.title[lang]} ==`,
    `${W.made[lang]}: ${m.createdAt}`,
    `${W.version[lang]}: ${m.productVersion}`,
    `${W.machine[lang]}: ${[id.serverName, id.deviceCode, id.serialNumber].filter(Boolean).join(' / ') || '-'}`,
    `${W.state[lang]}: ${m.state}`,
    `${W.scope[lang]}: ${W.scopes[m.scope][lang]}`,
    '',
    `-- ${W.settings[lang]}`,
  ];
  for (const d of settingDefs) {
    const v = getValue(input.settings, d.key);
    const changed = JSON.stringify(v) !== JSON.stringify(d.default);
    const shown = d.kind === 'secret' ? (v === '' ? W.notSet[lang] : W.set[lang]) : input.omitted.has(d.key) ? W.omitted[lang] : formatValue(d, v);
    out.push(`${changed && !input.omitted.has(d.key) ? '*' : ' '} ${d.label[lang]} (${d.key}): ${shown}`);
  }
  out.push('', `-- ${W.options[lang]}`);
  if (input.optionDevices.length === 0) out.push(`  ${W.none[lang]}`);
  for (const o of input.optionDevices) out.push(`  ${o.deviceCode} ${o.serialNumber} ${o.name}`.trimEnd());
  out.push('', `-- ${W.problems[lang]}`);
  if (input.problems.length === 0) out.push(`  ${W.noProblems[lang]}`);
  for (const p of input.problems) out.push(`  ${formatProblem(p, lang)}`);
  out.push('', `-- ${W.queue[lang]}`);
  const q = input.queue;
  if (!q) out.push(`  ${W.notRunning[lang]}`);
  else {
    out.push(`  ${W.pending[lang]}: ${q.pending}  ${W.expired[lang]}: ${q.expired}`);
    if (q.lastFailure) out.push(`  ${W.lastFailure[lang]}: ${q.lastFailure.at} ${q.lastFailure.code} ${q.lastFailure.message[lang]}`);
  }
  return out;
}

export function buildSummary(input: SummaryInput): string {
  return [...section(input, 'ja'), '', ...section(input, 'en'), ''].join('\r\n');
}
export { W as SUMMARY_WORDS };
