/**
 * Key spellings repeat across sections (SourceName01..99 in each of 999 tools): one shared string for each, and its
 * lower-case form computed once, save memory and garbage collection. Bounded, as file contents are arbitrary.
 */
const KEY_CACHE_MAX = 4096;
const keyIntern = new Map<string, string>();
const lowerCache = new Map<string, string>();

export function internKey(key: string): string {
  const known = keyIntern.get(key);
  if (known !== undefined) return known;
  if (keyIntern.size < KEY_CACHE_MAX) keyIntern.set(key, key);
  return key;
}

/** `key.toLowerCase()`, remembered for the spellings files repeat. */
export function lowerKey(key: string): string {
  const known = lowerCache.get(key);
  if (known !== undefined) return known;
  const lower = key.toLowerCase();
  if (lowerCache.size < KEY_CACHE_MAX) lowerCache.set(key, lower);
  return lower;
}
