import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HeartbeatScheduler } from '../../service/sources/heartbeat-scheduler.js';
import { type Clock } from '../../service/common/clock.js';
import { tempDirs } from '../helpers/tmp.js';

const tmp = tempDirs();

describe('heartbeat scheduler (real timer)', () => {
  it('a real setTimeout wakes it at the scheduled time and the run is recorded on disk', async () => {
    const dir = await tmp();
    const stateFile = join(dir, 'heartbeat.json');
    // The wall clock seen by the scheduler is shifted to 200 ms before Saturday 10:30 local; the timer is real.
    const offset = new Date(2024, 5, 8, 10, 29, 59, 800).getTime() - Date.now();
    const clock: Clock = {
      now: () => new Date(Date.now() + offset),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    };
    let ran!: (due: Date) => void;
    const done = new Promise<Date>((resolve) => {
      ran = resolve;
    });
    const s = new HeartbeatScheduler({ stateFile, clock, onProblem: () => undefined, run: async (due) => ran(due) });
    await s.start({ type: 'every week', day: 6, hour: 10, minute: 30 });
    try {
      expect(await done).toEqual(new Date(2024, 5, 8, 10, 30));
      await s.settled();
      const saved = JSON.parse(await readFile(stateFile, 'utf8')) as { lastRun: string };
      expect(new Date(saved.lastRun).getTime()).toBeGreaterThanOrEqual(new Date(2024, 5, 8, 10, 30).getTime());
      expect(s.nextDue()).toEqual(new Date(2024, 5, 15, 10, 30));
    } finally {
      await s.stop();
    }
  });
});
