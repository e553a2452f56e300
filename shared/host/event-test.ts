/**
 * 通報テスト's outcome as one coded line of the event log: the host logs it and the window notes it, in the same words
 * (so the window can tell its note from the host's copy of it).
 */
import { message, type Problem } from '../messages/problem.js';
import { text, type LocalizedText } from '../messages/text.js';
import { type MessageCode } from '../messages/catalogue.js';
import { type EventTested, type EventTestRequest } from './api.js';
import { type EventOutcome } from './service-types.js';

export interface EventLine {
  level: 'info' | 'warning' | 'error';
  text: LocalizedText;
  code: MessageCode;
}

const IGNORED: Record<Extract<EventOutcome, { result: 'ignored' }>['reason'], LocalizedText> = {
  'not-monitored': text('監視対象のイベントではありません。', 'it is not a monitored event.'),
  'not-active': text(
    '通報サービスが運用中ではありません(開局通報の後に通報されます)。',
    'the service is not active (reports are sent after the activation notification).',
  ),
  'no-route': text(
    '有効な通報手段がありません([設定]-[通報基本設定]で有効にしてください)。このイベントは保存も再送もされません。',
    'no notification route is enabled (enable one in Settings → Basic notification settings); the event is neither kept nor retried.',
  ),
};

export function outcomeLine(req: EventTestRequest, o: EventOutcome): EventLine {
  const at = { source: req.source, id: req.id };
  if (o.result === 'accepted') return { level: 'info', text: message('ER_6023', { ...at, reportId: o.reportId }), code: 'ER_6023' };
  if (o.result === 'folded') return { level: 'info', text: message('ER_6024', { ...at, reportId: o.reportId, count: o.count }), code: 'ER_6024' };
  return { level: 'warning', text: message('ER_6025', { ...at, reason: IGNORED[o.reason] }), code: 'ER_6025' };
}

export const problemLine = (p: Problem): EventLine => ({ level: p.severity, text: p.message, code: p.code });

export function eventTestLine(req: EventTestRequest, r: EventTested): EventLine | undefined {
  if (r.ok) return outcomeLine(req, r.outcome);
  const first = r.problems[0];
  return first ? problemLine(first) : undefined;
}
