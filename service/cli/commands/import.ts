/**
 * `import FILE [--dry-run] [--only activation,routes,schedule,definitions] [--passphrase-file F] [--other-machine]`:
 * checks the file (shared/node/transfer/read.ts), prints the change preview key by key, then applies it as one save
 * through the host's path (shared/node/transfer/apply.ts). Exit 0 applied or a dry run that would apply, 1 refused.
 * Nothing is written (not even the event log) before every check has passed.
 */
import { hostname } from 'node:os';
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { message, problem, isError } from '../../../shared/messages/problem.js';
import { validateSettings } from '../../../shared/settings/validate.js';
import { withValues } from '../../../shared/settings/access.js';
import { IMPORT_GROUPS, type ImportGroup } from '../../../shared/transfer/format.js';
import { changeCount, planImport, type PreviewRow } from '../../../shared/transfer/plan.js';
import { readExportFile } from '../../../shared/node/transfer/read.js';
import { readLocalFolder } from '../../../shared/node/transfer/files.js';
import { readPassphraseFile } from '../../../shared/node/transfer/passphrase.js';
import { applyImport } from '../../../shared/node/transfer/apply.js';
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
  const read = await readExportFile(file, { needSecrets: true, ...(passphrase !== undefined ? { passphrase } : {}) });
  const errors = read.problems.filter(isError);
  if (errors.length > 0) {
    printProblems(ctx.io, errors);
    return 1;
  }
  const local = await readLocalFolder(ctx.configDir);
  const plan = planImport(local, read.contents, { groups, otherMachine: o.otherMachine === true });
  for (const r of plan.rows) ctx.io.out(rowLine(r, ctx.io.lang));
  if (plan.problems.length > 0) {
    printProblems(ctx.io, plan.problems);
    return 1;
  }
  // The result checked as the save will check it, so a dry run says what the save would refuse.
  const placeholders = new Map([...plan.seal].map(([k, v]) => [k, v === '' ? '' : 'sealed:v1:check:unsaved'] as const));
  const invalid = validateSettings(withValues(plan.settings, placeholders)).filter(isError);
  if (invalid.length > 0) {
    printProblems(ctx.io, [...invalid, problem('ER_1004', { count: invalid.length })]);
    return 1;
  }
  const keptPersonal = plan.rows.filter((r) => r.status === 'kept' && read.contents.manifest.omitted.includes(r.key)).length;
  if (plan.rows.some((r) => r.key === 'center-cert.pem' && r.status === 'kept')) say(ctx.io, message('ER_6806'));
  if (keptPersonal > 0) say(ctx.io, message('ER_6809', { count: keptPersonal }));
  const count = changeCount(plan);
  if (o.dryRun) {
    say(ctx.io, message('ER_6802', { count }));
    return 0;
  }
  if (count === 0) {
    say(ctx.io, message('ER_6803', { file }));
    return 0;
  }
  const applied = await applyImport(await hostCore(ctx), local.store, read.contents, plan, file);
  if (!applied.ok) {
    printProblems(ctx.io, withFullPaths(ctx.configDir, applied.problems));
    return 1;
  }
  say(ctx.io, message('ER_6801', { file, count }));
  if (plan.activate) say(ctx.io, message('ER_6808'));
  printProblems(ctx.io, applied.warnings);
  return 0;
}
