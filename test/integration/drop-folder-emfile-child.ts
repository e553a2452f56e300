/**
 * A drop folder in a process of its own, for drop-folder-emfile.test.ts: on "hog" it takes every free file descriptor
 * (as a flood of connections or a busy collection would), on "free" it gives them back, on "stop" it stops. What the
 * drop folder does is printed one line at a time: ACCEPTED <id>, PROBLEM <code> <message>.
 */
import { closeSync, openSync } from 'node:fs';
import { DropFolder } from '../../service/sources/drop-folder.js';

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const drop = new DropFolder(
  process.argv[2]!,
  async (e) => out(`ACCEPTED ${e.id.toString(16)}`),
  (p) => out(`PROBLEM ${p.code} ${p.message.en}`),
  { retryMs: { first: 200, max: 1_000 } },
);
await drop.start();
out('READY');

const held: number[] = [];
let pending = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (d: string) => {
  pending += d;
  for (let i = pending.indexOf('\n'); i >= 0; i = pending.indexOf('\n')) {
    const cmd = pending.slice(0, i);
    pending = pending.slice(i + 1);
    if (cmd === 'hog') {
      try {
        for (;;) held.push(openSync('/dev/null', 'r'));
      } catch (e) {
        out(`HOGGED ${held.length} ${(e as NodeJS.ErrnoException).code}`);
      }
    } else if (cmd === 'free') {
      held.splice(0).forEach((fd) => closeSync(fd));
      out('FREED');
    } else if (cmd === 'stop') {
      void drop.stop().then(() => process.exit(0));
    }
  }
});
