/** What a serial port that will not open means (service/routes/modem/port-errors.ts). */
import { describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { openFailure, uucpLock } from '../../../../../service/routes/modem/port-errors.js';
import { tempDirs } from '../../../../helpers/tmp.js';

describe('serial port failures', () => {
  const tmp = tempDirs();

  it('tells a missing port, a refused permission and a busy port apart (the binding gives strerror text)', () => {
    const f = (m: string, platform: NodeJS.Platform = 'linux') => {
      const r = openFailure('/dev/ttyS0', new Error(m), platform);
      return [r.problem.code, r.retry];
    };
    expect(f('Error: No such file or directory, cannot open /dev/ttyS0')).toEqual(['ER_2254', false]);
    expect(f('Error: Permission denied, cannot open /dev/ttyS0')).toEqual(['ER_2255', false]);
    expect(f('Error Resource temporarily unavailable Cannot lock port')).toEqual(['ER_2256', true]);
    expect(f('Error: Device or resource busy, cannot open /dev/ttyS0')).toEqual(['ER_2256', true]);
    expect(f('Opening COM1: Access denied', 'win32')).toEqual(['ER_2256', true]);
    expect(f('Error: Input/output error, cannot open /dev/ttyS0')).toEqual(['ER_2257', true]);
    expect(openFailure('/dev/ttyS0', new Error('x')).problem.message.en).toContain('/dev/ttyS0');
  });

  it('a UUCP lock file of a live process makes the port busy; a stale one does not', async () => {
    const dir = await tmp();
    expect(await uucpLock('/dev/ttyS0', [dir])).toBeUndefined();
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      await writeFile(join(dir, 'LCK..ttyS0'), `${String(child.pid).padStart(10)}\n`);
      const busy = await uucpLock('/dev/ttyS0', [dir]);
      expect([busy?.problem.code, busy?.retry]).toEqual(['ER_2256', true]);
      expect(busy?.problem.message.en).toContain(`pid ${child.pid}`);
    } finally {
      child.kill();
      await new Promise((r) => child.once('exit', r));
    }
    expect(await uucpLock('/dev/ttyS0', [dir])).toBeUndefined();
  });
});
