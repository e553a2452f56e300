import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { fullEventId, parseRenderedXml } from '../../../../service/sources/windows-eventlog.js';

const fixture = (name: string) => readFile(new URL(`../../../fixtures/sources/${name}`, import.meta.url), 'utf8');

describe('wevtutil qe /f:RenderedXml output', () => {
  it('the full 32-bit id is Qualifiers << 16 | EventID', () => {
    expect(fullEventId(49156, 6)).toBe(0xc0040006);
    expect(fullEventId(0x8000, 0xa05)).toBe(0x80000a05);
    expect(fullEventId(0, 41)).toBe(41);
  });

  it('turns each <Event> into {source, id, time, message}, with its level, record id and channel', async () => {
    const { events, errors } = parseRenderedXml(await fixture('wevtutil-system.xml'));
    expect(errors).toEqual([]);
    expect(events).toEqual([
      {
        event: {
          source: 'atapi',
          id: 0xc0040006,
          time: '2024-11-25T05:03:20.123Z',
          message: 'ドライバーは、コントローラー \\Device\\Ide\\IdePort0 でエラーを検出しました。',
        },
        level: 2,
        recordId: 81234,
        channel: 'System',
      },
      {
        event: {
          source: 'disk',
          id: 0x80040033,
          time: '2024-11-25T05:04:00.000Z',
          message: 'An error was detected on device \\Device\\Harddisk0\\DR0 during a paging operation.',
        },
        level: 3,
        recordId: 81235,
        channel: 'System',
      },
      // A manifest-based provider: no Qualifiers, so the id is the EventID alone.
      expect.objectContaining({
        event: expect.objectContaining({ source: 'Microsoft-Windows-Kernel-Power', id: 41, time: '2024-11-25T05:10:11.500Z' }),
        level: 1,
      }),
      // No rendered message (the provider's message file is missing): the event's data, entities decoded.
      expect.objectContaining({ event: { source: 'ESMCommonService', id: 0xc0000451, time: '2024-11-25T05:12:00.000Z', message: 'FAN2 ファン異常 & 停止' } }),
    ]);
  });

  it('wrapped in a root (/e:Events), with an XML declaration and a BOM, gives the same events', async () => {
    const plain = parseRenderedXml(await fixture('wevtutil-system.xml'));
    const wrapped = parseRenderedXml(`\uFEFF<?xml version="1.0" encoding="UTF-8"?>\r\n<Events>${await fixture('wevtutil-system.xml')}</Events>`);
    expect(wrapped).toEqual(plain);
  });

  it('keeps the complete events of cut-off output and says what it left out', async () => {
    const { events, errors } = parseRenderedXml(await fixture('wevtutil-truncated.xml'));
    expect(events.map((e) => [e.event.source, e.event.id, e.event.message])).toEqual([['disk', 0xc0040007, 'The device has a bad block.']]);
    expect(errors[0]).toContain('without a provider name');
    expect(errors.length).toBeGreaterThanOrEqual(2); // and the unclosed last event
  });

  it('malformed XML inside an event drops that event only', () => {
    const ok = "<Event><System><Provider Name='a'/><EventID>1</EventID></System></Event>";
    const bad = "<Event><System><Provider Name='b'/><EventID>2</EventID></System><Oops></Event>";
    const { events, errors } = parseRenderedXml(`${bad}${ok}`);
    expect(events.map((e) => e.event.source)).toEqual(['a']);
    expect(errors.length).toBeGreaterThan(0);
  });
});
