/**
 * Issue 2: parse and validate an AMHTPLOG.INF with 999 tools of 99 rules each; time per parse and the ratio to merely
 * reading the file (same process, same file, same run).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { IniDocument } from '../shared/ini/document.js';
import { decodeInf } from '../shared/inf/files.js';
import { decodeText } from '../shared/node/encoding.js';
import { bigLogInf, fmt, time } from './lib.js';

export async function run(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'er-bench-'));
  try {
    const path = join(dir, 'AMHTPLOG.INF');
    for (const encoding of ['utf-8', 'cp932'] as const) {
      const text = bigLogInf();
      await writeFile(path, encoding === 'cp932' ? iconv.encode(text, 'cp932') : text);
      let problems = -1;
      let tools = 0;
      const read = await time(() => readFile(path));
      const full = await time(
        async () => {
          const d = decodeInf('log', IniDocument.parse(decodeText(await readFile(path)).text), path);
          problems = d.problems.length;
          tools = d.model.tools.length;
        },
        9,
        2,
      );
      const bytes = (await readFile(path)).length;
      console.log(`inf-parse [${encoding}] AMHTPLOG.INF ${tools} tools x 99 rules, ${(bytes / 1e6).toFixed(1)} MB, ${problems} problems`);
      console.log(`  read only            median ${fmt(read.medianMs)} (min ${fmt(read.minMs)})`);
      console.log(
        `  read+decode+parse+validate median ${fmt(full.medianMs)} (min ${fmt(full.minMs)})  = ${(full.medianMs / read.medianMs).toFixed(1)}x reading`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
