import { type ReactNode } from 'react';

/** The setup utility (設定ユーティリティ); built in renderer/wizard/. */
export function SetupWizard(): ReactNode {
  return null;
}
