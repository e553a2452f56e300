import { describe, it, expect } from 'vitest';
import { buildSummaryHtml } from '../../../../shared/transfer/summary-html.js';
import { type SummaryInput } from '../../../../shared/transfer/summary.js';
import { defaultSettings } from '../../../../shared/settings/schema.js';
import { problem } from '../../../../shared/messages/problem.js';

const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)>&'`;

function input(): SummaryInput {
  const settings = { ...defaultSettings(), 'machine.serverName': HOSTILE, 'https.proxy.host': 'proxy.example.jp', 'https.proxy.password': 'sealed:v1:abc' };
  return {
    manifest: {
      productVersion: '1.2.3',
      createdAt: '2026-12-03T08:00:00.000Z',
      identity: { serverName: HOSTILE, deviceCode: 'N8100-1234', serialNumber: '00000001' },
      state: 'active',
      scope: 'support',
      personal: 'omit',
    },
    settings,
    optionDevices: [{ name: `<b>disk</b>`, deviceCode: 'N8103-1', serialNumber: 'A1' }],
    omitted: new Set(['customer.name']),
    problems: [problem('ER_1004', { count: `<i>1</i>` })],
    queue: { pending: 2, expired: 1, lastFailure: { at: '2026-12-03T07:00:00Z', code: 'ER_2002', message: { ja: '失敗<x>', en: 'failed<x>' } } },
  };
}

describe('summary.html', () => {
  const html = buildSummaryHtml(input());

  it('has no script and no markup from the export: a hostile server name, device name, problem and queue text are escaped', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img|<b>|<i>|<x>/);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&amp;&#39;');
    expect(html).toContain('&lt;b&gt;disk&lt;/b&gt;');
    expect(html).toContain('失敗&lt;x&gt;');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
  });

  it('names secrets only as set, personal data left out as such, marks non-defaults, in Japanese then English', () => {
    expect(html).not.toContain('sealed:v1:abc');
    expect(html).toMatch(/<td class="key">https\.proxy\.password<\/td><td>\(設定済み\)<\/td>/);
    expect(html).toMatch(/<td class="key">https\.proxy\.password<\/td><td>\(set\)<\/td>/);
    expect(html).toMatch(/<tr><td><\/td><td>[^<]+<\/td><td class="key">customer\.name<\/td><td>\(個人情報のため含めていません\)<\/td><\/tr>/);
    expect(html).toMatch(/<tr class="changed"><td>\*<\/td><td>[^<]+<\/td><td class="key">https\.proxy\.host<\/td><td>proxy\.example\.jp<\/td><\/tr>/);
    expect(html).toMatch(/<tr><td><\/td><td>[^<]+<\/td><td class="key">https\.proxy\.port<\/td>/);
    expect(html.indexOf('<section lang="ja">')).toBeLessThan(html.indexOf('<section lang="en">'));
    expect(html).toContain('ER_1004');
    expect(html).toContain('送信待ち: 2');
    expect(html).toContain('waiting: 2');
  });
});
