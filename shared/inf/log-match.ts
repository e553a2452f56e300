/**
 * Which AMHTPLOG.INF sections collect logs for an event (the original product manual's appendix 定義ファイル;
 * docs/design.md section 8.5, docs/log-collection.md):
 *  - every [ToolYYY] with a SourceNameXX / EventIDXX pair that names the event runs, whatever [NoneTrouble] says;
 *  - an event no [ToolYYY] names uses [DefaultTools], unless a [NoneTrouble] pair names it
 *    ("[NoneTrouble] で * を定義した場合でも、[ToolYYY] に記述のあるイベントは [ToolYYY] のログを採取");
 *  - [DefaultTools] without a Command means only [ToolYYY] events collect logs (its LogFile alone collects nothing).
 * A pair names an event when its source is `*` or equals the event's source (case-insensitive, as Windows event
 * sources are) and its EventID list is `*` or holds the event's full 32-bit id.
 */
import { type EventMatch } from './event-keys.js';
import { type LogModel, type Tool, type ToolPaths } from './log.js';

export interface EventRef {
  source: string;
  /** The full 32-bit id; negative numbers (a signed read) are taken as their unsigned value. */
  id: number;
}

export type LogPlan = { via: 'tools'; tools: readonly Tool[] } | { via: 'default'; tool: ToolPaths } | { via: 'none'; why: 'none-trouble' | 'no-default' };

const ANY = '*';
const sourceKey = (source: string): string => {
  const s = source.trim();
  return s === ANY ? ANY : s.toLowerCase();
};

/** The plain rule for one pair; the index below must agree with it (a property test checks). */
export function pairNames(m: EventMatch, ev: EventRef): boolean {
  const src = sourceKey(m.source);
  if (src !== ANY && src !== sourceKey(ev.source)) return false;
  return m.ids === ANY || m.ids.includes(ev.id >>> 0);
}

/** Per source: owners naming every id, and owners by id. */
interface BySource {
  anyId: number[];
  byId: Map<number, number[]>;
}

/**
 * Pairs of many owners (tool positions), looked up by source then id: an event costs two Map hits per source key
 * (its own and `*`) plus the owners it finds, not a scan of 999 tools x 99 pairs.
 */
class PairIndex {
  private readonly sources = new Map<string, BySource>();

  add(owner: number, m: EventMatch): void {
    const key = sourceKey(m.source);
    let s = this.sources.get(key);
    if (!s) this.sources.set(key, (s = { anyId: [], byId: new Map() }));
    if (m.ids === ANY) {
      s.anyId.push(owner);
      return;
    }
    for (const id of m.ids) {
      const list = s.byId.get(id >>> 0);
      if (list) list.push(owner);
      else s.byId.set(id >>> 0, [owner]);
    }
  }

  /** Owners naming the event, each once, in ascending order. */
  owners(ev: EventRef): number[] {
    const id = ev.id >>> 0;
    const found: number[] = [];
    const own = sourceKey(ev.source);
    for (const key of own === ANY ? [ANY] : [own, ANY]) {
      const s = this.sources.get(key);
      if (!s) continue;
      found.push(...s.anyId);
      const list = s.byId.get(id);
      if (list) found.push(...list);
    }
    if (found.length < 2) return found;
    found.sort((a, b) => a - b);
    return found.filter((o, i) => i === 0 || o !== found[i - 1]);
  }

  any(ev: EventRef): boolean {
    return this.owners(ev).length > 0;
  }
}

/** The index of one model, built once; the model must not change afterwards (parse a new one instead). */
export class LogMatcher {
  private readonly tools = new PairIndex();
  private readonly none = new PairIndex();

  constructor(private readonly model: LogModel) {
    model.tools.forEach((t, i) => t.matches.forEach((m) => this.tools.add(i, m)));
    model.noneTrouble.forEach((m) => this.none.add(0, m));
  }

  /** The [ToolYYY] sections naming the event, in the file's order. */
  toolsFor(ev: EventRef): Tool[] {
    return this.tools.owners(ev).map((i) => this.model.tools[i]!);
  }

  isNoneTrouble(ev: EventRef): boolean {
    return this.none.any(ev);
  }

  plan(ev: EventRef): LogPlan {
    const tools = this.toolsFor(ev);
    if (tools.length > 0) return { via: 'tools', tools };
    if (this.isNoneTrouble(ev)) return { via: 'none', why: 'none-trouble' };
    if (this.model.defaultTools.command.trim() === '') return { via: 'none', why: 'no-default' };
    return { via: 'default', tool: this.model.defaultTools };
  }
}

const matchers = new WeakMap<LogModel, LogMatcher>();

/** The plan for an event, with the model's index built on first use and kept while the model lives. */
export function planFor(model: LogModel, ev: EventRef): LogPlan {
  let m = matchers.get(model);
  if (!m) matchers.set(model, (m = new LogMatcher(model)));
  return m.plan(ev);
}
