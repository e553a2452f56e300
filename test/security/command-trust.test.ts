/**
 * AMHTPLOG.INF / AMHTPHBI.INF commands run as root only when nobody but root can change what runs (docs/log-collection.md,
 * service/collect/trust.ts), checked with real files, modes, owners and links (root makes the untrusted cases by
 * chown to nobody). For BOTH definition files, every component of every path is made untrusted in turn: the definition
 * file, each folder above it, the command, each folder above it, the working folder, a link on the way (owned by
 * nobody, or root's link into a folder nobody owns). Each time the command must not run (its log is not written)
 * and the refusal is coded: ER_4300 for the definition file, ER_4301 for the command or its working folder.
 */
import { access, chmod, chown, lchown, mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectForEvent, collectTools, type CollectResult } from '../../service/collect/collect.js';
import { DEFAULT_LOG_MODEL } from '../../shared/inf/log.js';
import { DEFAULT_COLLECTION, type ToolPaths } from '../../shared/inf/collect.js';
import { installScript } from '../helpers/collect.js';
import { tempDirs } from '../helpers/tmp.js';

const tmp = tempDirs();
const NOBODY = 65534;

interface Tree {
  root: string;
  /** <root>/etc/WebReprt/AMHTPLOG.INF and AMHTPHBI.INF */
  webReprt: string;
  /** <root>/opt/tools/collect.sh */
  command: string;
  /** <root>/var/work: where the command writes out/collected.log */
  work: string;
}

/** The trusted case: root-owned folders 0755, files 0644, the command 0755. */
async function tree(): Promise<Tree> {
  const root = await tmp();
  await chmod(root, 0o755);
  const webReprt = join(root, 'etc', 'WebReprt');
  const tools = join(root, 'opt', 'tools');
  const work = join(root, 'var', 'work');
  for (const d of [webReprt, tools, work]) await mkdir(d, { recursive: true, mode: 0o755 });
  for (const f of ['AMHTPLOG.INF', 'AMHTPHBI.INF']) await writeFile(join(webReprt, f), '[Configuration]\r\nTimeOut=30\r\n', { mode: 0o644 });
  const command = await installScript('write-log.sh', tools);
  return { root, webReprt, command, work };
}

type Which = 'AMHTPLOG.INF' | 'AMHTPHBI.INF';

/** What the service does for that file: AMHTPLOG.INF for a failure event, AMHTPHBI.INF's [Tools] for the schedule. */
function collectWith(which: Which, definitionFile: string, tool: ToolPaths): Promise<CollectResult> {
  const o = { definitionFile };
  if (which === 'AMHTPHBI.INF') return collectTools(tool, { ...DEFAULT_COLLECTION, timeoutSeconds: 30 }, o);
  const model = { ...DEFAULT_LOG_MODEL, timeoutSeconds: 30, defaultTools: tool };
  return collectForEvent({ source: 'atapi', id: 0xc0040006 }, model, o, { via: 'default', tool });
}

const ran = (t: Tree) =>
  access(join(t.work, 'out', 'collected.log')).then(
    () => true,
    () => false,
  );

/** One untrusted change to the tree; `def`/`command`/`dir`: the paths handed to the collection instead, if changed. */
type Breaker = (t: Tree, which: Which) => Promise<{ def?: string; command?: string; dir?: string; code: 'ER_4300' | 'ER_4301' }>;

