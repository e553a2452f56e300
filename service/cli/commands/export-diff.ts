/** `export diff A B [--json]`: exit 0 when the two exports hold the same settings, 1 when they differ (shared/transfer/diff.ts). */
import { message } from '../../../shared/messages/problem.js';
import { diffExports } from '../../../shared/transfer/diff.js';
import { readExportFile } from '../../../shared/node/transfer/read.js';
import { say } from '../io.js';
import { type CliContext } from '../context.js';

export async function exportDiffCommand(ctx: CliContext, a: string, b: string, o: { json?: boolean }): Promise<number> {
  // Secrets are compared by set / not set only: no passphrase is asked for, none is opened.
  const [x, y] = [await readExportFile(a, { needSecrets: false }), await readExportFile(b, { needSecrets: false })];
  const rows = diffExports(x.contents, y.contents);
  const lang = ctx.io.lang;
  if (o.json) ctx.io.out(JSON.stringify({ equal: rows.length === 0, differences: rows }, null, 2));
  else {
    for (const r of rows) {
      ctx.io.out(`${r.kind} ${r.key} (${r.label[lang]}): ${r.a} -> ${r.b}`);
      for (const l of r.lines ?? []) ctx.io.out(`    ${l}`);
    }
    say(ctx.io, rows.length === 0 ? message('ER_6804') : message('ER_6805', { count: rows.length }));
  }
  return rows.length === 0 ? 0 : 1;
}
