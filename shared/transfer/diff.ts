/**
 * `export diff A B`: setting by setting, the option devices, the definition files by their parsed content and then by
 * line, the certificate by fingerprint, secrets by set / not set only. Pure (both sides read by shared/node/transfer/read.ts).
 */
import { type LocalizedText } from '../messages/text.js';
import { settingDefs } from '../settings/schema.js';
import { DEFINITION_ENTRIES } from './format.js';
import { type ExportContents } from './model.js';

export type DiffKind = 'setting' | 'secret' | 'options' | 'definition' | 'certificate';

export interface DiffRow {
  kind: DiffKind;
  key: string;
  label: LocalizedText;
  a: string;
  b: string;
  /** Definition files whose content differs: the differing lines, `- ` from A, `+ ` from B (line numbers of each). */
  lines?: string[];
}

const MISSING = '(absent)';
const NOT_EXPORTED = '(not exported)';
/** Beyond this many lines a file is only said to differ: the line diff is quadratic. */
const MAX_DIFF_LINES = 5000;

const linesOf = (t: string): string[] => t.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');

/** The lines only in A (`-`) and only in B (`+`), by a longest common subsequence. */
export function lineDiff(a: string, b: string): string[] {
  const x = linesOf(a);
  const y = linesOf(b);
  if (x.length > MAX_DIFF_LINES || y.length > MAX_DIFF_LINES) return [`(${x.length} / ${y.length} lines: too long to compare by line)`];
  const n = x.length;
  const m = y.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) {
      i++;
      j++;
    } else if (j >= m || (i < n && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) out.push(`- ${i + 1}: ${x[i++]}`);
    else out.push(`+ ${j + 1}: ${y[j++]}`);
  }
  return out;
}

const optionsText = (c: ExportContents): string => c.optionDevices.map((d) => `${d.deviceCode} ${d.serialNumber} ${d.name}`.trim()).join('; ');

export function diffExports(a: ExportContents, b: ExportContents): DiffRow[] {
  const rows: DiffRow[] = [];
  for (const d of settingDefs) {
    if (d.kind === 'secret') {
      const x = a.entry.secrets[d.key] ?? MISSING;
      const y = b.entry.secrets[d.key] ?? MISSING;
      if (x !== y) rows.push({ kind: 'secret', key: d.key, label: d.label, a: x, b: y });
      continue;
    }
    const x = a.entry.settings[d.key] ?? (a.manifest.omitted.includes(d.key) ? NOT_EXPORTED : MISSING);
    const y = b.entry.settings[d.key] ?? (b.manifest.omitted.includes(d.key) ? NOT_EXPORTED : MISSING);
    if (x !== y) rows.push({ kind: 'setting', key: d.key, label: d.label, a: x, b: y });
  }
  const [oa, ob] = [optionsText(a), optionsText(b)];
  if (oa !== ob) rows.push({ kind: 'options', key: 'options', label: { ja: 'オプション装置', en: 'Option devices' }, a: oa, b: ob });
  for (const name of DEFINITION_ENTRIES) {
    const x = a.definitions[name];
    const y = b.definitions[name];
    const label = { ja: `定義ファイル ${name}`, en: `definition file ${name}` };
    if (!x || !y) {
      if (x || y) rows.push({ kind: 'definition', key: name, label, a: x ? 'present' : MISSING, b: y ? 'present' : MISSING });
      continue;
    }
    const sameContent = JSON.stringify(x.model) === JSON.stringify(y.model);
    const sameText = x.text === y.text && x.encoding === y.encoding;
    if (sameContent && sameText) continue;
    const lines = lineDiff(x.text, y.text);
    const what = (f: typeof x): string => `${sameContent ? 'same content, ' : ''}${f.encoding}, ${f.bytes.length} bytes`;
    rows.push({ kind: 'definition', key: name, label, a: what(x), b: what(y), ...(lines.length > 0 ? { lines } : {}) });
  }
  const [ca, cb] = [a.certificate?.fingerprint ?? MISSING, b.certificate?.fingerprint ?? MISSING];
  if (ca !== cb) rows.push({ kind: 'certificate', key: 'center-cert.pem', label: { ja: 'センターの証明書', en: 'Center certificate' }, a: ca, b: cb });
  return rows;
}
