/**
 * Log commands run for real (fixture shell scripts copied into a temp folder): no shell, Directory as the working
 * folder, one TimeOut for all, the whole process tree ended when it passes.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTools, type ToolCommand } from '../../service/collect/run-tools.js';
import { tempDirs } from '../helpers/tmp.js';
import { installScript, running } from '../helpers/collect.js';

const tmp = tempDirs();

async function tool(script: string, section = 'Tool001'): Promise<ToolCommand> {
  const dir = join(await tmp(), section);
  await mkdir(dir);
  return { section, command: await installScript(script, dir), directory: dir };
}

const pidIn = async (dir: string, name: string): Promise<number> => Number((await readFile(join(dir, name), 'utf8')).trim());
const codes = (notes: Array<{ code: string }>) => notes.map((n) => n.code);

describe('runTools', () => {
  it('runs the command in its Directory, without arguments, and notes its exit', async () => {
    const t = await tool('write-log.sh');
    const notes = await runTools([t], { timeoutSeconds: 60 });
    expect(codes(notes)).toEqual(['ER_6303']);
    expect(notes[0]!.message.en).toMatch(new RegExp(`^The log command ${t.command} \\(\\[Tool001\\]\\) finished \\(exit code 0, [\\d.]+ s\\)\\.$`));
    expect(await readFile(join(t.directory, 'out', 'collected.log'), 'utf8')).toBe(`collected in ${t.directory}\n`);
  });

  it("notes a failing command's exit code and the end of its stderr, and runs the next one", async () => {
    const fail = await tool('fail.sh', 'Tool001');
    const ok = await tool('write-log.sh', 'Tool002');
    const notes = await runTools([fail, ok], { timeoutSeconds: 60 });
    expect(codes(notes)).toEqual(['ER_6304', 'ER_6303']);
    expect(notes[0]!.message.en).toContain('exited with code 3');
    expect(notes[0]!.message.en).toContain('stderr: disk /dev/sdz not found');
  });

  it('a command that cannot start is noted and the others still run', async () => {
    const d = await tmp();
    const ok = await tool('write-log.sh', 'Tool002');
    const notes = await runTools([{ section: 'Tool001', command: join(d, 'missing.sh'), directory: d }, ok], { timeoutSeconds: 60 });
    expect(codes(notes)).toEqual(['ER_1300', 'ER_6303']);
    expect(notes[0]!.message.en).toContain('ENOENT');
  });

  it('at TimeOut ends the command and the child it started (both ignore SIGTERM), and starts no further command', async () => {
    const hang = await tool('hang.sh', 'Tool001');
    const after = await tool('write-log.sh', 'Tool002');
    const notes = await runTools([hang, after], { timeoutSeconds: 1, killGraceMs: 300 });
    expect(codes(notes)).toEqual(['ER_6306', 'ER_6307']);
    expect(notes[0]!.message.ja).toContain('TimeOut=1 秒');
    const leader = await pidIn(hang.directory, 'leader.pid');
    const child = await pidIn(hang.directory, 'child.pid');
    expect(running(leader)).toBe(false);
    expect(running(child)).toBe(false);
    await expect(readFile(join(after.directory, 'out', 'collected.log'))).rejects.toThrow(/ENOENT/);
  });

  it('TimeOut covers all commands together, not each one', async () => {
    const first = await tool('slow.sh', 'Tool001');
    const second = await tool('slow.sh', 'Tool002');
    // Each takes 2 s: alone each is within 3 s, together they are not.
    const notes = await runTools([first, second], { timeoutSeconds: 3, killGraceMs: 300 });
    expect(codes(notes)).toEqual(['ER_6303', 'ER_6306']);
    expect(await readFile(join(first.directory, 'slow.done'), 'utf8')).toBe('done\n');
  });

  it("when the service stops, the running command's tree is ended and the rest is not started", async () => {
    const hang = await tool('hang.sh', 'Tool001');
    const after = await tool('write-log.sh', 'Tool002');
    const stop = new AbortController();
    const done = runTools([hang, after], { timeoutSeconds: 0, signal: stop.signal, killGraceMs: 300 });
    // Stop once the command has started its child.
    while (!(await readFile(join(hang.directory, 'leader.pid'), 'utf8').catch(() => '')).trim()) await new Promise((r) => setTimeout(r, 20));
    stop.abort();
    const notes = await done;
    expect(codes(notes)).toEqual(['ER_6308', 'ER_6308']);
    expect(running(await pidIn(hang.directory, 'leader.pid'))).toBe(false);
    expect(running(await pidIn(hang.directory, 'child.pid'))).toBe(false);
  });
});
