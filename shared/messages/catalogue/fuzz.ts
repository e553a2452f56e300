/**
 * Messages found needed by fuzzing the parsers (issue 17). Merged into the one catalogue in ../catalogue.ts; codes are stable, never reused.
 * ER_9000-9099.
 */
import { type MessageDef } from '../message-def.js';

export const fuzzMessages = {
  // ---- the config folder loaded whole (shared/node/config-store.ts)
  ER_9050: {
    kind: 'internal',
    ja: '{path} は通常のファイルではありません(名前付きパイプ、ソケットまたはデバイス)。読まずにおきます。通常のファイルに置き換えてください。',
    en: '{path} is not a regular file (a named pipe, socket or device), so it is not read. Replace it with a regular file.',
  },
  ER_9051: {
    kind: 'internal',
    ja: '{path} は {size} バイトあり、設定ファイルの上限 {limit} バイトを超えるため読みません。正しいファイルに戻してください。',
    en: '{path} is {size} bytes, over the {limit} bytes a config file may have, so it is not read. Put the right file back.',
  },
  // ---- restore (shared/node/backup/restore.ts)
  ER_9052: {
    kind: 'internal',
    ja: '{path} のディスクの空き {free} バイトが、必要な {need} バイト(バックアップを展開した {size} バイトの 2 倍)に足りません。何も書き込んでいません。',
    en: 'The disk holding {path} has {free} bytes free, less than the {need} needed (twice the {size} bytes the backup holds unpacked). Nothing was written.',
  },
} satisfies Record<string, MessageDef>;
