/**
 * `fleet check FILE.csv --base BASE` and `fleet build FILE.csv --base BASE --out DIR` (docs/fleet.md): every row's
 * result (new / replace / warning / error with `LINE: COLUMN: CODE message`); build writes only the rows without
 * errors. Exit 1 when any row (or the CSV as a whole) has an error.
 */
import { dirname, join, resolve } from 'node:path';
import { message, problem, isError } from '../../../shared/messages/problem.js';
import { type Lang } from '../../../shared/messages/text.js';
import { fleetLine, scheduleText, type RowResult } from '../../../shared/fleet/result.js';
import { parseWindow, type SlotWindow } from '../../../shared/fleet/schedule-slot.js';
import { readFileBounded } from '../../../shared/node/bounded-read.js';
import { codedError } from '../../../shared/node/coded-error.js';
import { MAX_CSV_BYTES } from '../../../shared/node/fleet/csv.js';
import { prepareFleetCheck } from '../../../shared/node/fleet/prepare.js';
import { buildFleet } from '../../../shared/node/fleet/build.js';
import { type FleetCheck } from '../../../shared/node/fleet/check.js';
import { RESOURCES_DIR, packageVersion } from '../../app-paths.js';
import { printProblems, say } from '../io.js';
import { type CliContext } from '../context.js';

export interface FleetOpts {
  base: string;
  out?: string;
  keys?: string;
  window?: string;
  service?: 'express' | 'https';
}

function rowLines(r: RowResult, lang: Lang): string[] {
  const head = [String(r.line).padStart(5), r.status.padEnd(7), r.serial, r.serverName, r.folder, r.schedule ? scheduleText(r.schedule, lang) : ''].join('  ');
  return [head.trimEnd(), ...r.problems.map((p) => `       ${fleetLine(p, lang)}`)];
}

function print(ctx: CliContext, check: FleetCheck): void {
  for (const p of check.file) ctx.io.err(fleetLine(p, ctx.io.lang));
  for (const r of check.rows) for (const l of rowLines(r, ctx.io.lang)) ctx.io.out(l);
  printProblems(ctx.io, check.notes);
  if (check.file.length === 0 || check.rows.length > 0) say(ctx.io, message('ER_6823', { ...check.counts }));
}

async function run(ctx: CliContext, csvPath: string, o: FleetOpts, out: string | undefined) {
  let window: SlotWindow | undefined;
  if (o.window !== undefined) {
    window = parseWindow(o.window);
    if (!window) throw codedError('ER_3619', { value: o.window });
  }
  const path = resolve(csvPath);
  const bytes = await readFileBounded(path, MAX_CSV_BYTES + 1);
  if (!bytes) throw codedError('ER_1001', { path, reason: 'no such file' });
  return prepareFleetCheck({
    csv: { name: csvPath, bytes },
    base: resolve(o.base),
    keys: { dir: resolve(o.keys ?? join(dirname(path), 'keys')) },
    ...(out !== undefined ? { out } : {}),
    ...(window ? { window } : {}),
    ...(o.service ? { service: o.service } : {}),
    resourcesDir: RESOURCES_DIR,
    env: ctx.env,
  });
}

const failed = (check: FleetCheck): boolean => check.file.some(isError) || check.rows.some((r) => r.status === 'error');

export async function fleetCheckCommand(ctx: CliContext, csvPath: string, o: FleetOpts): Promise<number> {
  const { check } = await run(ctx, csvPath, o, o.out === undefined ? undefined : resolve(o.out));
  print(ctx, check);
  return failed(check) ? 1 : 0;
}

export async function fleetBuildCommand(ctx: CliContext, csvPath: string, o: FleetOpts): Promise<number> {
  if (o.out === undefined) {
    printProblems(ctx.io, [problem('ER_3620')]);
    return 2;
  }
  const out = resolve(o.out);
  const { check, base } = await run(ctx, csvPath, o, out);
  print(ctx, check);
  if (check.file.some(isError)) {
    say(ctx.io, message('ER_6825'));
    return 1;
  }
  const built = await buildFleet(check, base, { out, version: packageVersion(), lang: ctx.io.lang });
  say(ctx.io, message('ER_6824', { written: built.written, out, skipped: built.skipped, csv: built.csv }));
  return failed(check) ? 1 : 0;
}
