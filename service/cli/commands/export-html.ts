/**
 * `export html FILE OUT.html`: the export's summary as one self-contained page (no script), for support without
 * the product. A format 1.1 export carries summary.html (digest-checked): it is written as it is. An older one (1.0) is
 * rendered from its settings, with the queue said to be unknown (only its summary.txt held it).
 */
import { basename, resolve } from 'node:path';
import { message } from '../../../shared/messages/problem.js';
import { writeFileAtomic } from '../../../shared/node/atomic-write.js';
import { readExportFile } from '../../../shared/node/transfer/read.js';
import { buildSummaryHtml } from '../../../shared/transfer/summary-html.js';
import { defaultSettings, settingDefs, type SettingKey } from '../../../shared/settings/schema.js';
import { type SettingValue } from '../../../shared/settings/define.js';
import { withValues } from '../../../shared/settings/access.js';
import { say } from '../io.js';
import { type CliContext } from '../context.js';

export async function exportHtmlCommand(ctx: CliContext, file: string, outFile: string): Promise<number> {
  const read = await readExportFile(file, { needSecrets: false });
  let html = read.summaryHtml;
  if (html === undefined) {
    const c = read.contents;
    // A set secret renders as (set) from any non-empty value; its value never travels in a support export anyway.
    const secrets = new Map<SettingKey, SettingValue>();
    for (const d of settingDefs) if (d.kind === 'secret') secrets.set(d.key, c.entry.secrets[d.key] === 'set' ? 'sealed:v1:set' : '');
    const settings = withValues(withValues(defaultSettings(), c.values), secrets);
    const m = c.manifest;
    html = buildSummaryHtml(
      { manifest: m, settings, optionDevices: c.optionDevices, omitted: new Set(m.omitted), problems: read.problems, queue: undefined },
      { queueUnknown: true },
    );
  }
  const out = resolve(outFile);
  // 0600: a support export with --personal include, or any transfer export, holds personal data.
  await writeFileAtomic(out, Buffer.from(html, 'utf8'), { mode: 0o600 });
  say(ctx.io, message('ER_1121', { path: out, file: basename(file) }));
  return 0;
}
