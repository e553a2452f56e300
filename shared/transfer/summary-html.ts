/**
 * summary.html of an export: the summary (./summary.ts) as one self-contained page, so support can read an export in
 * any browser without the product. No script, no external resource (a CSP meta forbids both), inline CSS, and every
 * text escaped (a server name or a definition file's problem may hold markup). Japanese, then English. Pure.
 */
import { formatProblem } from '../messages/problem.js';
import { type Lang } from '../messages/text.js';
import { settingDefs } from '../settings/schema.js';
import { formatValue } from '../settings/values.js';
import { getValue } from '../settings/access.js';
import { SUMMARY_WORDS as W, type SummaryInput } from './summary.js';

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const CSS = [
  'body{font-family:sans-serif;margin:1.5em;color:#111}',
  'table{border-collapse:collapse;margin:.5em 0 1.5em}',
  'th,td{border:1px solid #bbb;padding:.2em .5em;text-align:left;vertical-align:top}',
  'tr.changed td{background:#fff4d6}',
  'td.key{font-family:monospace;color:#555}',
  '.problems li{margin:.2em 0}',
  'section+section{border-top:2px solid #888;margin-top:2em}',
].join('');

const MARK = { ja: '変更', en: 'Changed' };
const LABEL = { ja: '項目', en: 'Setting' };
const KEY = { ja: 'キー', en: 'Key' };
const VALUE = { ja: '値', en: 'Value' };

const NO_QUEUE = { ja: 'このエクスポートには送信待ちの情報がありません(形式 1.0)', en: 'this export holds no queue snapshot (format 1.0)' };

/** `queueUnknown`: rendered later from an export that did not carry its queue (format 1.0), not "not running". */
export interface HtmlOptions {
  queueUnknown?: boolean;
}

function section(input: SummaryInput, lang: Lang, o: HtmlOptions): string {
  const e = escapeHtml;
  const m = input.manifest;
  const id = m.identity;
  const head: Array<[string, string]> = [
    [W.made[lang], m.createdAt],
    [W.version[lang], m.productVersion],
    [W.machine[lang], [id.serverName, id.deviceCode, id.serialNumber].filter(Boolean).join(' / ') || '-'],
    [W.state[lang], m.state],
    [W.scope[lang], W.scopes[m.scope][lang]],
  ];
  const out = [`<section lang="${lang}">`, `<h1>${e(W.title[lang])}</h1>`, '<table class="about">'];
  for (const [k, v] of head) out.push(`<tr><th>${e(k)}</th><td>${e(v)}</td></tr>`);
  out.push('</table>', `<h2>${e(W.settings[lang])}</h2>`, '<table class="settings">');
  out.push(`<tr><th>${e(MARK[lang])}</th><th>${e(LABEL[lang])}</th><th>${e(KEY[lang])}</th><th>${e(VALUE[lang])}</th></tr>`);
  for (const d of settingDefs) {
    const v = getValue(input.settings, d.key);
    const omitted = input.omitted.has(d.key);
    const changed = !omitted && JSON.stringify(v) !== JSON.stringify(d.default);
    const shown = d.kind === 'secret' ? (v === '' ? W.notSet[lang] : W.set[lang]) : omitted ? W.omitted[lang] : formatValue(d, v);
    out.push(
      `<tr${changed ? ' class="changed"' : ''}><td>${changed ? '*' : ''}</td><td>${e(d.label[lang])}</td><td class="key">${e(d.key)}</td><td>${e(shown)}</td></tr>`,
    );
  }
  out.push('</table>', `<h2>${e(W.options[lang])}</h2>`, '<ul>');
  if (input.optionDevices.length === 0) out.push(`<li>${e(W.none[lang])}</li>`);
  for (const o of input.optionDevices) out.push(`<li>${e(`${o.deviceCode} ${o.serialNumber} ${o.name}`.trim())}</li>`);
  out.push('</ul>', `<h2>${e(W.problems[lang])}</h2>`, '<ul class="problems">');
  if (input.problems.length === 0) out.push(`<li>${e(W.noProblems[lang])}</li>`);
  for (const p of input.problems) out.push(`<li>${e(formatProblem(p, lang))}</li>`);
  out.push('</ul>', `<h2>${e(W.queue[lang])}</h2>`, '<ul>');
  const q = input.queue;
  if (o.queueUnknown) out.push(`<li>${e(NO_QUEUE[lang])}</li>`);
  else if (!q) out.push(`<li>${e(W.notRunning[lang])}</li>`);
  else {
    out.push(`<li>${e(`${W.pending[lang]}: ${q.pending}  ${W.expired[lang]}: ${q.expired}`)}</li>`);
    if (q.lastFailure) out.push(`<li>${e(`${W.lastFailure[lang]}: ${q.lastFailure.at} ${q.lastFailure.code} ${q.lastFailure.message[lang]}`)}</li>`);
  }
  out.push('</ul>', '</section>');
  return out.join('\n');
}

export function buildSummaryHtml(input: SummaryInput, o: HtmlOptions = {}): string {
  const name = input.manifest.identity.serverName;
  return [
    '<!doctype html>',
    '<html lang="ja">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(`${W.title.ja}${name ? ` - ${name}` : ''}`)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    section(input, 'ja', o),
    section(input, 'en', o),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
