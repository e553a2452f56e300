/**
 * The menu bar's keyboard, as on Windows, without React or the DOM (unit-tested on its own):
 * on a menu title (after F10 or Alt): ←/→ move between titles, ↓ / Enter / Space open the menu on its first item, ↑ on its
 * last, Home/End the first/last title, Esc leaves the menu bar, a letter opens the menu with that access key;
 * in an open menu: ↑/↓ move between items (round), Home/End, ←/→ open the neighbouring menu, Esc closes the menu back to
 * its title, Enter/Space choose the item, a letter chooses the item with that access key, Tab leaves the menu bar.
 */
export interface MenuPosition {
  /** The menu title with the keyboard (index into the menus). */
  top: number;
  /** The item with the keyboard in the open menu; undefined when no menu is open. */
  item?: number;
}

export type MenuAction =
  | { kind: 'focus-title'; top: number }
  | { kind: 'open'; top: number; item: number }
  | { kind: 'run'; top: number; item: number }
  | { kind: 'leave' }
  | { kind: 'none' };

export interface MenuShape {
  /** The access key of each menu title. */
  titleKeys: readonly string[];
  /** The access keys of each menu's items. */
  itemKeys: ReadonlyArray<readonly string[]>;
}

const wrap = (i: number, n: number): number => ((i % n) + n) % n;

function byLetter(keys: readonly string[], letter: string): number {
  return keys.findIndex((k) => k.toLowerCase() === letter.toLowerCase());
}

/** What a key does at this position (`letter`: the key as an access-key letter, if it is one). */
export function menuKey(shape: MenuShape, at: MenuPosition, key: string, letter?: string): MenuAction {
  const menus = shape.titleKeys.length;
  if (menus === 0) return { kind: 'none' };
  const items = (top: number): number => shape.itemKeys[top]?.length ?? 0;
  const open = (top: number, last = false): MenuAction => ({ kind: 'open', top, item: last ? Math.max(0, items(top) - 1) : 0 });

  if (at.item === undefined) {
    switch (key) {
      case 'ArrowLeft':
        return { kind: 'focus-title', top: wrap(at.top - 1, menus) };
      case 'ArrowRight':
        return { kind: 'focus-title', top: wrap(at.top + 1, menus) };
      case 'Home':
        return { kind: 'focus-title', top: 0 };
      case 'End':
        return { kind: 'focus-title', top: menus - 1 };
      case 'ArrowDown':
      case 'Enter':
      case ' ':
        return open(at.top);
      case 'ArrowUp':
        return open(at.top, true);
      case 'Escape':
      case 'Tab':
      case 'F10':
      case 'Alt':
        return { kind: 'leave' };
    }
    if (letter) {
      const top = byLetter(shape.titleKeys, letter);
      if (top >= 0) return open(top);
    }
    return { kind: 'none' };
  }

  const n = items(at.top);
  switch (key) {
    case 'ArrowDown':
      return { kind: 'open', top: at.top, item: wrap(at.item + 1, n) };
    case 'ArrowUp':
      return { kind: 'open', top: at.top, item: wrap(at.item - 1, n) };
    case 'Home':
      return { kind: 'open', top: at.top, item: 0 };
    case 'End':
      return { kind: 'open', top: at.top, item: n - 1 };
    case 'ArrowLeft':
      return open(wrap(at.top - 1, menus));
    case 'ArrowRight':
      return open(wrap(at.top + 1, menus));
    case 'Escape':
      return { kind: 'focus-title', top: at.top };
    case 'Enter':
    case ' ':
      return { kind: 'run', top: at.top, item: at.item };
    case 'Tab':
    case 'F10':
    case 'Alt':
      return { kind: 'leave' };
  }
  if (letter) {
    const item = byLetter(shape.itemKeys[at.top] ?? [], letter);
    if (item >= 0) return { kind: 'run', top: at.top, item };
  }
  return { kind: 'none' };
}
