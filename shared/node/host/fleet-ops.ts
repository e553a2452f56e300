/**
 * The window's ファイル → 一括準備 (docs/fleet.md): the same check and build as `fleet check` / `fleet build`
 * (shared/node/fleet/), on what the page sent. The base is this machine's config folder or an export; the build
 * writes under a folder of this machine (the one serve or the desktop app runs on), never a download.
 */
import { resolve } from 'node:path';
import { type FileRef, type FleetBuilt, type FleetChecked, type FleetRow, type FleetWindowRequest } from '../../host/api.js';
import { problem, isError, type Problem } from '../../messages/problem.js';
import { text } from '../../messages/text.js';
import { scheduleText, type RowResult } from '../../fleet/result.js';
import { readFileBounded } from '../bounded-read.js';
import { CodedError } from '../coded-error.js';
import { MAX_CSV_BYTES } from '../fleet/csv.js';
import { prepareFleetCheck } from '../fleet/prepare.js';
import { buildFleet } from '../fleet/build.js';
import { type ExportBytes } from '../fleet/base.js';
import { LIMITS } from '../../transfer/format.js';
import { type HostCore } from './host-core.js';

const bytesOf = (b64: string): Uint8Array => new Uint8Array(Buffer.from(b64, 'base64'));

async function fileOf(ref: FileRef, limit: number): Promise<ExportBytes> {
  if (!('path' in ref)) return { name: ref.name, bytes: bytesOf(ref.contentBase64) };
  const bytes = await readFileBounded(ref.path, limit);
  if (!bytes) throw new CodedError(problem('ER_1001', { path: ref.path, reason: text('ファイルがありません', 'no such file') }));
  return { name: ref.path, bytes };
}

const rowOf = (r: RowResult): FleetRow => ({
  line: r.line,
  serial: r.serial,
  serverName: r.serverName,
  folder: r.folder,
  status: r.status,
  problems: r.problems,
  ...(r.schedule ? { schedule: { ja: scheduleText(r.schedule, 'ja'), en: scheduleText(r.schedule, 'en') } } : {}),
});

export class FleetOps {
  constructor(private readonly core: HostCore) {}

  private async prepare(req: FleetWindowRequest) {
    const o = this.core.opts;
    const csv = await fileOf(req.csv, MAX_CSV_BYTES + 1);
    const base = 'current' in req.base ? o.configDir : await fileOf(req.base.file, LIMITS.archiveBytes);
    const keys =
      req.keys === undefined || 'files' in req.keys
        ? { files: new Map((req.keys?.files ?? []).map((f) => [f.name, bytesOf(f.contentBase64)])) }
        : { dir: resolve(req.keys.dir) };
    return prepareFleetCheck({
      csv,
      base,
      keys,
      ...(req.out !== undefined ? { out: resolve(req.out) } : {}),
      resourcesDir: o.resourcesDir,
      env: o.env ?? process.env,
    });
  }

  async check(req: FleetWindowRequest): Promise<FleetChecked> {
    try {
      const { check } = await this.prepare(req);
      return { ok: true, rows: check.rows.map(rowOf), counts: check.counts, problems: check.file, notes: check.notes };
    } catch (e) {
      if (e instanceof CodedError) return { ok: false, problems: [e.problem] };
      throw e;
    }
  }

  async build(req: FleetWindowRequest & { out: string }): Promise<FleetBuilt> {
    try {
      const { check, base } = await this.prepare(req);
      const refused: Problem[] = check.file.filter(isError);
      if (refused.length > 0) return { ok: false, problems: [...refused, problem('ER_6825')] };
      const built = await buildFleet(check, base, { out: resolve(req.out), version: this.core.opts.version, lang: 'ja' });
      return {
        ok: true,
        written: built.written,
        skipped: built.skipped,
        resultCsv: built.csv,
        rows: check.rows.map(rowOf),
        counts: check.counts,
        notes: check.notes,
      };
    } catch (e) {
      if (e instanceof CodedError) return { ok: false, problems: [e.problem] };
      throw e;
    }
  }
}
