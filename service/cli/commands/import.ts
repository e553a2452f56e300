/**
 * `import FILE [--dry-run] [--only activation,routes,schedule,definitions] [--passphrase-file F] [--other-machine]`:
 * checks the file (shared/node/transfer/read.ts), prints the change preview key by key, then applies it as one save
 * through the host's path (shared/node/transfer/apply.ts). Exit 0 applied or a dry run that would apply, 1 refused.
 * Nothing is written (not even the event log) before every check has passed.
 */
import { hostname } from 'node:os';
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { message, problem } from '../../../shared/messages/problem.js';
import { IMPORT_GROUPS, type ImportGroup } from '../../../shared/transfer/format.js';
import { type PreviewRow } from '../../../shared/transfer/plan.js';
import { runImport } from '../../../shared/node/transfer/import-run.js';
import { readPassphraseFile } from '../../../shared/node/transfer/passphrase.js';
import { HostCore } from '../../../shared/node/host/host-core.js';
import { EventLog } from '../../../shared/node/host/event-log.js';
import { keyVerifierFromEnv } from '../../../shared/node/keyfile/host-verifier.js';
import { RESOURCES_DIR, packageVersion } from '../../app-paths.js';
import { printProblems, say } from '../io.js';
import { withFullPaths } from './validate.js';
import { type CliContext } from '../context.js';

export interface ImportOpts {
  dryRun?: boolean;
  only?: string;
  passphraseFile?: string;
  otherMachine?: boolean;
}

function groupsOf(only: string | undefined): ImportGroup[] | string {
  if (only === undefined) return [...IMPORT_GROUPS];
  const out: ImportGroup[] = [];
  for (const g of only.split(',').map((x) => x.trim())) {
    if (!(IMPORT_GROUPS as readonly string[]).includes(g)) return g;
    if (!out.includes(g as ImportGroup)) out.push(g as ImportGroup);
  }
  return out;
}

function rowLine(r: PreviewRow, lang: 'ja' | 'en'): string {
  const value = r.status === 'same' || r.status === 'kept' || r.status === 'kept secret' ? r.from : `${r.from} -> ${r.to}`;
  return `${r.status.padEnd(11)} ${r.key} (${r.label[lang]}): ${value}${r.note ? `  [${r.note[lang]}]` : ''}`;
}

/** The host's core for this command's folders: the same write queue, sealer, save and event log as the window's. */
async function hostCore(ctx: CliContext): Promise<HostCore> {
  await mkdir(ctx.stateDir, { recursive: true, mode: 0o700 });
  const log = await EventLog.open(join(ctx.stateDir, 'app-events.jsonl'));
  const opts = { configDir: ctx.configDir, stateDir: ctx.stateDir, resourcesDir: RESOURCES_DIR, version: packageVersion() };
  return new HostCore({ ...opts, verifier: keyVerifierFromEnv(RESOURCES_DIR, ctx.env), env: ctx.env }, log, hostname().split('.')[0]!);
}

export async function importCommand(ctx: CliContext, file: string, o: ImportOpts): Promise<number> {
  const groups = groupsOf(o.only);
  if (typeof groups === 'string') {
    printProblems(ctx.io, [problem('ER_3523', { value: groups })]);
    return 1;
  }
  const passphrase = o.passphraseFile === undefined ? undefined : await readPassphraseFile(o.passphraseFile);
  // The window's previewImport / applyImport run the same function (shared/node/transfer/import-run.ts).
  const run = { groups, otherMachine: o.otherMachine === true, preview: o.dryRun === true, ...(passphrase !== undefined ? { passphrase } : {}) };
  const r = await runImport({ configDir: ctx.configDir, core: () => hostCore(ctx) }, { path: file }, run);
  for (const row of r.rows) ctx.io.out(rowLine(row, ctx.io.lang));
  if (!r.ok) {
    // A refusal of the save names the folder's files by their full paths; the checks before it name the export's.
    printProblems(ctx.io, r.bySave ? withFullPaths(ctx.configDir, r.problems) : r.problems);
    return 1;
  }
  for (const n of r.notes) say(ctx.io, n.message);
  if (o.dryRun) {
    say(ctx.io, message('ER_6802', { count: r.count }));
    return 0;
  }
  if (!r.applied) {
    say(ctx.io, message('ER_6803', { file }));
    return 0;
  }
  say(ctx.io, message('ER_6801', { file, count: r.count }));
  if (r.activates) say(ctx.io, message('ER_6808'));
  printProblems(ctx.io, r.warnings);
  return 0;
}
