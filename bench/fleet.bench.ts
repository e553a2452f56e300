/**
 * Issue 14: fleet preparation of 100 and 1,000 rows (docs/fleet.md). Each measurement runs in a child process of its
 * own (so its peak memory is its own): `fleet check` (read, merge and validate every row) and `fleet build` (check,
 * then write every folder: config, export, README, and the result CSV), the same functions the command line calls.
 * Printed: seconds, peak resident memory (process.resourceUsage().maxRSS), and the 1,000 / 100 ratios.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { ConfigStore } from '../shared/node/config-store.js';
import { prepareFleetCheck } from '../shared/node/fleet/prepare.js';
import { buildFleet } from '../shared/node/fleet/build.js';
import { RESOURCES_DIR, packageVersion } from '../service/app-paths.js';

const CHILD = 'FLEET_BENCH_CHILD';

interface Figure {
  seconds: number;
  maxRssMiB: number;
  rows: number;
  written: number;
}

function csvOf(rows: number): string {
  const lines = ['server_name,device_code,serial,warranty,activation,reply_mail,comment,https.proxy.host'];
  for (let i = 1; i <= rows; i++) {
    const n = String(i).padStart(5, '0');
    lines.push(`SV${n},N8100-2810,BENCH${n},W${n},keycode:01239,r@example.jp,"rack ${i % 40}, row ${i % 7}",proxy.example.jp`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The child: one check or build, timed from reading the CSV to the last write. */
async function child(o: { mode: 'check' | 'build'; dir: string; base: string }): Promise<void> {
  const t0 = performance.now();
  const csv = join(o.dir, 'servers.csv');
  const out = join(o.dir, 'out');
  const { check, base } = await prepareFleetCheck({
    csv: { name: csv, bytes: await readFile(csv) },
    base: o.base,
    keys: { dir: join(o.dir, 'keys') },
    out,
    resourcesDir: RESOURCES_DIR,
    env: {},
  });
  const written = o.mode === 'build' ? (await buildFleet(check, base, { out, version: packageVersion(), lang: 'en' })).written : 0;
  const figure: Figure = {
    seconds: (performance.now() - t0) / 1000,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    rows: check.rows.length,
    written,
  };
  process.stdout.write(`${JSON.stringify(figure)}\n`);
}

function measure(mode: 'check' | 'build', dir: string, base: string): Promise<Figure> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
      env: { ...process.env, [CHILD]: JSON.stringify({ mode, dir, base }) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let text = '';
    p.stdout.on('data', (c: Buffer) => (text += c.toString()));
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve(JSON.parse(text.trim().split('\n').pop()!) as Figure) : reject(new Error(`child exited ${code}`))));
  });
}

export async function run(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'fleet-bench-'));
  try {
    const base = join(root, 'base');
    await ConfigStore.init(base);
    const figures: Record<string, Figure> = {};
    for (const rows of [100, 1000]) {
      const dir = join(root, `r${rows}`);
      await mkdir(dir);
      await writeFile(join(dir, 'servers.csv'), csvOf(rows));
      for (const mode of ['check', 'build'] as const) {
        const f = await measure(mode, dir, base);
        figures[`${mode} ${rows}`] = f;
        console.log(
          `fleet ${mode} ${rows} rows: ${f.seconds.toFixed(2)} s (${((f.seconds / rows) * 1000).toFixed(1)} ms a row), peak RSS ${f.maxRssMiB.toFixed(0)} MiB${mode === 'build' ? `, ${f.written} folders` : ''}`,
        );
      }
    }
    for (const mode of ['check', 'build']) {
      const a = figures[`${mode} 100`]!;
      const b = figures[`${mode} 1000`]!;
      console.log(`fleet ${mode} 1,000 / 100 rows: time x${(b.seconds / a.seconds).toFixed(1)}, peak RSS x${(b.maxRssMiB / a.maxRssMiB).toFixed(2)}`);
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

if (process.env[CHILD]) await child(JSON.parse(process.env[CHILD]) as { mode: 'check' | 'build'; dir: string; base: string });
else if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
