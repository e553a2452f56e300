/**
 * 変更後未テスト, derived instead of stored as a flag: a successful テスト通報 records a digest of what the center must
 * re-learn (the route, its destinations, its certificates) in `<state>/tested-settings.json`; the machine is "changed
 * since the last test" when today's digest differs. No command sets the flag either way (it cannot be made to lie),
 * a change made by any means (the window, `config set`, an edited file) shows, and only a successful test clears it.
 * Only digests are kept: no destination, certificate or secret is written to the state folder.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { type Config } from '../config/model.js';
import { CHANGE_AREAS, type ChangeArea, type UntestedChanges } from '../host/untested.js';
import { writeFileAtomic } from './atomic-write.js';
import { recordFormat, stamped } from './formats/format.js';

export const TESTED_RECORD = 'tested-settings.json';

interface Dirs {
  configDir: string;
  stateDir: string;
}

interface TestedRecord {
  testedAt?: string;
  digests: Record<ChangeArea, string>;
}

const sha256 = (s: string | Buffer): string => createHash('sha256').update(s).digest('hex');

/** A file's digest, or a word saying why there is none (a missing CA file is a change too). */
async function fileDigest(path: string): Promise<string> {
  try {
    return sha256(await readFile(path));
  } catch (e) {
    return `unreadable:${(e as NodeJS.ErrnoException).code ?? 'error'}`;
  }
}

/** What the center must re-learn, per area, for the route the settings use. */
async function centerFacing(c: Config, configDir: string): Promise<Record<ChangeArea, string>> {
  const s = c.settings;
  const route = s['express.route'];
  let destinations: unknown = null;
  let certificate: unknown = null;
  switch (route) {
    case 'https': {
      // Through a manager (https.via = manager) the agent's destination is the manager, not the center's URLs.
      if (s['https.via'] === 'manager') {
        destinations = ['manager', s['https.manager.host'], s['https.manager.port'], s['https.manager.secondary.host'], s['https.manager.secondary.port']];
        break;
      }
      destinations = [c.inf.adr?.url1 ?? '', c.inf.adr?.url2 ?? ''];
      const ca = s['https.caFile'];
      certificate = ca === '' ? '' : [ca, await fileDigest(isAbsolute(ca) ? ca : join(configDir, ca))];
      break;
    }
    case 'mail':
    case 'dialup':
      destinations = route === 'mail' ? [s['mail.to']] : [s['dialup.primary.number'], s['dialup.secondary.number']];
      certificate = s['mail.smime'] ? await fileDigest(join(configDir, 'center-cert.pem')) : 'off';
      break;
    case 'manager':
      // The secondary only when set: a record made before it existed still matches.
      destinations = [s['manager.host'], s['manager.port'], ...(s['manager.secondary.host'] ? [s['manager.secondary.host'], s['manager.secondary.port']] : [])];
      break;
    default:
      break;
  }
  return { route: sha256(route), destinations: sha256(JSON.stringify(destinations)), certificate: sha256(JSON.stringify(certificate)) };
}

/** A record of a newer format throws ER_8101 (rather than being taken for none and overwritten). */
async function readRecord(stateDir: string): Promise<TestedRecord | undefined> {
  const path = join(stateDir, TESTED_RECORD);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return undefined; // none yet, or unreadable: treated as no record (see ensureTestedBaseline)
  }
  recordFormat(json, path);
  try {
    const r = json as Partial<TestedRecord>;
    if (!r.digests || CHANGE_AREAS.some((a) => typeof r.digests?.[a] !== 'string')) return undefined;
    return { digests: r.digests, ...(typeof r.testedAt === 'string' ? { testedAt: r.testedAt } : {}) };
  } catch {
    return undefined; // null, or not a record
  }
}

async function writeRecord(stateDir: string, r: TestedRecord): Promise<void> {
  await writeFileAtomic(join(stateDir, TESTED_RECORD), `${JSON.stringify(stamped(r))}\n`, { mode: 0o600 });
}

/** A successful テスト通報 with `tested` (the configuration actually sent with, the dialog's unsaved values included). */
export async function recordTested(dirs: Dirs, tested: Config, at: Date = new Date()): Promise<void> {
  await writeRecord(dirs.stateDir, { testedAt: at.toISOString(), digests: await centerFacing(tested, dirs.configDir) });
}

/**
 * Whether a successful テスト通報 was recorded in this state folder (a baseline taken at the window's first start has no
 * time, so it does not count): `validate` warns when activation.ini says tested or active without one (a hand edit).
 */
export async function hasRecordedTest(stateDir: string): Promise<boolean> {
  return (await readRecord(stateDir))?.testedAt !== undefined;
}

/** Whether the lifecycle state is one where the flag means something (before a test, the state itself says so). */
const testedState = (c: Config): boolean => c.settings['activation.state'] === 'tested' || c.settings['activation.state'] === 'active';

/**
 * A machine tested before this record existed has none: its current settings are taken as the tested ones once, so
 * changes from then on show. Nothing is written for a machine that has not been tested.
 */
export async function ensureTestedBaseline(dirs: Dirs, c: Config): Promise<void> {
  if (!testedState(c) || (await readRecord(dirs.stateDir))) return;
  await writeRecord(dirs.stateDir, { digests: await centerFacing(c, dirs.configDir) });
}

/** The areas changed since the last successful test; undefined when nothing changed (or no test to compare with). */
export async function untestedChanges(dirs: Dirs, c: Config): Promise<UntestedChanges | undefined> {
  if (!testedState(c)) return undefined;
  const record = await readRecord(dirs.stateDir);
  if (!record) return undefined;
  const now = await centerFacing(c, dirs.configDir);
  const areas = CHANGE_AREAS.filter((a) => now[a] !== record.digests[a]);
  return areas.length === 0 ? undefined : { areas, ...(record.testedAt ? { testedAt: record.testedAt } : {}) };
}
