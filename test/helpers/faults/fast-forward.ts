/**
 * Time that passes faster for the service than for the test: the service runs under Debian's libfaketime with BOTH its
 * clocks faked (wall and monotonic, the offset read from a file at every call), so moving the offset forward is, for the
 * service, that much time having passed: a retry interval elapses, its timers come due, no clock step is seen (both
 * clocks move together). The test's own clock and the command line stay real. A fault test uses it to reach the retry
 * after a failure in seconds instead of the minimum interval's minute.
 */
import { existsSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Debian's libfaketime (package libfaketime), wherever the architecture puts it. */
export function libfaketime(): string {
  const found = readdirSync('/usr/lib')
    .map((d) => join('/usr/lib', d, 'faketime', 'libfaketime.so.1'))
    .find((p) => existsSync(p));
  if (!found) throw new Error('libfaketime is not installed (apt-get install libfaketime; scripts/system-packages.sh does)');
  return found;
}

export interface FastForward {
  /** The environment to start the service with. */
  env: NodeJS.ProcessEnv;
  /** Moves the service's clocks `seconds` further ahead (cumulative), then pokes the service. */
  forward(seconds: number): Promise<void>;
}

/**
 * `poke` wakes the service after a step (a status request): its event loop notices the new time only when something
 * happens. That first request may be cut by the local API's request timeout (it meets the jump: Node reads the
 * loop's cached time), so its failure is ignored; a real monotonic clock never jumps like this.
 */
export async function fastForward(dir: string, poke: () => Promise<unknown>): Promise<FastForward> {
  const file = join(dir, 'faketime-offset');
  let ahead = 0;
  await writeFile(file, '+0\n');
  return {
    env: { LD_PRELOAD: libfaketime(), FAKETIME_TIMESTAMP_FILE: file, FAKETIME_NO_CACHE: '1', DONT_FAKE_MONOTONIC: '0' },
    forward: async (seconds) => {
      ahead += seconds;
      await writeFile(file, `+${ahead}\n`);
      await poke().catch(() => undefined);
    },
  };
}
