/**
 * Where the maintenance pause is kept: `<state>/maintenance.json` (mode 0600), written atomically, so it survives a
 * restart and the service, `status` and the window all read the same thing (docs/delivery.md, "Maintenance pause").
 * It is state of this machine's service, not a setting: it is not in the config folder, is not copied with it, and no
 * settings write can set it. An older version's `State=paused` in activation.ini is migrated to it once.
 */
import { readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { type MaintenanceOverlay } from '../host/maintenance.js';
import { problem, type Problem } from '../messages/problem.js';
import { issuesText } from '../messages/zod-issues.js';
import { writeFileAtomic } from './atomic-write.js';
import { codedError, errnoCode, isCodedError, reasonOf } from './coded-error.js';
import { ConfigStore } from './config-store.js';
import { recordFormat, stamped } from './formats/format.js';

export const MAINTENANCE_FILE = 'maintenance.json';
export const maintenancePath = (stateDir: string): string => join(stateDir, MAINTENANCE_FILE);

const iso = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a time');
const overlaySchema = z.object({
  since: iso,
  until: iso.optional(),
  reason: z.string().max(1000),
  origin: z.enum(['pause', 'legacy-state']),
  notice: z.object({ reportId: z.string(), sent: z.boolean() }).optional(),
  boot: z.string().optional(),
  mono: z.number().optional(),
});

/**
 * The overlay, if any. A file that cannot be read or is not one of ours is not ignored (that would send what the user
 * asked to hold): it counts as a pause without an end, with `problem` (ER_1110) saying why; `resume` removes it.
 */
export async function readMaintenance(stateDir: string): Promise<{ overlay?: MaintenanceOverlay; problem?: Problem }> {
  const path = maintenancePath(stateDir);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return {};
    return unreadable(path, reasonOf(e));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return unreadable(path, reasonOf(e));
  }
  try {
    recordFormat(json, path);
  } catch (e) {
    // A newer program's pause: held (not ignored), not read further; ER_8101 says what to do.
    return { ...(await unreadable(path, '')), ...(isCodedError(e) ? { problem: e.problem } : {}) };
  }
  const parsed = overlaySchema.safeParse(json);
  if (!parsed.success) return unreadable(path, issuesText(parsed.error));
  const o = parsed.data;
  return {
    overlay: {
      since: o.since,
      reason: o.reason,
      origin: o.origin,
      ...(o.until !== undefined ? { until: o.until } : {}),
      ...(o.notice ? { notice: o.notice } : {}),
      ...(o.boot !== undefined ? { boot: o.boot } : {}),
      ...(o.mono !== undefined ? { mono: o.mono } : {}),
    },
  };
}

async function unreadable(path: string, reason: string): Promise<{ overlay: MaintenanceOverlay; problem: Problem }> {
  const since = await stat(path).then(
    (s) => s.mtime.toISOString(),
    () => new Date().toISOString(),
  );
  return { overlay: { since, reason: '', origin: 'pause' }, problem: problem('ER_1110', { path, reason }) };
}

/** Durable before it counts: a failure is ER_1111 and nothing changed. */
export async function writeMaintenance(stateDir: string, overlay: MaintenanceOverlay): Promise<void> {
  const path = maintenancePath(stateDir);
  try {
    await writeFileAtomic(path, `${JSON.stringify(stamped(overlay), null, 2)}\n`, { mode: 0o600, forceMode: true });
  } catch (e) {
    throw codedError('ER_1111', { path, reason: reasonOf(e) }, {}, e);
  }
}

export async function removeMaintenance(stateDir: string): Promise<void> {
  const path = maintenancePath(stateDir);
  try {
    await unlink(path);
  } catch (e) {
    if (errnoCode(e) !== 'ENOENT') throw codedError('ER_1111', { path, reason: reasonOf(e) }, {}, e);
  }
}

/**
 * An older version kept the pause as a lifecycle state (activation.ini State=paused). It still loads: the first reader
 * (the service or the window's host) makes it 運用中 + a pause without an end time, once, and says so (ER_6115, which
 * the caller logs when this returns true). A pause already recorded is kept as it is.
 */
export async function migrateLegacyPause(dirs: { configDir: string; stateDir: string }): Promise<boolean> {
  const store = await ConfigStore.open(dirs.configDir);
  const c = store.config;
  if (c.settings['activation.state'] !== 'paused') return false;
  if (!(await readMaintenance(dirs.stateDir)).overlay) {
    await writeMaintenance(dirs.stateDir, { since: new Date().toISOString(), reason: '', origin: 'legacy-state' });
  }
  await store.save({ ...c, settings: { ...c.settings, 'activation.state': 'active' } }, { lifecycle: 'legacy-pause' });
  return true;
}
