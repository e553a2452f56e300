/**
 * The configuration information's weekly slot of one server (docs/fleet.md, "Schedule spreading"): a weekday (Monday
 * to Friday) and a minute inside a window (10:00-15:00 by default, as REMCS does), both from a hash of the serial, so
 * a rebuild gives each server the same slot and 1,000 servers spread over the 5 x 300 minutes instead of all calling
 * at once. The result is a concrete `every week` schedule, which the service already understands.
 */
import { type Schedule } from '../inf/hbi.js';

export interface SlotWindow {
  /** Minutes after midnight; start < end. */
  start: number;
  end: number;
}

export const DEFAULT_WINDOW: SlotWindow = { start: 10 * 60, end: 15 * 60 };
const WEEKDAYS = [1, 2, 3, 4, 5] as const;

/** `HH:MM-HH:MM` (the end exclusive), or undefined. */
export function parseWindow(s: string): SlotWindow | undefined {
  const m = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(s.trim());
  if (!m) return undefined;
  const [h1, m1, h2, m2] = m.slice(1).map(Number) as [number, number, number, number];
  if (h1 > 23 || m1 > 59 || h2 > 24 || m2 > 59 || (h2 === 24 && m2 !== 0)) return undefined;
  const w = { start: h1 * 60 + m1, end: h2 * 60 + m2 };
  return w.start < w.end ? w : undefined;
}

/** FNV-1a over the UTF-16 code units, then murmur3's finaliser, so serials that differ in one digit land far apart. */
export function serialHash(serial: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < serial.length; i++) {
    h ^= serial.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function slotOf(serial: string, w: SlotWindow = DEFAULT_WINDOW): Schedule {
  const minutes = w.end - w.start;
  const slot = serialHash(serial) % (WEEKDAYS.length * minutes);
  const at = w.start + (slot % minutes);
  return { type: 'every week', day: WEEKDAYS[Math.floor(slot / minutes)]!, hour: Math.floor(at / 60), minute: at % 60 };
}
