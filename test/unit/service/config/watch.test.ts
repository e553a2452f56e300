/**
 * The config folder's watch survives the folder being replaced: `rm -rf` and a restore, a new folder moved into place,
 * a symlink switched to another folder, WebReprt/ replaced. Each time the replacement is logged (ER_6014), read at once,
 * and later changes inside the new folder apply; while the folder is missing that is logged once (ER_1060) and the last
 * good config is not touched. Real folders, real fs.watch.
 */
import { cp, mkdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigWatcher } from '../../../../service/config/watch.js';
import { ConfigStore } from '../../../../shared/node/config-store.js';
import { type Config } from '../../../../shared/config/model.js';
import { type Problem } from '../../../../shared/messages/problem.js';
import { until } from '../../../helpers/service-process.js';
import { tempDirs } from '../../../helpers/tmp.js';

const tmp = tempDirs();
let watcher: ConfigWatcher | undefined;
afterEach(() => watcher?.stop());

interface Seen {
  applied: Config[];
  notices: Problem[];
  refused: Problem[][];
}

function watching(dir: string): Seen {
  const seen: Seen = { applied: [], notices: [], refused: [] };
  watcher = new ConfigWatcher(
    dir,
    {
      applied: (c) => seen.applied.push(c),
      refused: (ps) => seen.refused.push(ps),
      notice: (p) => seen.notices.push(p),
    },
    50,
  );
  watcher.start();
  return seen;
}

const interval = (c: Config | undefined) => c?.settings['schedule.retry.intervalMinutes'];
const codes = (s: Seen) => s.notices.map((p) => `${p.code} ${p.message.en}`).join('\n');
const describeSeen = (s: Seen) => () => `notices:\n${codes(s)}\nrefused: ${JSON.stringify(s.refused.flat().map((p) => p.code))}`;

/** Sets [Retry] IntervalMinutes in `dir`'s schedule.ini, as an editor would (rewriting the file in place). */
async function setInterval(dir: string, minutes: number): Promise<void> {
  const path = join(dir, 'schedule.ini');
  await writeFile(path, (await readFile(path, 'utf8')).replace(/^IntervalMinutes=.*$/m, `IntervalMinutes=${minutes}`));
}

/** Waits for a config with that interval to be applied after `from` (an index into seen.applied). */
async function applied(seen: Seen, minutes: number, from: number, what: string): Promise<void> {
  await until(() => seen.applied.slice(from).some((c) => interval(c) === minutes), 10_000, what, describeSeen(seen));
}

async function initFolder(dir: string): Promise<void> {
  await ConfigStore.init(dir);
}

describe('the config watch when the folder is replaced', () => {
  it('rm -rf and a restore: missing is logged once, the restored folder is watched again and its changes apply', async () => {
    const base = await tmp();
    const dir = join(base, 'config');
    await initFolder(dir);
    await cp(dir, join(base, 'backup'), { recursive: true });
    const seen = watching(dir);
    await setInterval(dir, 7);
    await applied(seen, 7, 0, 'the first change');

    await rm(dir, { recursive: true, force: true });
    // Seen missing (the old code instead read it and refused it as ER_1005): only then restored.
    await until(
      () => seen.notices.some((p) => p.code === 'ER_1060') || seen.refused.flat().some((p) => p.code === 'ER_1005'),
      10_000,
      'the removal to be seen',
      describeSeen(seen),
    );
    const mark = seen.applied.length;
    await cp(join(base, 'backup'), dir, { recursive: true });
    await applied(seen, 5, mark, 'the restored folder to be read'); // the backup's default
    const later = seen.applied.length;
    await setInterval(dir, 9);
    await applied(seen, 9, later, 'a change inside the restored folder');

    expect(seen.notices.filter((p) => p.code === 'ER_1060')).toHaveLength(1);
    expect(seen.notices.filter((p) => p.code === 'ER_6014').map((p) => p.message.en)).toEqual([expect.stringContaining(dir)]);
    expect(seen.refused.flat().map((p) => p.code)).not.toContain('ER_1005'); // a missing folder is not "refused settings"
  });

  it('a new folder moved into place (the old one moved aside) is read and watched; the old one is not', async () => {
    const base = await tmp();
    const dir = join(base, 'config');
    await initFolder(dir);
    await cp(dir, join(base, 'next'), { recursive: true });
    await setInterval(join(base, 'next'), 11);
    const seen = watching(dir);
    await rename(dir, join(base, 'old'));
    await rename(join(base, 'next'), dir);
    await applied(seen, 11, 0, 'the new folder to be read');
    const later = seen.applied.length;
    await setInterval(dir, 12);
    await applied(seen, 12, later, 'a change inside the new folder');
    // ER_1060 too, if a pass fell between the two renames
    expect(seen.notices.map((p) => p.code).filter((c) => c !== 'ER_1060')).toEqual(['ER_6014']);
  });

  it('a symlink switched to another folder (ln -sfn) is followed', async () => {
    const base = await tmp();
    await initFolder(join(base, 'a'));
    await cp(join(base, 'a'), join(base, 'b'), { recursive: true });
    await setInterval(join(base, 'b'), 13);
    const dir = join(base, 'config');
    await symlink(join(base, 'a'), dir);
    const seen = watching(dir);
    await symlink(join(base, 'b'), join(base, 'config.new'));
    await rename(join(base, 'config.new'), dir); // what ln -sfn does: one atomic switch
    await applied(seen, 13, 0, 'the switched-to folder to be read');
    const later = seen.applied.length;
    await setInterval(join(base, 'b'), 14);
    await applied(seen, 14, later, 'a change inside the switched-to folder');
    expect(seen.notices.map((p) => p.code)).toEqual(['ER_6014']);
  });

  it('WebReprt/ replaced: logged, and a change inside the new WebReprt/ applies', async () => {
    const base = await tmp();
    const dir = join(base, 'config');
    await initFolder(dir);
    const web = join(dir, 'WebReprt');
    const seen = watching(dir);
    await cp(web, join(base, 'WebReprt.new'), { recursive: true });
    await rm(web, { recursive: true, force: true });
    await rename(join(base, 'WebReprt.new'), web);
    // Seen replaced (the old code only re-read the folder, from its parent's watch): only then changed inside.
    await until(() => seen.applied.length > 0, 10_000, 'the replacement to be read', describeSeen(seen));
    const later = seen.applied.length;
    const adr = join(web, 'AMHTPADR.INF');
    await writeFile(adr, (await readFile(adr, 'utf8')).replace(/^URL=.*$/m, 'URL= https://center.example.jp/new'));
    await until(() => seen.applied.slice(later).some((c) => c.inf.adr?.url1 === 'https://center.example.jp/new'), 10_000, 'the new URL', describeSeen(seen));
    expect(seen.notices.map((p) => `${p.code} ${p.message.en}`)).toEqual([expect.stringMatching(/^ER_6014 .*WebReprt/)]);
  });

  it('a folder that is not there at start is picked up when it appears', async () => {
    const base = await tmp();
    const dir = join(base, 'config');
    await mkdir(base, { recursive: true });
    const seen = watching(dir);
    await initFolder(join(base, 'made'));
    await rename(join(base, 'made'), dir);
    await applied(seen, 5, 0, 'the new folder to be read');
    const later = seen.applied.length;
    await setInterval(dir, 15);
    await applied(seen, 15, later, 'a change inside it');
    expect(seen.notices.map((p) => p.code)).toEqual(['ER_6014']);
  });
});
