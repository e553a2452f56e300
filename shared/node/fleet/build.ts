/**
 * Writing the prepared folders (docs/fleet.md, "Output"): per row without errors `<out>/<folder>/` holding config/ (the
 * server's config folder, state 設定済み), express-report-settings.zip (the support export of that folder with personal
 * data, which `express-report import` takes) and README.txt; then fleet-result.csv of every row. Each folder is built
 * beside its place and renamed into it, so a folder is either the old one or the whole new one.
 */
import { join } from 'node:path';
import { cp, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { type Lang } from '../../messages/text.js';
import { CERT_ENTRY, DEFINITION_ENTRIES } from '../../transfer/format.js';
import { EXPORT_NAME, readmeText } from '../../fleet/readme.js';
import { resultCsv } from '../../fleet/result.js';
import { ConfigStore } from '../config-store.js';
import { syncFolder, syncTree, writeFileAtomic } from '../atomic-write.js';
import { configWriteOptions } from '../config-modes.js';
import { buildExport } from '../transfer/export.js';
import { type FleetBase } from './base.js';
import { type FleetCheck, type RowPlan } from './check.js';

export const RESULT_CSV = 'fleet-result.csv';

export interface BuildOptions {
  out: string;
  version: string;
  lang: Lang;
}

export interface Built {
  written: number;
  skipped: number;
  csv: string;
}

const exists = (p: string): Promise<boolean> =>
  stat(p).then(
    () => true,
    () => false,
  );

/** The defaults with the base's definition files and certificate as they are: made once, copied for every row. */
async function writeTemplate(dir: string, base: FleetBase): Promise<void> {
  await ConfigStore.init(dir);
  for (const name of DEFINITION_ENTRIES) {
    const bytes = base.definitions[name];
    if (bytes) await writeFileAtomic(join(dir, name), bytes, configWriteOptions(name));
  }
  if (base.certificate) await writeFileAtomic(join(dir, CERT_ENTRY), base.certificate, configWriteOptions(CERT_ENTRY));
}

/** The config folder of one server, under `dir`: the template copied, then the row's plan saved through the config store. */
async function writeConfig(dir: string, template: string, plan: RowPlan): Promise<void> {
  await cp(template, dir, { recursive: true, preserveTimestamps: true });
  const store = await ConfigStore.open(dir);
  await store.save(plan.config, { lifecycle: 'activation' });
  if (plan.centerCertificate) await writeFileAtomic(join(dir, CERT_ENTRY), plan.centerCertificate, configWriteOptions(CERT_ENTRY));
  // The save's one-generation backups are of the template: nothing a server needs.
  for (const sub of [dir, join(dir, 'WebReprt')]) {
    for (const name of await readdir(sub)) if (name.endsWith('.bak')) await rm(join(sub, name), { force: true });
  }
}

export async function buildFleet(check: FleetCheck, base: FleetBase, o: BuildOptions): Promise<Built> {
  await mkdir(o.out, { recursive: true, mode: 0o700 });
  const template = join(o.out, '.fleet-template');
  await rm(template, { recursive: true, force: true });
  if (check.plans.size > 0) await writeTemplate(template, base);
  let written = 0;
  try {
    for (const row of check.rows) {
      const plan = check.plans.get(row.line);
      if (!plan || !row.schedule) continue;
      const final = join(o.out, row.folder);
      const temp = join(o.out, `.${row.folder}.building`);
      await rm(temp, { recursive: true, force: true });
      await mkdir(temp, { mode: 0o700 });
      const configDir = join(temp, 'config');
      await writeConfig(configDir, template, plan);
      const exp = await buildExport({ configDir, stateDir: join(temp, 'no-state'), version: o.version }, { scope: 'support', personal: 'include' });
      await writeFileAtomic(join(temp, EXPORT_NAME), exp.bytes, { mode: 0o600 });
      await writeFileAtomic(
        join(temp, 'README.txt'),
        readmeText({ serverName: row.serverName, serial: row.serial, schedule: row.schedule, secrets: base.secrets }),
      );
      // Durable before it takes its name (the template's copies were never synced). The old folder moves aside before
      // the new one takes its name, and goes only once the new one is in place.
      await syncTree(temp);
      const old = join(o.out, `.${row.folder}.old`);
      await rm(old, { recursive: true, force: true });
      if (await exists(final)) await rename(final, old);
      await rename(temp, final);
      await syncFolder(o.out);
      await rm(old, { recursive: true, force: true });
      written++;
    }
  } finally {
    await rm(template, { recursive: true, force: true });
  }
  const csv = join(o.out, RESULT_CSV);
  await writeFileAtomic(csv, resultCsv(check.rows, o.lang));
  return { written, skipped: check.rows.length - written, csv };
}
