/**
 * One fleet check from what the command line or the window gives (the CSV's bytes, the base's path, the key files
 * from a folder or uploaded): the base read, the center's destinations and the device list loaded once, every row
 * checked (./check.ts). Shared by `fleet check` / `fleet build` and the HostApi, so both judge a row alike.
 */
import { join } from 'node:path';
import { stat } from 'node:fs/promises';
import { type Problem } from '../../messages/problem.js';
import { type SlotWindow } from '../../fleet/schedule-slot.js';
import { READ_LIMITS, readFileBounded } from '../bounded-read.js';
import { isCodedError } from '../coded-error.js';
import { keyVerifierFromEnv } from '../keyfile/host-verifier.js';
import { loadCenterDestinations } from '../host/center.js';
import { loadResources } from '../host/resources.js';
import { loadBase, type ExportBytes, type FleetBase } from './base.js';
import { readFleetCsv } from './csv.js';
import { checkFleet, type FleetCheck } from './check.js';
import { countRows } from '../../fleet/result.js';

export interface FleetRequest {
  csv: { name: string; bytes: Uint8Array };
  /** An export file or a config folder, or an export's bytes. */
  base: string | ExportBytes;
  /** Key files: a folder (the command line: `keys/` beside the CSV) or uploaded by name (the window in serve). */
  keys: { dir: string } | { files: ReadonlyMap<string, Uint8Array> };
  /** The output folder, when known: a row whose folder exists there is `replace`. */
  out?: string;
  window?: SlotWindow;
  service?: 'express' | 'https';
  resourcesDir: string;
  env: Readonly<Record<string, string | undefined>>;
}

const isDir = (p: string): Promise<boolean> =>
  stat(p).then(
    (s) => s.isDirectory(),
    () => false,
  );

async function readKey(dir: string, name: string): Promise<Uint8Array | undefined> {
  try {
    return await readFileBounded(join(dir, name), READ_LIMITS.keyFile);
  } catch (e) {
    if (isCodedError(e)) return undefined;
    throw e;
  }
}

export async function prepareFleetCheck(r: FleetRequest): Promise<{ check: FleetCheck; base: FleetBase }> {
  const csv = readFleetCsv(r.csv.bytes, r.csv.name);
  const base = await loadBase(r.base);
  const center = await loadCenterDestinations(r.resourcesDir, r.env);
  if (!center.ok) {
    const file: Problem[] = [...csv.problems, ...center.problems];
    return { check: { file, notes: [], rows: [], plans: new Map(), counts: countRows([]) }, base };
  }
  const resources = await loadResources(r.resourcesDir);
  const keys = r.keys;
  const check = await checkFleet({
    csv,
    base,
    keyFile: (name) => ('dir' in keys ? readKey(keys.dir, name) : Promise.resolve(keys.files.get(name))),
    keyDir: 'dir' in keys ? keys.dir : '(upload)',
    exists: (folder) => (r.out === undefined ? Promise.resolve(false) : isDir(join(r.out, folder))),
    verifier: keyVerifierFromEnv(r.resourcesDir, r.env),
    center: center.center,
    deviceCodes: new Set(resources.deviceCodes.map((d) => d.code)),
    ...(r.window ? { window: r.window } : {}),
    ...(r.service ? { service: r.service } : {}),
  });
  return { check, base };
}
