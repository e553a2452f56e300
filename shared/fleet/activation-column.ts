/** The activation column: `keycode:NNNNN` or `keyfile:NAME` (a file in the key folder beside the CSV). */
export type ActivationSpec = { method: 'keycode'; keyCode: string } | { method: 'keyfile'; name: string };

export function parseActivation(raw: string): ActivationSpec | undefined {
  const m = /^\s*(keycode|keyfile)\s*:\s*(.*?)\s*$/i.exec(raw);
  if (!m || m[2] === '') return undefined;
  if (m[1]!.toLowerCase() === 'keycode') return { method: 'keycode', keyCode: m[2]! };
  // A name, not a path: the key folder is the only place a key file is taken from.
  if (/[\\/]/.test(m[2]!) || m[2] === '.' || m[2] === '..') return undefined;
  return { method: 'keyfile', name: m[2]! };
}
