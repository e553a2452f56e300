/**
 * An object made in a hook (beforeAll), read through so a test file can name it at its top: its fields and methods
 * (bound to it) are the current one's; a field set on it is set on the current one. Before the hook ran it says so.
 */
export function readThrough<T extends object>(get: () => T | undefined, what: string): T {
  const it = (): T => {
    const v = get();
    if (v === undefined) throw new Error(`no ${what} yet: it starts in the file's hooks`);
    return v;
  };
  return new Proxy({} as T, {
    get: (_, key) => {
      const v = Reflect.get(it(), key) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(it()) : v;
    },
    set: (_, key, value) => Reflect.set(it(), key, value),
  });
}