const CASES: Array<[string, Breaker]> = [
  ['the definition file owned by nobody', async (t, w) => (await chown(join(t.webReprt, w), NOBODY, NOBODY), { code: 'ER_4300' })],
  ['the definition file group-writable', async (t, w) => (await chmod(join(t.webReprt, w), 0o664), { code: 'ER_4300' })],
  ['its folder WebReprt writable by others', async (t) => (await chmod(t.webReprt, 0o777), { code: 'ER_4300' })],
  ['its folder WebReprt owned by nobody', async (t) => (await chown(t.webReprt, NOBODY, NOBODY), { code: 'ER_4300' })],
  ['the folder above it (etc) owned by nobody', async (t) => (await chown(join(t.root, 'etc'), NOBODY, NOBODY), { code: 'ER_4300' })],
  ['the folder above it (etc) group-writable', async (t) => (await chmod(join(t.root, 'etc'), 0o775), { code: 'ER_4300' })],
  ['the top folder owned by nobody', async (t) => (await chown(t.root, NOBODY, NOBODY), { code: 'ER_4300' })],
  [
    'the definition file a link owned by nobody',
    async (t, w) => {
      const link = join(t.root, 'etc', `${w}.link`);
      await symlink(join(t.webReprt, w), link);
      await lchown(link, NOBODY, NOBODY);
      return { def: link, code: 'ER_4300' };
    },
  ],
  [
    'WebReprt reached through a link owned by nobody',
    async (t, w) => {
      const link = join(t.root, 'etc', 'Web');
      await symlink(t.webReprt, link);
      await lchown(link, NOBODY, NOBODY);
      return { def: join(link, w), code: 'ER_4300' };
    },
  ],
  [
    "root's link to a definition file in a folder nobody owns",
    async (t, w) => {
      const theirs = join(t.root, 'home', 'nobody');
      await mkdir(theirs, { recursive: true, mode: 0o755 });
      await rename(join(t.webReprt, w), join(theirs, w));
      await chown(theirs, NOBODY, NOBODY);
      await symlink(join(theirs, w), join(t.webReprt, w));
      return { code: 'ER_4300' };
    },
  ],
  ['the command owned by nobody', async (t) => (await chown(t.command, NOBODY, NOBODY), { code: 'ER_4301' })],
  ['the command writable by others', async (t) => (await chmod(t.command, 0o777), { code: 'ER_4301' })],
  ["the command's folder owned by nobody", async (t) => (await chown(join(t.root, 'opt', 'tools'), NOBODY, NOBODY), { code: 'ER_4301' })],
  ["the command's folder group-writable", async (t) => (await chmod(join(t.root, 'opt', 'tools'), 0o775), { code: 'ER_4301' })],
  ['the folder above the command (opt) writable by others', async (t) => (await chmod(join(t.root, 'opt'), 0o777), { code: 'ER_4301' })],
  ['the folder above the command (opt) owned by nobody', async (t) => (await chown(join(t.root, 'opt'), NOBODY, NOBODY), { code: 'ER_4301' })],
  [
    'the command a link owned by nobody',
    async (t) => {
      const link = join(t.root, 'opt', 'collect.sh');
      await symlink(t.command, link);
      await lchown(link, NOBODY, NOBODY);
      return { command: link, code: 'ER_4301' };
    },
  ],
  [
    "root's link to a command in a folder nobody owns",
    async (t) => {
      const theirs = join(t.root, 'home', 'nobody');
      await mkdir(theirs, { recursive: true, mode: 0o755 });
      await chown(theirs, NOBODY, NOBODY);
      const script = await installScript('write-log.sh', theirs);
      const link = join(t.root, 'opt', 'tools', 'theirs.sh');
      await symlink(script, link);
      return { command: link, code: 'ER_4301' };
    },
  ],
  [
    "the command's folder reached through a link owned by nobody",
    async (t) => {
      const link = join(t.root, 'opt', 'bin');
      await symlink(join(t.root, 'opt', 'tools'), link);
      await lchown(link, NOBODY, NOBODY);
      return { command: join(link, 'write-log.sh'), code: 'ER_4301' };
    },
  ],
  ['the working folder writable by others', async (t) => (await chmod(t.work, 0o777), { code: 'ER_4301' })],
  ['the working folder owned by nobody', async (t) => (await chown(t.work, NOBODY, NOBODY), { code: 'ER_4301' })],
  [
    'the working folder a link owned by nobody',
    async (t) => {
      const link = join(t.root, 'var', 'w');
      await symlink(t.work, link);
      await lchown(link, NOBODY, NOBODY);
      return { dir: link, code: 'ER_4301' };
    },
  ],
];

describe.skipIf(process.getuid?.() !== 0)('log commands run only from paths only root can change (run as root, as in CI)', () => {
  for (const which of ['AMHTPLOG.INF', 'AMHTPHBI.INF'] as const) {
    it(`${which}: the trusted tree runs its command`, async () => {
      const t = await tree();
      const r = await collectWith(which, join(t.webReprt, which), { command: t.command, logFile: '', directory: t.work });
      expect(r.notes.map((n) => n.code)).toContain('ER_6303');
      expect(await ran(t)).toBe(true);
    });

    it(`${which}: each untrusted component refuses the command, coded, and nothing runs`, async () => {
      const seen: string[] = [];
      for (const [name, breakIt] of CASES) {
        const t = await tree();
        const b = await breakIt(t, which);
        const r = await collectWith(which, b.def ?? join(t.webReprt, which), { command: b.command ?? t.command, logFile: '', directory: b.dir ?? t.work });
        const codes = r.notes.map((n) => n.code);
        expect(codes, name).toContain(b.code);
        expect(codes, name).not.toContain('ER_6303');
        expect(await ran(t), name).toBe(false);
        seen.push(name);
        await rm(t.root, { recursive: true, force: true });
      }
      expect(seen).toHaveLength(CASES.length);
    });
  }
});
