/** How the window names a report's kind and phase (通報テスト's progress, the status dialog's list). */
import { text, type LocalizedText } from '../messages/text.js';
import { type ReportPhase, type ReportProgress } from './service-types.js';

export const KIND_LABEL: Record<ReportProgress['kind'], LocalizedText> = {
  failure: text('障害通報', 'Failure report'),
  test: text('テスト通報', 'Test notification'),
  activation: text('開局通報', 'Activation notification'),
  heartbeat: text('構成情報通報', 'Configuration information'),
  maintenance: text('保守の通知', 'Maintenance notice'),
};

export const PHASE_LABEL: Record<ReportPhase, LocalizedText> = {
  collecting: text('ログ採取中', 'Collecting logs'),
  waiting: text('送信待ち', 'Waiting to be sent'),
  sending: text('送信中', 'Sending'),
  sent: text('送信済み', 'Delivered'),
  expired: text('期限切れ', 'Expired'),
};

/** The phases in their order, for a step list (expired replaces sent at the end). */
export const PHASES: readonly ReportPhase[] = ['collecting', 'waiting', 'sending', 'sent'];

export const isFinal = (p: ReportPhase): boolean => p === 'sent' || p === 'expired';
