/**
 * The window's ファイル menu: export, import (preview, then OK), and エクスポートを開く (a read-only view of an export).
 * The same functions as the command line's (shared/node/transfer/: buildExport, runImport), on this host's folders and
 * its core (the write queue, the save, the event log).
 */
import { basename, resolve } from 'node:path';
import {
  type ExportRequest,
  type Exported,
  type FileRef,
  type ImportApplied,
  type ImportPreview,
  type ImportRequest,
  type ViewOpened,
} from '../../host/api.js';
import { message, problem, type Problem } from '../../messages/problem.js';
import { CodedError, codedError } from '../coded-error.js';
import { writeFileAtomic } from '../atomic-write.js';
import { buildExport, TRANSFER_WORDS } from '../transfer/export.js';
import { readSource, runImport, type ExportSource, type ImportRun } from '../transfer/import-run.js';
import { MIN_PASSPHRASE } from '../../transfer/format.js';
import { type HostCore } from './host-core.js';
import { ExportViews, ViewHost } from './view-host.js';

const sourceOf = (f: FileRef): ExportSource =>
  'path' in f ? { path: f.path } : { name: f.name, bytes: new Uint8Array(Buffer.from(f.contentBase64, 'base64')) };

/** A coded failure of the host's own code comes back as problems (the window shows them by field); others are bugs. */
async function coded<T>(fn: () => Promise<T>, refused: (ps: Problem[]) => T): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof CodedError) return refused([e.problem]);
    throw e;
  }
}

/** The file's name for a download: the server name and the day, nothing a file system would refuse. */
export function exportFileName(serverName: string, at: Date): string {
  const safe = serverName.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^\.+/, '') || 'settings';
  return `express-report-${safe}-${at.toISOString().slice(0, 10).replaceAll('-', '')}.zip`;
}

export class TransferOps {
  readonly views = new ExportViews();

  constructor(private readonly core: HostCore) {}

  exportSettings(req: ExportRequest): Promise<Exported> {
    return coded<Exported>(
      async () => {
        if (req.scope === 'transfer' && [...(req.passphrase ?? '')].length < MIN_PASSPHRASE) {
          return { ok: false, problems: [problem('ER_3528', {}, { field: 'passphrase' })] };
        }
        const o = this.core.opts;
        const now = new Date();
        const built = await buildExport(
          { configDir: o.configDir, stateDir: o.stateDir, version: o.version },
          { scope: req.scope, personal: req.personal, now, ...(req.scope === 'transfer' ? { passphrase: req.passphrase! } : {}) },
        );
        const snap = await this.core.snapshot();
        const name = exportFileName(snap.settings['machine.serverName'], now);
        const path = req.path === undefined ? undefined : resolve(req.path);
        if (path) await writeFileAtomic(path, built.bytes, { mode: 0o600 });
        const done = message('ER_6800', { path: path ?? name, scope: TRANSFER_WORDS[req.scope], entries: built.entries });
        await this.core.log.add('info', done, 'ER_6800');
        const size = built.bytes.length;
        return path
          ? { ok: true, name: basename(path), size, path, omitted: built.omitted }
          : { ok: true, name, size, contentBase64: built.bytes.toString('base64'), omitted: built.omitted };
      },
      (problems) => ({ ok: false, problems }),
    );
  }

  private run(req: ImportRequest, preview: boolean) {
    const o: ImportRun = {
      preview,
      otherMachine: req.otherMachine === true,
      ...(req.only ? { groups: req.only } : {}),
      ...(req.passphrase !== undefined && req.passphrase !== '' ? { passphrase: req.passphrase } : {}),
    };
    return runImport({ configDir: this.core.opts.configDir, core: () => Promise.resolve(this.core) }, sourceOf(req.file), o);
  }

  previewImport(req: ImportRequest): Promise<ImportPreview> {
    if (req.only?.length === 0) return Promise.resolve({ ok: false, rows: [], problems: [problem('ER_3531', {}, { field: 'only' })] });
    return coded<ImportPreview>(
      async () => {
        const r = await this.run(req, true);
        return r.ok ? { ok: true, rows: r.rows, count: r.count, notes: r.notes, activates: r.activates } : { ok: false, rows: r.rows, problems: r.problems };
      },
      (problems) => ({ ok: false, rows: [], problems }),
    );
  }

  applyImport(req: ImportRequest): Promise<ImportApplied> {
    if (req.only?.length === 0) return Promise.resolve({ ok: false, problems: [problem('ER_3531', {}, { field: 'only' })] });
    return coded<ImportApplied>(
      async () => {
        const r = await this.run(req, false);
        if (!r.ok) return { ok: false, problems: r.problems };
        const notes = r.activates && r.applied ? [problem('ER_6808', {}, { severity: 'warning' })] : [];
        return { ok: true, count: r.applied ? r.count : 0, snapshot: await this.core.snapshot(), warnings: [...notes, ...r.warnings] };
      },
      (problems) => ({ ok: false, problems }),
    );
  }

  /** The export checked as an import checks it (no passphrase: secrets are only set / not set), kept in memory. */
  openView(req: { file: FileRef }): Promise<ViewOpened> {
    return coded<ViewOpened>(
      async () => {
        const source = sourceOf(req.file);
        const view = await viewOf(source, () => this.core.resources());
        return { ok: true, view: this.views.add(view), banner: view.banner };
      },
      (problems) => ({ ok: false, problems }),
    );
  }
}

/** A ViewHost over an export file (`serve --view FILE` and エクスポートを開く). */
export async function viewOf(source: ExportSource, resources: ViewHost['resources']): Promise<ViewHost> {
  const file = 'path' in source ? basename(source.path) : basename(source.name);
  const read = await readSource(source, undefined, false).catch((e: unknown) => {
    if (e instanceof CodedError) throw e;
    throw codedError('ER_1120', { file, reason: e instanceof Error ? e.message : String(e) });
  });
  const m = read.contents.manifest;
  const banner = { file, serverName: m.identity.serverName, createdAt: m.createdAt, scope: m.scope };
  return new ViewHost(read.contents, read.problems, banner, resources);
}
