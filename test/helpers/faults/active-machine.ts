/**
 * activatedMachine (../service-process.ts) made with the in-process command line (../cli.ts): the same steps (init, key
 * code, URL1, CA, settings, a real テスト通報 and 開局通報 to `url`, the configuration-information marker removed), without
 * a Node start per step, which is most of a fault file's set-up on a loaded machine. What the test does afterwards
 * (events, status) goes through the real `express-report` process, as before.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { activateArgs, pointDestinations } from '../activation.js';
import { cli } from '../cli.js';
import { processCli } from '../process-cli.js';
import { type Machine } from '../service-process.js';

export async function activeMachine(base: string, o: { url: string; caFile: string; settings: string[] }): Promise<Machine> {
  const configDir = join(base, 'config');
  const stateDir = join(base, 'state');
  const ok = async (args: string[]) => {
    const r = await cli(['--config-dir', configDir, '--state-dir', stateDir, ...args]);
    if (r.code !== 0) throw new Error(`express-report ${args.join(' ')} failed: ${r.err.join('\n')}`);
  };
  await ok(['init']);
  await ok(activateArgs('S1'));
  await pointDestinations(configDir, o.url);
  await ok(['config', 'set', 'https.caFile', o.caFile, ...o.settings]);
  await ok(['test-notify', '--result-mail', 'r@example.jp']);
  await ok(['activate-notify']);
  await rm(join(stateDir, 'activation-notified'), { force: true });
  const { argv, run } = processCli(configDir, stateDir);
  return { configDir, stateDir, argv, cli: run };
}
