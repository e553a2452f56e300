/**
 * Messages of the server package (issue 15: `npm run dist:server`, its maintainer scripts, `init --only-missing`).
 * Merged into the one catalogue in ../catalogue.ts; codes are stable, never reused. The maintainer scripts
 * (resources/debian/) are POSIX sh and print these texts themselves: test/package/maintainer-messages.test.ts keeps
 * them equal to the catalogue.
 */
import { type MessageDef } from '../message-def.js';

export const packageMessages = {
  // ---- `init --only-missing` (postinst on first install)
  ER_8000: {
    kind: 'information',
    ja: '足りないファイルだけを作成しました: {files}(既存のファイルは変更していません)',
    en: 'Only the missing files were written: {files} (nothing existing was changed)',
  },
  ER_8001: {
    kind: 'information',
    ja: '{path} に足りないファイルはありません(そのままです)',
    en: 'Nothing was missing in {path}: it is left as it is',
  },

  // ---- building the package (scripts/dist-server.ts)
  ER_8010: {
    kind: 'internal',
    ja: 'このビルド機の Node.js {version} は package.json の engines ({range}) を満たさないため、パッケージに同梱できません',
    en: "This build machine's Node.js {version} does not satisfy package.json's engines ({range}), so it cannot be shipped in the package",
  },
  ER_8011: {
    kind: 'internal',
    ja: 'パッケージを作成できません({step}): {reason}',
    en: 'The package could not be built ({step}): {reason}',
  },
  ER_8012: {
    kind: 'information',
    ja: 'パッケージを作成しました: {path}({size}、{seconds} 秒)',
    en: 'The package was built: {path} ({size}, {seconds} s)',
  },

  // ---- maintainer scripts (resources/debian/): printed by sh, kept equal to these texts by a test
  ER_8020: {
    kind: 'internal',
    ja: 'express-report {old} から {new} へのダウングレードは行いません。強制するには EXPRESS_REPORT_FORCE_DOWNGRADE=1 を指定します(先にバックアップを取ります)',
    en: 'Refusing to downgrade express-report from {old} to {new}. To force it, set EXPRESS_REPORT_FORCE_DOWNGRADE=1 (a backup is taken first)',
  },
  ER_8021: {
    kind: 'internal',
    ja: '更新前のバックアップを取れなかったため、express-report {old} を更新しません。原因を取り除いてからやり直してください',
    en: 'The backup before the upgrade failed, so express-report {old} is not upgraded. Remove the cause and try again',
  },
  ER_8022: {
    kind: 'warning',
    ja: '送信待ちの通報が {count} 件 {path} に残っています。設定と状態は残しました(完全に削除するには dpkg --purge express-report)',
    en: '{count} reports are still waiting in {path}. Config and state are kept (dpkg --purge express-report deletes them)',
  },
  ER_8023: {
    kind: 'information',
    ja: '手動で起動された通報サービス(pid {pid})を停止します',
    en: 'Stopping the reporting service started by hand (pid {pid})',
  },
  ER_8024: {
    kind: 'warning',
    ja: 'インストール済みの express-report {old} は backup を知らないため、更新前のバックアップは取っていません',
    en: 'The installed express-report {old} does not know backup, so no backup was taken before the upgrade',
  },
} satisfies Record<string, MessageDef>;
