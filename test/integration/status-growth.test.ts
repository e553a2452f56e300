/**
 * Issue 16: status of a service whose spool has grown (3,000 waiting, 3,000 sent) answers with the counts, the 500
 * newest waiting reports newest first, and the last delivery, from what the spool keeps (no list or sort of it all).
 * The service runs in this process on a folder made by `init` (not activated, so nothing is sent meanwhile).
 */
import { writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESOURCES_DIR } from '../../service/app-paths.js';
import { ReportingService } from '../../service/daemon/service.js';
import { serializeRecord } from '../../service/spool/record.js';
import { cli } from '../helpers/cli.js';
import { sentRecord, waitingRecord } from '../helpers/spool-records.js';
import { tempDirs } from '../helpers/tmp.js';

const tmp = tempDirs();
const N = 3000;

describe('status of a grown spool', () => {
  it('gives the counts, the 500 newest waiting reports and the last delivery', async () => {
    const base = await tmp();
    const dirs = { configDir: join(base, 'config'), stateDir: join(base, 'state') };
    for (const args of [['init'], ['config', 'set', 'express.route', 'https']]) {
      // a route, else every waiting report is expired at start as unroutable (ER_2107)
      const r = await cli(['--config-dir', dirs.configDir, '--state-dir', dirs.stateDir, ...args]);
      expect(r.code, r.err.join('\n')).toBe(0);
    }
    await mkdir(join(dirs.stateDir, 'spool'), { recursive: true });
    await mkdir(join(dirs.stateDir, 'sent'), { recursive: true });
    // within the retry limit, so none expires at start: waiting since the last hour, sent in the hour before
    const now = Date.now();
    const waiting = Array.from({ length: N }, (_, i) => waitingRecord(i, now - 3_600_000));
    const sent = Array.from({ length: N }, (_, i) => sentRecord(i, now - 7_200_000));
    for (const r of waiting) writeFileSync(join(dirs.stateDir, 'spool', `${r.report.id}.json`), serializeRecord(r));
    for (const r of sent) writeFileSync(join(dirs.stateDir, 'sent', `${r.report.id}.json`), serializeRecord(r));

    const service = await ReportingService.start({ ...dirs, resourcesDir: RESOURCES_DIR, echo: () => undefined, osEvents: false });
    try {
      const s = await service.status();
      expect(s.pending).toBe(N);
      expect(s.expired).toBe(0);
      const listed = s.reports?.filter((r) => r.phase !== 'sent') ?? [];
      expect(listed.map((r) => r.id)).toEqual(
        waiting
          .slice(-500)
          .reverse()
          .map((r) => r.report.id),
      );
      expect(s.lastDelivery?.reportId).toBe(sent.at(-1)!.report.id);
      expect(s.lastFailure).toBeUndefined();
    } finally {
      await service.stop();
    }
  }, 60_000);
});
