/**
 * Every parser fuzzed (issue 17): each target with a bounded number of inputs, seeded so CI is repeatable (FUZZ_SEED
 * overrides; fast-check prints the seed and the shrunk input of a failure), then the memory property on huge inputs.
 * `npm run fuzz` runs the same targets with 100,000 inputs each (scripts/fuzz.ts).
 */
import { describe, expect, it } from 'vitest';
import { IniDocument } from '../../shared/ini/document.js';
import { decodeInf } from '../../shared/inf/files.js';
import { decodeText } from '../../shared/node/encoding.js';
import { readFleetCsv, MAX_CSV_BYTES } from '../../shared/node/fleet/csv.js';
import { readZip } from '../../shared/node/transfer/zip.js';
import { parseJournalLine } from '../../service/sources/journal-entry.js';
import { fuzz } from './harness.js';
import { retained } from './memory.js';
import { TARGETS } from './targets/index.js';
import { hugeIni } from './targets/ini.js';
import { lyingCopy, zipOf } from './targets/export-zip.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
/** Inputs per target in CI: together about 12 s on the 2-core machine under load (the slow ones go through files or HTTP). */
const CI_RUNS: Record<string, number> = {
  ini: 600,
  'inf-adr': 300,
  'inf-log': 200,
  'inf-hbi': 300,
  'settings-activation': 150,
  'settings-routes': 150,
  'settings-schedule': 300,
  keyfile: 200,
  'extension-key': 200,
  'spool-record': 1000,
  'syslog-line': 2000,
  'journal-json': 2000,
  'drop-event': 80,
  'local-api-event': 150,
  'host-api': 1000,
  frame: 2000,
  'relay-stream': 2000,
  'modem-answer': 2000,
  'smtp-reply': 100,
  'pop3-reply': 60,
  'fleet-csv': 300,
  'export-zip': 300,
  'config-folder': 120,
  'backup-archive': 150,
};

describe('fuzzing every parser (bounded; npm run fuzz for 100,000 each)', () => {
  it('every target has a CI budget', () => {
    expect(TARGETS.map((t) => t.name).filter((n) => !(n in CI_RUNS))).toEqual([]);
  });

  for (const t of TARGETS) {
    it(`${t.name}: ${CI_RUNS[t.name]} inputs, ${t.properties.length} properties`, async () => {
      const f = await fuzz(t, CI_RUNS[t.name] ?? 100, SEED);
      expect(f.inputs).toBe(CI_RUNS[t.name] ?? 100);
    }, 60_000);
  }
});

const MB = 1024 * 1024;

describe('memory stays bounded on huge input (retained heap, measured after garbage collection)', () => {
  it('the INI document of a 50 MB file holds at most 4 times its size', async () => {
    const b = hugeIni('50MB');
    const g = await retained(b, b.length, (x) => IniDocument.parse(decodeText(x).text));
    console.log(`ini 50 MB: ${(g.grewBytes / MB).toFixed(1)} MB retained (${g.ratio}x)`);
    expect(g.grewBytes).toBeLessThan(4 * b.length);
  }, 60_000);

  it('AMHTPLOG.INF with 100,000 sections (each an unknown-section problem) is decoded within 16 times its size', async () => {
    const b = hugeIni('100k-sections');
    const g = await retained(b, b.length, (x) => decodeInf('log', IniDocument.parse(decodeText(x).text), 'WebReprt/AMHTPLOG.INF'));
    console.log(`inf-log 100k sections: ${(g.grewBytes / MB).toFixed(1)} MB retained (${g.ratio}x)`);
    expect(g.grewBytes).toBeLessThan(16 * b.length);
  }, 60_000);

  it('a journal line of 20 MB holds no more than its message', async () => {
    const line = JSON.stringify({ MESSAGE: 'x'.repeat(20 * MB), SYSLOG_IDENTIFIER: 'big' });
    const g = await retained(line, line.length, (x) => parseJournalLine(x));
    expect(g.grewBytes).toBeLessThan(2 * line.length);
  }, 60_000);

  it('a fleet CSV over its limit is refused before it is parsed', async () => {
    const b = Buffer.alloc(MAX_CSV_BYTES + 1, 'a,b\n');
    const g = await retained(b, b.length, (x) => readFleetCsv(x, 'big.csv'));
    expect(readFleetCsv(b, 'big.csv').problems.map((p) => p.code)).toEqual(['ER_3603']);
    expect(g.grewBytes).toBeLessThan(MB);
  });

  it('a zip bomb (64 MB of zeros in one entry) is refused within 8 MB, whether its sizes are true or lie', async () => {
    const honest = await zipOf([{ name: 'WebReprt/AMHTPLOG.INF', data: Buffer.alloc(64 * MB) }]);
    for (const lie of [undefined, 100]) {
      const bomb = lie === undefined ? honest : lyingCopy(honest, lie);
      const g = await retained(bomb, bomb.length, (x) => readZip(x, 'bomb.zip'));
      expect(String(g.result)).toMatch(lie === undefined ? /ER_3515/ : /ER_3510/);
      console.log(`zip bomb (${lie === undefined ? 'true sizes' : 'lying sizes'}): ${bomb.length} bytes, ${(g.grewBytes / MB).toFixed(1)} MB retained`);
      expect(g.grewBytes).toBeLessThan(8 * MB);
    }
  }, 60_000);
});
