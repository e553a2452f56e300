/**
 * Runs the log commands of the sections that matched, one after the other in the file's order, without a shell: the
 * absolute path is executed with no arguments, Directory as the working folder (the manual forbids arguments and
 * redirection in Command). TimeOut covers all commands together: when it passes, the running command and every process
 * of its group are ended (kill-tree.ts) and the remaining commands are not started. Each outcome is a coded note.
 * A command's stdout is discarded; the end of its stderr goes into the note when it fails.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { problem, type Problem } from '../../shared/messages/problem.js';
import { killTree } from './kill-tree.js';
import { KILL_GRACE_MS } from './limits.js';

export interface ToolCommand {
  /** `Tool003`, `DefaultTools`, `Tools`: named in the notes. */
  section: string;
  /** Absolute path, already checked (trust, Directory). */
  command: string;
  directory: string;
}

export interface RunOptions {
  /** All commands together; 0 = no limit. */
  timeoutSeconds: number;
  /** The service is stopping: end the running command, start no other. */
  signal?: AbortSignal;
  killGraceMs?: number;
  platform?: NodeJS.Platform;
}

const STDERR_TAIL = 1024;
const STDERR_WAIT_MS = 200;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms).unref());

type Ending = 'exit' | 'timeout' | 'abort';

/**
 * Node refuses to run .bat/.cmd without a shell on Windows (CVE-2024-27980); cmd.exe is then asked to run exactly
 * that one quoted path, which is what the original's AMCHTECK did.
 */
function spawnCommand(c: ToolCommand, platform: NodeJS.Platform): ChildProcess {
  const win = platform === 'win32';
  if (win && /\.(bat|cmd)$/i.test(c.command)) {
    return spawn(process.env['ComSpec'] ?? 'cmd.exe', ['/d', '/s', '/c', `"${c.command}"`], {
      cwd: c.directory,
      stdio: ['ignore', 'ignore', 'pipe'],
      windowsHide: true,
      windowsVerbatimArguments: true,
    });
  }
  return spawn(c.command, [], { cwd: c.directory, stdio: ['ignore', 'ignore', 'pipe'], detached: !win, windowsHide: true });
}

async function runOne(c: ToolCommand, deadline: number, o: RunOptions, timeout: number): Promise<Problem> {
  const t0 = performance.now();
  const seconds = (): string => ((performance.now() - t0) / 1000).toFixed(1);
  const named = { command: c.command, section: c.section };
  const child = spawnCommand(c, o.platform ?? process.platform);
  let tail = Buffer.alloc(0);
  child.stderr?.on('data', (chunk: Buffer) => {
    tail = Buffer.concat([tail, chunk]);
    if (tail.length > STDERR_TAIL) tail = tail.subarray(tail.length - STDERR_TAIL);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null } | Error>((done) => {
    child.once('error', done);
    child.once('exit', (code, signal) => done({ code, signal }));
  });
  const state: { ending: Ending } = { ending: 'exit' };
  let killed: Promise<void> | undefined;
  const end = (why: Ending): void => {
    if (state.ending !== 'exit' || child.pid === undefined) return;
    state.ending = why;
    killed = killTree(child.pid, o.killGraceMs ?? KILL_GRACE_MS, o.platform);
  };
  const timer = Number.isFinite(deadline) ? setTimeout(() => end('timeout'), Math.max(0, deadline - Date.now())) : undefined;
  const onAbort = (): void => end('abort');
  o.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const r = await exited;
    // It finished on its own: the deadline must not go off while its last stderr bytes are awaited below.
    clearTimeout(timer);
    await killed;
    // The last stderr bytes can arrive just after 'exit'; a background child holding the pipe is not waited for.
    if (child.stderr && !child.stderr.closed) await Promise.race([once(child.stderr, 'close'), sleep(STDERR_WAIT_MS)]);
    if (r instanceof Error) return problem('ER_1300', { ...named, reason: r.message });
    if (state.ending === 'timeout') return problem('ER_6306', { ...named, timeout });
    if (state.ending === 'abort') return problem('ER_6308', named);
    if (r.signal) return problem('ER_6305', { ...named, signal: r.signal, seconds: seconds() });
    if (r.code === 0) return problem('ER_6303', { ...named, seconds: seconds() });
    const text = tail.toString('utf8').trim();
    return problem('ER_6304', { ...named, code: r.code ?? -1, seconds: seconds(), detail: text === '' ? '' : `stderr: ${text}` });
  } finally {
    clearTimeout(timer);
    o.signal?.removeEventListener('abort', onAbort);
    // A background process may still hold stderr open; we do not wait for it.
    child.stderr?.destroy();
  }
}

/** One note per command, in order. */
export async function runTools(cmds: readonly ToolCommand[], o: RunOptions): Promise<Problem[]> {
  const deadline = o.timeoutSeconds > 0 ? Date.now() + o.timeoutSeconds * 1000 : Infinity;
  const notes: Problem[] = [];
  let late = false;
  for (const c of cmds) {
    const named = { command: c.command, section: c.section };
    if (o.signal?.aborted) notes.push(problem('ER_6308', named));
    else if (late || Date.now() >= deadline) {
      late = true;
      notes.push(problem('ER_6307', { ...named, timeout: o.timeoutSeconds }));
    } else {
      const note = await runOne(c, deadline, o, o.timeoutSeconds);
      late = note.code === 'ER_6306';
      notes.push(note);
    }
  }
  return notes;
}
