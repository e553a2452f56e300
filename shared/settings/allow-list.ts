/**
 * relay.allow: the agents whose reports the manager takes, as comma-separated IP addresses or CIDR blocks (empty: any).
 * Parsed here, without Node, so the settings check (ER_3110) and the receiver (service/relay/allow.ts) read it alike.
 */
import { isIPv4, isIPv6 } from './charclass.js';

/** One entry: the address as 16 bytes (IPv4 mapped into IPv6) and how many leading bits must match. */
export interface AllowEntry {
  text: string;
  bytes: Uint8Array;
  bits: number;
}

export type AllowList = { ok: true; entries: AllowEntry[] } | { ok: false; bad: string };

function v4Bytes(v: string): number[] {
  return v.split('.').map(Number);
}

/** An IPv4 or IPv6 address as 16 bytes (IPv4 as ::ffff:a.b.c.d), or undefined. */
export function addressBytes(address: string): Uint8Array | undefined {
  const a = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address.replace(/%.*$/, '');
  if (isIPv4(a)) return Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...v4Bytes(a)]);
  if (!isIPv6(a)) return undefined;
  const halves = a.split('::');
  const groups = (h: string): number[] => {
    if (h === '') return [];
    const out: number[] = [];
    for (const g of h.split(':')) {
      if (g.includes('.')) {
        const b = v4Bytes(g);
        out.push((b[0]! << 8) | b[1]!, (b[2]! << 8) | b[3]!);
      } else out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  const all = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  return Uint8Array.from(all.flatMap((g) => [g >> 8, g & 0xff]));
}

const isV4Mapped = (b: Uint8Array): boolean => b.slice(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff;

function entryOf(text: string): AllowEntry | undefined {
  const slash = text.indexOf('/');
  const addr = slash < 0 ? text : text.slice(0, slash);
  const bytes = addressBytes(addr);
  if (!bytes) return undefined;
  const v4 = isIPv4(addr);
  const max = v4 ? 32 : 128;
  if (slash < 0) return { text, bytes, bits: 128 };
  const n = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(n) || Number(n) > max) return undefined;
  return { text, bytes, bits: Number(n) + (v4 ? 96 : 0) };
}

/** The entries of relay.allow, or the first one that is neither an address nor a CIDR block. */
export function parseAllowList(value: string): AllowList {
  const entries: AllowEntry[] = [];
  for (const raw of value.split(',')) {
    const t = raw.trim();
    if (t === '') continue;
    const e = entryOf(t);
    if (!e) return { ok: false, bad: t };
    entries.push(e);
  }
  return { ok: true, entries };
}

/** Whether an address (as a socket gives it: `::ffff:10.0.0.1` for IPv4 on a dual-stack listener) is allowed. */
export function allows(entries: readonly AllowEntry[], address: string): boolean {
  if (entries.length === 0) return true;
  const b = addressBytes(address);
  if (!b) return false;
  return entries.some((e) => {
    // An IPv4 rule matches an IPv4 peer however the socket spells it; v4-mapped bytes make the two forms one.
    if (e.bits > 96 && isV4Mapped(e.bytes) !== isV4Mapped(b)) return false;
    for (let bit = 0; bit < e.bits; bit++) {
      const i = bit >> 3;
      const m = 0x80 >> (bit & 7);
      if ((e.bytes[i]! & m) !== (b[i]! & m)) return false;
    }
    return true;
  });
}
