/**
 * Issue 6: log collection streams into the upload. N MB of logs (COLLECT_BENCH_MB, default 1024; text-like and some
 * random) are zipped by zipLogs into a counting sink (no disk), then by Info-ZIP `zip -r -q -` into a counting sink on
 * the same files. Printed: throughput of each and the ratio, archive sizes, peak extra disk during our run (free space
 * by statfs, and the temp folder's size), peak resident memory of our run, and the per-event matching cost with
 * 999 tools x 99 rules. The generated files are removed afterwards.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, statfs, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { IniDocument } from '../shared/ini/document.js';
import { decodeLog } from '../shared/inf/log.js';
import { LogMatcher, type EventRef } from '../shared/inf/log-match.js';
import { zipLogs } from '../service/collect/zip-stream.js';
import { bigLogInf } from './lib.js';

const MiB = 1024 * 1024;

/** Syslog-like lines: compress the way real logs do (several times, not absurdly). */
function textBlock(seed: number, bytes: number): Buffer {
  const services = ['kernel', 'sshd', 'systemd', 'CRON', 'esmcmd', 'amvmain', 'disk', 'atapi'];
  const words = ['started', 'stopped', 'error', 'warning', 'retry', 'device', 'sector', 'timeout', 'link up', 'link down', 'temperature', 'fan'];
  const lines: string[] = [];
  let size = 0;
  let x = seed * 2654435761;
  const rnd = (): number => (x = (x * 1103515245 + 12345) >>> 0) >>> 8;
  for (let i = 0; size < bytes; i++) {
    const t = new Date(Date.UTC(2025, 0, 1) + i * 137).toISOString();
    const line = `${t} host${rnd() % 4} ${services[rnd() % services.length]}[${1000 + (rnd() % 9000)}]: ${words[rnd() % words.length]} ${words[rnd() % words.length]} id=0x${rnd().toString(16).padStart(8, '0')} n=${rnd() % 100000}\n`;
    lines.push(line);
    size += line.length;
  }
  return Buffer.from(lines.join(''), 'utf8').subarray(0, bytes);
}

/** N MB: big text logs, some random (core dumps, compressed rotations) and a folder of many small files. */
async function generate(root: string, totalMB: number): Promise<number> {
  const block = textBlock(1, 4 * MiB);
  let written = 0;
  const small = join(root, 'var', 'log', 'many');
  await mkdir(small, { recursive: true });
  const smallCount = Math.min(2000, Math.floor((totalMB * MiB * 0.05) / (16 * 1024)));
  for (let i = 0; i < smallCount; i++) {
    await writeFile(join(small, `s${i}.log`), textBlock(i + 7, 16 * 1024));
    written += 16 * 1024;
  }
  const randomTotal = Math.floor(totalMB * MiB * 0.15);
  for (let i = 0; written < smallCount * 16 * 1024 + randomTotal; i++) {
    const n = Math.min(8 * MiB, smallCount * 16 * 1024 + randomTotal - written);
    await writeFile(join(root, 'var', 'log', `core.${i}`), randomBytes(n));
    written += n;
  }
  const text = join(root, 'var', 'log', 'text', 'ログ');
  await mkdir(text, { recursive: true });
  for (let i = 0; written < totalMB * MiB; i++) {
    const n = Math.min(64 * MiB, totalMB * MiB - written);
    const parts: Buffer[] = [];
    for (let left = n; left > 0; left -= block.length) parts.push(left >= block.length ? block : block.subarray(0, left));
    await writeFile(join(text, `messages.${i}`), Buffer.concat([Buffer.from(`file ${i}\n`), ...parts]).subarray(0, n));
    written += n;
  }
  return written;
}

function countingSink(): { sink: Writable; bytes: () => number } {
  let n = 0;
  return {
    sink: new Writable({
      write(chunk: Buffer, _e, done) {
        n += chunk.length;
        done();
      },
    }),
    bytes: () => n,
  };
}

async function freeBytes(path: string): Promise<number> {
  const s = await statfs(path);
  return s.bavail * s.bsize;
}

function du(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const p = spawn('du', ['-sb', path], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('error', reject);
    p.on('exit', () => resolve(Number(out.split('\t')[0])));
  });
}

