/**
 * Messages of injected faults: disk full, read-only state, clock jumps, network faults (issue 17). Merged into the one catalogue in ../catalogue.ts; codes are stable, never reused.
 * ER_9100-9199.
 */
import { type MessageDef } from '../message-def.js';

export const faultsMessages = {
  ER_9100: {
    kind: 'internal',
    ja: 'アプリのイベント記録 {path} に書き込めません: {reason}。操作は続行します。記録はこのアプリが動作している間だけ保持されます。',
    en: 'The app event log {path} cannot be written: {reason}. The operation goes on; its entries are kept only while this app runs.',
  },
} satisfies Record<string, MessageDef>;
