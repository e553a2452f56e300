/** Reading the archives back with independent tools (python3 zipfile, Info-ZIP unzip), and installing fixture scripts. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chmod, copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

const PY = `
import json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
bad = z.testzip()
if bad is not None: sys.exit('bad CRC: ' + bad)
z.extractall(sys.argv[2])
print(json.dumps([i.filename for i in z.infolist()]))
`;

/**
 * The archive's entry names (as python3's zipfile reads them, UTF-8 flag honoured), after checking every CRC and
 * extracting it into `into`; Info-ZIP `unzip -t` must accept it too.
 */
export async function unzipped(zip: Buffer, into: string): Promise<string[]> {
  await mkdir(into, { recursive: true });
  const file = join(into, '..', `${Date.now()}-${Math.random().toString(36).slice(2)}.zip`);
  await writeFile(file, zip);
  await run('unzip', ['-tq', file]);
  const { stdout } = await run('python3', ['-c', PY, file, into]);
  return JSON.parse(stdout) as string[];
}

/** A script of test/fixtures/collect copied into `dir`, executable (0755); its path. */
export async function installScript(name: string, dir: string, mode = 0o755): Promise<string> {
  const to = join(dir, name);
  await copyFile(fileURLToPath(new URL(`../fixtures/collect/${name}`, import.meta.url)), to);
  await chmod(to, mode);
  return to;
}

/** Whether a process is still running (a zombie waiting for its parent to reap it does not count). */
export function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // /proc/<pid>/stat: "pid (comm) S ..."; Z = exited, not yet reaped (PID 1 of a container may never reap orphans).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}
