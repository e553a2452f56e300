/** Peers the tests start as their own processes: ready when they listen, stopped with SIGTERM. */
import { type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';

/** Waits until the process listens on 127.0.0.1:port (or says why not). */
export function waitForPort(name: string, port: number, child: ChildProcess, ms: number): Promise<void> {
  const end = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const attempt = (): void => {
      if (child.exitCode !== null) return reject(new Error(`${name} exited with status ${child.exitCode}`));
      const s = connect({ host: '127.0.0.1', port });
      s.once('connect', () => {
        s.destroy();
        resolve();
      });
      s.once('error', () => {
        s.destroy();
        if (Date.now() > end) reject(new Error(`${name} did not listen on ${port} within ${ms} ms`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

/** SIGTERM, and wait for the exit (nothing to do when it has already ended). */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
