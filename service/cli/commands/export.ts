/**
 * `export --out FILE [--scope support|transfer] [--personal omit|include] [--passphrase-file F]`: the settings export
 * (shared/node/transfer/export.ts; docs/settings-transfer.md), written atomically (0600: it may hold personal data).
 */
import { resolve } from 'node:path';
import { message, problem } from '../../../shared/messages/problem.js';
import { writeFileAtomic } from '../../../shared/node/atomic-write.js';
import { buildExport, TRANSFER_WORDS } from '../../../shared/node/transfer/export.js';
import { readPassphraseFile } from '../../../shared/node/transfer/passphrase.js';
import { type PersonalMode, type Scope } from '../../../shared/transfer/format.js';
import { packageVersion } from '../../app-paths.js';
import { printProblems, say } from '../io.js';
import { type CliContext } from '../context.js';

export interface ExportOpts {
  out?: string;
  scope: Scope;
  personal: PersonalMode;
  passphraseFile?: string;
}

export async function exportCommand(ctx: CliContext, o: ExportOpts): Promise<number> {
  // Checked here, not by commander: a required option of `export` would be required of `export diff` too.
  if (o.out === undefined) {
    printProblems(ctx.io, [problem('ER_3034', { reason: "required option '--out <file>' not specified" })]);
    return 2;
  }
  const passphrase = o.passphraseFile === undefined ? undefined : await readPassphraseFile(o.passphraseFile);
  const built = await buildExport(
    { configDir: ctx.configDir, stateDir: ctx.stateDir, version: packageVersion() },
    { scope: o.scope, personal: o.personal, ...(passphrase !== undefined ? { passphrase } : {}) },
  );
  const out = resolve(o.out);
  await writeFileAtomic(out, built.bytes, { mode: 0o600 });
  say(ctx.io, message('ER_6800', { path: out, scope: TRANSFER_WORDS[o.scope], entries: built.entries }));
  if (built.omitted > 0) say(ctx.io, message('ER_6807', { count: built.omitted }));
  return 0;
}
