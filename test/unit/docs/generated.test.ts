import { describe, it, expect } from 'vitest';
import { readFile } from 'node:fs/promises';
import { configKeysDoc } from '../../../scripts/config-keys-doc.js';
import { messagesDoc } from '../../../scripts/messages-doc.js';
import { settingDefs } from '../../../shared/settings/schema.js';

const doc = (name: string) => readFile(new URL(`../../../docs/${name}`, import.meta.url), 'utf8');

describe('generated documentation is current', () => {
  it('docs/config-keys.md (regenerate: npx tsx scripts/config-keys-doc.ts > docs/config-keys.md)', async () => {
    expect(await doc('config-keys.md')).toBe(configKeysDoc());
  });
  it('docs/messages.md (regenerate: npx tsx scripts/messages-doc.ts > docs/messages.md)', async () => {
    expect(await doc('messages.md')).toBe(messagesDoc());
  });
  it('documents the setting names the issue requires, exactly', async () => {
    const required = ['express.route', 'https.proxy.use', 'https.proxy.host', 'https.proxy.port', 'https.proxy.user', 'https.proxy.password',
      'https.caFile', 'mail.smtp.host', 'mail.smtp.port', 'mail.smtp.security', 'mail.sender', 'mail.to', 'mail.auth.use', 'mail.auth.user',
      'mail.auth.password', 'mail.auth.methods', 'mail.pop.use', 'mail.pop.host', 'mail.pop.port', 'mail.pop.user', 'mail.pop.password',
      'mail.pop.waitMs', 'mail.encoding', 'mail.smime', 'manager.host', 'manager.port', 'schedule.retry.intervalMinutes', 'schedule.retry.limitHours'];
    const keys = settingDefs.map((d) => d.key as string);
    const text = await doc('config-keys.md');
    for (const k of required) {
      expect(keys, k).toContain(k);
      expect(text, k).toContain(`| \`${k}\` |`);
    }
  });
});
