/** The manager's forwarding settings (設定(S)... of マネージャからのエクスプレス通報): the mail and dial-up dialogs in relay mode. */
import { createElement, type ReactNode } from 'react';
import { MailDialog } from './MailDialog.js';
import { DialupDialog } from './DialupDialog.js';

export function RelayMailDialog(): ReactNode {
  return createElement(MailDialog, { relay: true });
}

export function RelayDialupDialog(): ReactNode {
  return createElement(DialupDialog, { relay: true });
}
