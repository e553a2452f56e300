/**
 * A prepared folder used as the README says, on a "server" (a fresh config folder): `import`, then with the service
 * running `test-notify` and `activate-notify`, both delivered to a real HTTPS receiver on 127.0.0.1. The base is an
 * export, and the center's destinations come from the distributor's folder (EXPRESS_REPORT_CENTER_DIR) at build time.
 */
import { describe, it, expect } from 'vitest';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { tempDirs } from '../helpers/tmp.js';
import { processCli } from '../helpers/process-cli.js';
import { startCenter, startService } from '../helpers/service-process.js';
import { ConfigStore } from '../../shared/node/config-store.js';
import { slotOf } from '../../shared/fleet/schedule-slot.js';

const tmp = tempDirs();
const ROOT = new URL('../..', import.meta.url).pathname;

describe('a fleet-built folder on a fresh server', () => {
  it('is imported, tested and activated, the test notification reaching the center', async () => {
    const dir = await tmp();
    const center = await startCenter(dir);
    try {
      const centerDir = join(dir, 'center');
      await mkdir(centerDir);
      await writeFile(join(centerDir, 'AMHTPADR.INF'), `[URL1]\r\nURL= ${center.receiver.url}\r\n`);
      await copyFile(join(ROOT, 'resources', 'center-mail.ini'), join(centerDir, 'center-mail.ini'));
      const env = { EXPRESS_REPORT_CENTER_DIR: centerDir };

      // The laptop: a base folder with what every server shares, exported; the CSV of two servers.
      const laptop = ['--config-dir', join(dir, 'base'), '--state-dir', join(dir, 'base-state')];
      expect((await cli([...laptop, 'init'])).code).toBe(0);
      expect((await cli([...laptop, 'config', 'set', 'https.caFile', center.caFile, 'suppression.use', 'off'])).code).toBe(0);
      expect((await cli([...laptop, 'export', '--out', join(dir, 'base.zip'), '--personal', 'include'])).code).toBe(0);
      const csv = join(dir, 'servers.csv');
      const header = 'server_name,device_code,serial,warranty,activation,reply_mail';
      await writeFile(csv, `${header}\nWEB01,N8100-2810,F0001,1,keycode:01239,r@example.jp\nWEB02,N8100-2810,F0002,2,keycode:01239,r@example.jp\n`);
      const out = join(dir, 'out');
      const built = await cli(['fleet', 'build', csv, '--base', join(dir, 'base.zip'), '--out', out], { env });
      expect(built.code, built.err.join('\n')).toBe(0);

      // The server: its own folders; the three commands of the README.
      const server = { configDir: join(dir, 'server', 'config'), stateDir: join(dir, 'server', 'state') };
      const { argv, run } = processCli(server.configDir, server.stateDir);
      expect((await run(['init'])).code).toBe(0);
      const imported = await run(['import', join(out, 'F0002', 'express-report-settings.zip')]);
      expect(imported.code, imported.err).toBe(0);
      const settings = (await ConfigStore.open(server.configDir)).config;
      expect(settings.settings['activation.state']).toBe('configured');
      expect(settings.settings['machine.serialNumber']).toBe('F0002');
      expect(settings.settings['machine.serverName']).toBe('WEB02');
      expect(settings.inf.adr?.url1).toBe(center.receiver.url);
      expect(settings.inf.hbi?.schedule).toEqual(slotOf('F0002'));

      const service = await startService({ argv, stateDir: server.stateDir });
      try {
        const test = await run(['test-notify', '--result-mail', 'r@example.jp']);
        expect(test.code, test.err).toBe(0);
        const activate = await run(['activate-notify']);
        expect(activate.code, activate.err).toBe(0);
      } finally {
        await service.stop();
      }
      expect(center.receiver.received).toHaveLength(2);
      expect(JSON.stringify(center.receiver.received[0]!.report)).toContain('F0002');
      expect((await ConfigStore.open(server.configDir)).config.settings['activation.state']).toBe('active');
    } finally {
      await center.receiver.close();
    }
  });
});
