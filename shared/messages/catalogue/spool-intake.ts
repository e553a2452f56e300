/**
 * Messages of the spool's intake, group commit and index (issue 16). Merged into the one catalogue in ../catalogue.ts; codes are stable, never reused.
 * ER_8340-8379.
 */
import { type MessageDef } from '../message-def.js';

export const spoolIntakeMessages = {
  // ---- expired/ is bounded like sent/ (docs/delivery.md "Spool layout"): what stops being kept is said once per batch
  ER_8341: {
    kind: 'information',
    ja: '期限切れの通報 {count} 件を expired/ から削除しました(古いもの {oldest} から新しいもの {newest} まで)。期限切れの通報は新しい {keep} 件だけを保持します。',
    en: 'Removed {count} expired reports from expired/ (oldest {oldest}, newest {newest}); only the newest {keep} expired reports are kept.',
  },
} satisfies Record<string, MessageDef>;
