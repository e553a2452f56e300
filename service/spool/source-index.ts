/**
 * Per event source: its reports' ids in every folder, those being accepted included, so suppression looks a source's
 * reports up instead of scanning the spool.
 */
import { type Report } from '../../shared/report/model.js';

export class SourceIndex {
  private readonly bySource = new Map<string, Set<string>>();

  add(r: Report): void {
    const source = r.event?.source;
    if (source === undefined) return;
    let ids = this.bySource.get(source);
    if (!ids) this.bySource.set(source, (ids = new Set()));
    ids.add(r.id);
  }

  delete(r: Report): void {
    const source = r.event?.source;
    const ids = source === undefined ? undefined : this.bySource.get(source);
    ids?.delete(r.id);
    if (ids?.size === 0) this.bySource.delete(source!);
  }

  ids(source: string): Iterable<string> {
    return this.bySource.get(source) ?? [];
  }
}
