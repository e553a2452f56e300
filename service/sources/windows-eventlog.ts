/**
 * Windows Event Log: the parser of `wevtutil qe <log> /f:RenderedXml` output (a run of <Event> elements, with no root
 * unless /e:Events is given), used by the Windows source described in docs/event-sources.md (not started on Linux).
 * The event's full 32-bit id is Qualifiers << 16 | EventID, as the classic ReadEventLog API reports it: atapi's
 * EventID 6 with Qualifiers 49156 (0xC004) is 0xC0040006, the form AMHTPLOG.INF and the monitored events use.
 * An event without Qualifiers (a manifest-based provider) has only its EventID, as that API reports it too.
 * XML by saxes (strict, streaming; the parser jsdom uses), in fragment mode for the missing root.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { MAX_MESSAGE, type IncomingEvent } from './event-source.js';

export interface WindowsEvent {
  event: IncomingEvent;
  /** 1 critical, 2 error, 3 warning, 4 information, 5 verbose; 0 when not given. */
  level: number;
  /** The bookmark of a query that continues after this event (`*[System[EventRecordID>N]]`). */
  recordId?: number;
  channel?: string;
}

export interface ParsedEvents {
  events: WindowsEvent[];
  /** What could not be read, one line each (an event with an error inside is left out whole). */
  errors: string[];
}

export function fullEventId(qualifiers: number, eventId: number): number {
  return (((qualifiers & 0xffff) << 16) | (eventId & 0xffff)) >>> 0;
}

interface Building {
  provider?: string;
  eventId?: string;
  qualifiers?: string;
  level?: string;
  time?: string;
  recordId?: string;
  channel?: string;
  message?: string;
  data: string[];
  broken: boolean;
}

type TextField = 'eventId' | 'level' | 'recordId' | 'channel' | 'message';
/** The text-bearing elements, by their parent: the same local name means different things in System and RenderingInfo. */
const TEXT_OF: Readonly<Record<string, TextField>> = {
  'System/EventID': 'eventId',
  'System/Level': 'level',
  'System/EventRecordID': 'recordId',
  'System/Channel': 'channel',
  'RenderingInfo/Message': 'message',
};

function finish(b: Building, errors: string[]): WindowsEvent | undefined {
  const id = b.eventId?.trim();
  const q = b.qualifiers?.trim();
  if (!b.provider || !id || !/^\d+$/.test(id) || (q !== undefined && !/^\d+$/.test(q))) {
    errors.push(`an event without a provider name or a numeric EventID (provider ${b.provider ?? '?'}, EventID ${id ?? '?'})`);
    return undefined;
  }
  const time = b.time ? new Date(b.time) : undefined;
  const text = (b.message ?? b.data.join(' ')).trim();
  const level = Number(b.level?.trim());
  const recordId = Number(b.recordId?.trim());
  return {
    event: {
      source: b.provider,
      id: fullEventId(q === undefined ? 0 : Number(q), Number(id)),
      message: text.length > MAX_MESSAGE ? text.slice(0, MAX_MESSAGE) : text,
      ...(time && !Number.isNaN(time.getTime()) ? { time: time.toISOString() } : {}),
    },
    level: Number.isInteger(level) ? level : 0,
    ...(Number.isInteger(recordId) && b.recordId ? { recordId } : {}),
    ...(b.channel?.trim() ? { channel: b.channel.trim() } : {}),
  };
}

/** The events of `wevtutil qe ... /f:RenderedXml` output, in document order. */
export function parseRenderedXml(xml: string): ParsedEvents {
  const events: WindowsEvent[] = [];
  const errors: string[] = [];
  const parser = new SaxesParser({ fragment: true, xmlns: false } as const);
  const path: string[] = [];
  let cur: Building | undefined;
  let field: TextField | 'data' | undefined;
  let text = '';

  parser.on('error', (e) => {
    errors.push(e.message);
    if (cur) cur.broken = true;
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const parent = path[path.length - 1];
    path.push(tag.name);
    if (tag.name === 'Event') {
      cur = { data: [], broken: false };
      return;
    }
    if (!cur) return;
    const a = tag.attributes;
    if (parent === 'System' && tag.name === 'Provider') cur.provider = a.EventSourceName || a.Name;
    if (parent === 'System' && tag.name === 'TimeCreated') cur.time = a.SystemTime;
    if (parent === 'System' && tag.name === 'EventID' && a.Qualifiers !== undefined) cur.qualifiers = a.Qualifiers;
    field = parent === 'EventData' && tag.name === 'Data' ? 'data' : TEXT_OF[`${parent}/${tag.name}`];
    text = '';
  });
  parser.on('text', (t) => {
    if (field) text += t;
  });
  parser.on('cdata', (t) => {
    if (field) text += t;
  });
  parser.on('closetag', (tag) => {
    path.pop();
    if (tag.name === 'Event' && cur) {
      const done = cur.broken ? undefined : finish(cur, errors);
      if (done) events.push(done);
      cur = undefined;
    } else if (cur && field) {
      if (field === 'data') cur.data.push(text);
      else cur[field] = text;
    }
    field = undefined;
  });
  // Fragment mode takes no XML declaration (wevtutil prints none; a saved file may have one), nor a byte-order mark.
  parser.write(xml.replace(/^\uFEFF/, '').replace(/^\s*<\?xml[^>]*\?>/, '')).close();
  return { events, errors };
}
