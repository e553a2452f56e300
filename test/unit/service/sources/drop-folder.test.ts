/**
 * The drop folder against hostile entries (issue 10 item 9), on real files: only regular files of bounded size are
 * read, nothing blocks on a FIFO, an oversized file is moved aside once (not re-read per scan), rejected files keep
 * unique names, a name that is not UTF-8 is still handled, and a newline in a name cannot write a line of its own
 * into service.log.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { execFileSync } from 'node:child_process';
import { constants, openSync, closeSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DropFolder } from '../../../../service/sources/drop-folder.js';
import { ServiceLog } from '../../../../service/common/service-log.js';
import { type IncomingEvent } from '../../../../service/sources/event-source.js';
import { problem, type Problem } from '../../../../shared/messages/problem.js';
import { problemEntry } from '../../../../service/common/log-entry.js';
import { tempDirs } from '../../../helpers/tmp.js';

const tmp = tempDirs();
const event = (id: string) => JSON.stringify({ source: 'atapi', id, message: 'm' });

interface Rig {
  dir: string;
  drop: DropFolder;
  accepted: IncomingEvent[];
  problems: Problem[];
  codes(): string[];
}

const fifos: string[] = [];
afterEach(() => {
  // The old code blocked a thread in open() on a FIFO; a writer lets it go so the worker can end.
  for (const f of fifos.splice(0)) {
    try {
      closeSync(openSync(f, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // no reader waiting (the fixed code never opens it): nothing to release
    }
  }
});

async function rig(onProblem: (p: Problem) => void = () => undefined): Promise<Rig> {
  const dir = join(await tmp(), 'drop');
  await mkdir(dir);
  const accepted: IncomingEvent[] = [];
  const problems: Problem[] = [];
  const drop = new DropFolder(
    dir,
    async (e) => {
      accepted.push(e);
    },
    (p) => {
      problems.push(p);
      onProblem(p);
    },
  );
  return { dir, drop, accepted, problems, codes: () => problems.map((p) => p.code) };
}

/** start() scans once in the background; scan() again waits for it and for a pass of its own. */
async function started(r: Rig): Promise<void> {
  await r.drop.start();
  await r.drop.scan();
}

describe('drop folder: only regular files of bounded size are read', () => {
  it('moves a FIFO named *.json to rejected/ without opening it, and takes the files after it', async () => {
    const r = await rig();
    const fifo = join(r.dir, 'a-fifo.json');
    execFileSync('mkfifo', [fifo]);
    fifos.push(fifo);
    await writeFile(join(r.dir, 'b-good.json'), event('0xc0040006'));
    await started(r);
    await r.drop.stop(); // resolves: nothing waits on the FIFO
    expect(r.accepted.map((e) => e.id)).toEqual([0xc0040006]);
    expect(await readdir(join(r.dir, 'rejected'))).toEqual(['a-fifo.json']);
    expect(r.problems.find((p) => p.code === 'ER_1037')?.message.en).toMatch(/is a FIFO, not a regular file/);
    expect(await readdir(r.dir)).toEqual(['rejected']);
  }, 10_000);

  it('refuses a directory, a symbolic link and a device named *.json (the link target is neither read nor touched)', async () => {
    const r = await rig();
    const outside = join(r.dir, '..', 'outside.json');
    await writeFile(outside, event('0xc0040006'));
    await mkdir(join(r.dir, 'd.json'));
    await symlink(outside, join(r.dir, 'l.json'));
    let device = true;
    try {
      execFileSync('mknod', [join(r.dir, 'n.json'), 'c', '1', '3'], { stdio: 'ignore' }); // /dev/null's numbers
    } catch {
      device = false; // not root: the other kinds still say the same
    }
    await started(r);
    await r.drop.stop();
    expect(r.accepted).toEqual([]);
    expect((await readdir(join(r.dir, 'rejected'))).sort()).toEqual(['d.json', 'l.json', ...(device ? ['n.json'] : [])]);
    const said = r.problems
      .filter((p) => p.code === 'ER_1037')
      .map((p) => p.message.en)
      .join('\n');
    expect(said).toMatch(/d\.json is a directory/);
    expect(said).toMatch(/l\.json is a symbolic link/);
    if (device) expect(said).toMatch(/n\.json is a character device/);
    expect(await readFile(outside, 'utf8')).toBe(event('0xc0040006'));
  });

  it('moves an oversized file aside unread, once: later scans do not read it again', async () => {
    const r = await rig();
    await writeFile(join(r.dir, 'big.json'), `{"source":"atapi","id":"0xc0040006","message":"${'x'.repeat(70 * 1024)}"}`);
    await started(r);
    await r.drop.scan();
    await r.drop.stop();
    expect(r.accepted).toEqual([]);
    expect(r.codes()).toEqual(['ER_1038']);
    expect(r.problems[0]!.message.en).toMatch(/larger than 65536 bytes \(71\d{3} bytes\): it was not read and was moved to rejected\/big\.json/);
    expect(await readdir(join(r.dir, 'rejected'))).toEqual(['big.json']);
  });

  it('leaves a file it cannot move aside in place and does not read it again until it changes', async () => {
    const r = await rig();
    await started(r);
    await rm(join(r.dir, 'rejected'), { recursive: true });
    await writeFile(join(r.dir, 'rejected'), 'not a folder'); // every move into rejected/ now fails
    // written then renamed in, as a writer should: the watcher must not catch the file half written (read twice)
    await writeFile(join(r.dir, 'bad.tmp'), '{"source": ""}');
    await rename(join(r.dir, 'bad.tmp'), join(r.dir, 'bad.json'));
    await r.drop.scan();
    await r.drop.scan();
    await r.drop.scan();
    expect(r.codes()).toEqual(['ER_1039']);
    expect(r.problems[0]!.message.en).toMatch(/bad\.json could not be moved to rejected\/ \(ER_1033: not usable as an event\)/);
    await writeFile(join(r.dir, 'bad.tmp'), '{"source": "", "changed": true}');
    await rename(join(r.dir, 'bad.tmp'), join(r.dir, 'bad.json'));
    await r.drop.scan();
    expect(r.codes()).toEqual(['ER_1039', 'ER_1039']);
    await r.drop.stop();
  });
});

