/**
 * Issue 2 / 16: parse and validate an AMHTPLOG.INF with 999 tools of 99 rules each, and a common small one (3 tools of
 * 2 rules); time per parse and the ratio to merely reading the file (same process, same file, same run). The baseline
 * is the median of many readFileSync calls of the file already in the page cache, so one slow read does not move it.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { IniDocument } from '../shared/ini/document.js';
import { decodeInf } from '../shared/inf/files.js';
import { decodeText } from '../shared/node/encoding.js';
import { bigLogInf, cpuTime, fmt, time, type BenchFigure, type BenchResult } from './lib.js';

/** The common case: a few tools of a few rules, as a real site writes them. */
function smallLogInf(): string {
  const lines = ['; 小さな AMHTPLOG.INF', '[Configuration]', 'TimeOut=600', 'MaxSize=0', '[DefaultTools]', 'Command="c:\\ESM\\tools\\default.bat"'];
  lines.push('LogFile="c:\\ESM\\logs"', 'Directory="c:\\ESM\\tools"', '[NoneTrouble]', 'SourceName01=Service Control Manager', 'EventID01=0x40001b58');
  for (let t = 1; t <= 3; t++) {
    lines.push(`[Tool00${t}]`, `SourceName01=source${t}`, `EventID01=0xc000${t}000,0x8000${t}001`, 'SourceName02=*', `EventID02=0x0000000${t}`);
    lines.push(`Command="c:\\ESM\\tools\\tool${t}.bat"`, `LogFile="c:\\ESM\\logs\\tool${t}"`, 'Directory="c:\\ESM\\tools"');
  }
  return lines.join('\r\n') + '\r\n';
}

const CASES = [
  { name: 'big', text: bigLogInf, rules: 99, runs: 9, warmup: 2, reads: 51, goal: 'ratio ≤ 10' },
  { name: 'small', text: smallLogInf, rules: 2, runs: 2001, warmup: 200, reads: 2001, goal: undefined },
] as const;

export async function run(): Promise<BenchResult> {
  const figures: BenchFigure[] = [];
  const dir = await mkdtemp(join(tmpdir(), 'er-bench-'));
  try {
    const path = join(dir, 'AMHTPLOG.INF');
    for (const c of CASES)
      for (const encoding of ['utf-8', 'cp932'] as const) {
        const text = c.text();
        await writeFile(path, encoding === 'cp932' ? iconv.encode(text, 'cp932') : text);
        let problems = -1;
        let tools = 0;
        const all = (): void => {
          const d = decodeInf('log', IniDocument.parse(decodeText(readFileSync(path)).text), path);
          problems = d.problems.length;
          tools = d.model.tools.length;
        };
        const read = await time(() => readFileSync(path), c.reads, c.warmup);
        const full = await time(all, c.runs, c.warmup);
        const readCpu = await cpuTime(() => readFileSync(path), c.reads, c.warmup);
        const fullCpu = await cpuTime(all, c.runs, c.warmup);
        const bytes = readFileSync(path).length;
        const size = bytes >= 1e5 ? `${(bytes / 1e6).toFixed(1)} MB` : `${bytes} B`;
        console.log(`inf-parse [${encoding}] ${c.name} AMHTPLOG.INF ${tools} tools x ${c.rules} rules, ${size}, ${problems} problems`);
        console.log(`  read only (readFileSync, ${read.runs} runs) median ${fmt(read.medianMs)} (min ${fmt(read.minMs)})`);
        console.log(
          `  read+decode+parse+validate median ${fmt(full.medianMs)} (min ${fmt(full.minMs)})  = ${(full.medianMs / read.medianMs).toFixed(1)}x reading`,
        );
        console.log(
          `  CPU time: read ${fmt(readCpu.medianMs)}, read+decode+parse+validate ${fmt(fullCpu.medianMs)} (min ${fmt(fullCpu.minMs)})  = ${(fullCpu.medianMs / readCpu.medianMs).toFixed(1)}x`,
        );
        const goal = c.goal ? { goal: c.goal } : {};
        const name = `${c.name} AMHTPLOG.INF ${encoding} read+parse+validate`;
        figures.push({ name, value: full.medianMs, unit: 'ms', baseline: read.medianMs, ...goal });
        figures.push({ name: `${name} (CPU time)`, value: fullCpu.medianMs, unit: 'ms', baseline: readCpu.medianMs, ...goal });
      }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return { figures };
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
