// @vitest-environment jsdom
/**
 * The keyboard's rules on their own (renderer/components/menu-keys.ts, keyboard.ts): the menu bar's moves, the access
 * keys of the menus, where Enter has a meaning of its own, the first editable field. The window itself: keyboard.test.tsx.
 */
import { describe, expect, it } from 'vitest';
import { windowMenus } from '../../../renderer/components/MenuBar.js';
import { menuKey, type MenuShape } from '../../../renderer/components/menu-keys.js';
import { accessKeyOf, enterPressesDefault, firstEditable, labelWithKey } from '../../../renderer/components/keyboard.js';

describe('menu bar keys (menu-keys.ts)', () => {
  const shape: MenuShape = { titleKeys: ['F', 'S', 'T', 'H'], itemKeys: [['X'], ['B', 'L'], ['E', 'Q', 'S'], ['A', 'L']] };
  it('moves between titles and items, round, and opens, runs and leaves as on Windows', () => {
    expect(menuKey(shape, { top: 0 }, 'ArrowLeft')).toEqual({ kind: 'focus-title', top: 3 });
    expect(menuKey(shape, { top: 3 }, 'ArrowRight')).toEqual({ kind: 'focus-title', top: 0 });
    expect(menuKey(shape, { top: 2 }, 'Home')).toEqual({ kind: 'focus-title', top: 0 });
    expect(menuKey(shape, { top: 0 }, 'End')).toEqual({ kind: 'focus-title', top: 3 });
    expect(menuKey(shape, { top: 2 }, 'ArrowDown')).toEqual({ kind: 'open', top: 2, item: 0 });
    expect(menuKey(shape, { top: 2 }, 'ArrowUp')).toEqual({ kind: 'open', top: 2, item: 2 });
    expect(menuKey(shape, { top: 2 }, 'Enter')).toEqual({ kind: 'open', top: 2, item: 0 });
    expect(menuKey(shape, { top: 0 }, 'x', 't')).toEqual({ kind: 'open', top: 2, item: 0 });
    expect(menuKey(shape, { top: 0 }, 'Escape')).toEqual({ kind: 'leave' });
    expect(menuKey(shape, { top: 2, item: 2 }, 'ArrowDown')).toEqual({ kind: 'open', top: 2, item: 0 });
    expect(menuKey(shape, { top: 2, item: 0 }, 'ArrowUp')).toEqual({ kind: 'open', top: 2, item: 2 });
    expect(menuKey(shape, { top: 2, item: 1 }, 'End')).toEqual({ kind: 'open', top: 2, item: 2 });
    expect(menuKey(shape, { top: 2, item: 1 }, 'Home')).toEqual({ kind: 'open', top: 2, item: 0 });
    expect(menuKey(shape, { top: 2, item: 1 }, 'ArrowRight')).toEqual({ kind: 'open', top: 3, item: 0 });
    expect(menuKey(shape, { top: 0, item: 0 }, 'ArrowLeft')).toEqual({ kind: 'open', top: 3, item: 0 });
    expect(menuKey(shape, { top: 2, item: 1 }, 'Escape')).toEqual({ kind: 'focus-title', top: 2 });
    expect(menuKey(shape, { top: 2, item: 1 }, 'Enter')).toEqual({ kind: 'run', top: 2, item: 1 });
    expect(menuKey(shape, { top: 2, item: 0 }, 's', 's')).toEqual({ kind: 'run', top: 2, item: 2 });
    expect(menuKey(shape, { top: 2, item: 0 }, 'z', 'z')).toEqual({ kind: 'none' });
    expect(menuKey(shape, { top: 2, item: 0 }, 'Tab')).toEqual({ kind: 'leave' });
  });

  it('gives every title and every item an access key of its own within its menu', () => {
    for (const lang of ['ja', 'en'] as const) {
      const menus = windowMenus(
        lang,
        () => undefined,
        () => undefined,
        () => undefined,
      );
      expect(new Set(menus.map((m) => m.key)).size).toBe(menus.length);
      for (const m of menus) {
        expect(m.items.every((i) => /^[A-Z0-9]$/.test(i.key))).toBe(true);
        expect(new Set(m.items.map((i) => i.key)).size).toBe(m.items.length);
      }
    }
  });
});

describe('keyboard helpers', () => {
  it('read and print access keys as the manual does', () => {
    expect(accessKeyOf('次へ(N) >')).toBe('N');
    expect(accessKeyOf('テスト(1次)(T)')).toBe('T');
    expect(accessKeyOf('エクスプレス通報サービス(HTTPS)')).toBeUndefined();
    expect(labelWithKey('装置コード', 'P')).toBe('装置コード(P)');
    expect(labelWithKey('お客様名称(カナ)', 'M')).toBe('お客様名称(カナ) (M)');
  });

  it('know where Enter has a meaning of its own and which field is editable first', () => {
    document.body.innerHTML = '<textarea></textarea><button>x</button><input type="text"><select></select><div role="menuitem"></div>';
    const [area, btn, input, select, item] = [...document.body.children] as HTMLElement[];
    expect([area, btn, input, select, item].map((e) => enterPressesDefault(e!))).toEqual([false, false, true, true, false]);
    document.body.innerHTML = '<input readonly><input disabled><input type="radio" name="r"><input type="radio" name="r" checked><input type="text">';
    expect(firstEditable(document.body)).toBe(document.body.children[3]);
  });
});