describe('drop folder: rejected files keep unique names', () => {
  it('a second rejected file with the same name does not overwrite the first', async () => {
    const r = await rig();
    await started(r);
    await writeFile(join(r.dir, 'bad.json'), 'first');
    await r.drop.scan();
    await writeFile(join(r.dir, 'bad.json'), 'second');
    await r.drop.scan();
    await writeFile(join(r.dir, 'bad.json'), 'third');
    await r.drop.scan();
    await r.drop.stop();
    const names = (await readdir(join(r.dir, 'rejected'))).sort();
    expect(names).toHaveLength(3);
    expect(names).toContain('bad.json');
    for (const n of names.filter((x) => x !== 'bad.json')) expect(n).toMatch(/^bad-\d{8}T\d{9}Z(-\d+)?\.json$/);
    const contents = await Promise.all(names.map((n) => readFile(join(r.dir, 'rejected', n), 'utf8')));
    expect(contents.sort()).toEqual(['first', 'second', 'third']);
    const moved = r.problems.map((p) => /rejected\/(\S+):/.exec(p.message.en)?.[1]);
    expect(moved.sort()).toEqual(names);
  });

  it('finds and moves a file whose name is not UTF-8, keeping its bytes', async () => {
    const r = await rig();
    const name = Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from('.json')]); // Latin-1 "café"
    await writeFile(Buffer.concat([Buffer.from(`${r.dir}/`), name]), 'not json');
    await started(r);
    await r.drop.stop();
    expect(r.codes()).toEqual(['ER_1033']);
    const left = await readdir(join(r.dir, 'rejected'), { encoding: 'buffer' });
    expect(left).toEqual([name]);
    expect(await readdir(r.dir)).toEqual(['rejected']);
  });
});

describe('service.log: one entry is one line', () => {
  it('a newline (or ESC) in a drop-file name is escaped, so it cannot write a fake line', async () => {
    const base = await tmp();
    const lines: string[] = [];
    const log = new ServiceLog(join(base, 'log'), (l) => lines.push(l));
    const r = await rig((p) => log.problem(p));
    const fake = 'x\n2099-01-01T00:00:00.000Z INFO ER_6010 fake\u001b[31m.json';
    await writeFile(join(r.dir, fake), 'not json');
    await started(r);
    await r.drop.stop();
    await log.flush();
    const text = await readFile(join(base, 'log', 'service.log'), 'utf8');
    expect(text.split('\n').filter(Boolean)).toHaveLength(1);
    expect(text).not.toMatch(/^2099-/m);
    expect(text).toContain('x\\x0a2099-01-01T00:00:00.000Z INFO ER_6010 fake\\x1b[31m.json');
    expect(lines.join('\n')).not.toMatch(/\u001b/); // the echo to the terminal is escaped too
    expect(await readdir(join(r.dir, 'rejected'))).toEqual([fake]);
  });

  it('every kind of entry is escaped by the writer (a delivery entry quoting a peer, an info line)', async () => {
    const base = await tmp();
    const lines: string[] = [];
    const log = new ServiceLog(join(base, 'log'), (l) => lines.push(l));
    log.entry(problemEntry(problem('ER_2008', { peer: 'the center', reply: '500 busy\n2099-01-01T00:00:00.000Z INFO ER_6051 fake' })));
    log.info('one\r\ntwo\u2028three\u202efour');
    await log.flush();
    const text = await readFile(join(base, 'log', 'service.log'), 'utf8');
    expect(text.split('\n').filter(Boolean)).toHaveLength(2);
    expect(text).not.toMatch(/^2099-/m);
    expect(text).toContain('500 busy\\x0a2099-01-01T00:00:00.000Z INFO ER_6051 fake');
    expect(text).toContain('one\\x0d\\x0atwo\\u2028three\\u202efour');
    expect(lines).toHaveLength(2);
  });
});