async function runOurs(root: string): Promise<{ ms: number; bytes: number; peakRss: number; baseRss: number; peakDisk: number }> {
  const free0 = await freeBytes(root);
  const baseRss = process.memoryUsage().rss;
  let peakRss = baseRss;
  let minFree = free0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    void freeBytes(root).then((f) => (minFree = Math.min(minFree, f)));
  }, 50);
  const { sink, bytes } = countingSink();
  const t0 = performance.now();
  await pipeline(zipLogs([join(root, 'var')], 4 * 1024 * MiB), sink);
  const ms = performance.now() - t0;
  clearInterval(sampler);
  return { ms, bytes: bytes(), peakRss, baseRss, peakDisk: Math.max(0, free0 - minFree) };
}

async function runInfoZip(root: string): Promise<{ ms: number; bytes: number }> {
  const { sink, bytes } = countingSink();
  const t0 = performance.now();
  const zip = spawn('zip', ['-r', '-q', '-', 'var'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((r) => zip.on('exit', r));
  await pipeline(zip.stdout as Readable, sink);
  const code = await exited;
  if (code !== 0) throw new Error(`zip exited with ${code}`);
  return { ms: performance.now() - t0, bytes: bytes() };
}

function matching(): void {
  const model = decodeLog(IniDocument.parse(bigLogInf('/opt/esm', '/')), 'AMHTPLOG.INF').model;
  const t0 = performance.now();
  const matcher = new LogMatcher(model);
  const buildMs = performance.now() - t0;
  // A third hit a tool, a third name a known source with an unknown id, a third an unknown source.
  const events: EventRef[] = [];
  for (let i = 0; i < 3000; i++) {
    const t = 1 + (i % 999);
    if (i % 3 === 0) events.push({ source: `SOURCE${t % 50}`, id: t * 100 + 1 + (i % 99) });
    else if (i % 3 === 1) events.push({ source: `source${t % 50}`, id: 0x7fff0000 + i });
    else events.push({ source: `other${i}`, id: t * 100 + 1 });
  }
  let hits = 0;
  for (const e of events) if (matcher.plan(e).via === 'tools') hits++;
  const rounds = 300;
  const t1 = performance.now();
  for (let r = 0; r < rounds; r++) for (const e of events) matcher.plan(e);
  const ns = ((performance.now() - t1) * 1e6) / (rounds * events.length);
  console.log(
    `collect matching, 999 tools x 99 rules (${model.tools.reduce((n, t) => n + t.matches.length, 0)} pairs): index built in ${buildMs.toFixed(1)} ms; ${ns.toFixed(0)} ns per event (${hits}/${events.length} events hit a tool)`,
  );
}

export async function run(opts: { megabytes?: number } = {}): Promise<void> {
  matching();
  const mb = opts.megabytes ?? 1024;
  const root = await mkdtemp(join(tmpdir(), 'er-bench-collect-'));
  try {
    const total = await generate(root, mb);
    const duBefore = await du(root);
    const ours = await runOurs(root);
    const duAfter = await du(root);
    const info = await runInfoZip(root);
    const rate = (ms: number) => total / MiB / (ms / 1000);
    console.log(`collect zip of ${(total / MiB).toFixed(0)} MiB of logs (${mb} MB asked; text, random and 2000 small files):`);
    console.log(
      `  zipLogs (yazl, deflate 6): ${rate(ours.ms).toFixed(1)} MiB/s, ${(ours.ms / 1000).toFixed(1)} s, archive ${(ours.bytes / MiB).toFixed(1)} MiB`,
    );
    console.log(
      `  Info-ZIP zip -r -q -:      ${rate(info.ms).toFixed(1)} MiB/s, ${(info.ms / 1000).toFixed(1)} s, archive ${(info.bytes / MiB).toFixed(1)} MiB`,
    );
    console.log(`  throughput ratio zipLogs / Info-ZIP: ${(rate(ours.ms) / rate(info.ms)).toFixed(2)}`);
    console.log(
      `  our run: peak extra disk ${(ours.peakDisk / MiB).toFixed(1)} MiB by statfs (whole file system, other writers included), temp folder ${duBefore} -> ${duAfter} bytes; resident memory ${(ours.baseRss / MiB).toFixed(0)} MiB before, peak ${(ours.peakRss / MiB).toFixed(0)} MiB (+${((ours.peakRss - ours.baseRss) / MiB).toFixed(0)} MiB)`,
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run({ megabytes: Number(process.env.COLLECT_BENCH_MB ?? 1024) });
