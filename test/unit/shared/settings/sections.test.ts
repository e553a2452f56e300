/**
 * The settings codec writes sections in the order of their definitions: a section whose keys are split by another
 * section's would be written twice ([Https] ... [HttpsManager] ... [Https]), and the file read back is refused (ER_4019).
 */
import { describe, expect, it } from 'vitest';
import { defsOfFile, SETTINGS_FILES } from '../../../../shared/settings/schema.js';
import { encodeSettingsFile } from '../../../../shared/settings/codec.js';
import { defaultSettings } from '../../../../shared/settings/schema.js';

describe('each settings file keeps a section in one piece', () => {
  for (const file of SETTINGS_FILES) {
    it(file, () => {
      const seen: string[] = [];
      for (const d of defsOfFile(file)) {
        if (seen.at(-1) === d.section) continue;
        expect(seen, `[${d.section}] comes back after [${seen.at(-1)}]`).not.toContain(d.section);
        seen.push(d.section);
      }
      const text = encodeSettingsFile(file, defaultSettings()).toString();
      const headers = text.match(/^\[[^\]]+\]/gm) ?? [];
      expect(new Set(headers).size).toBe(headers.length);
    });
  }
});
