/**
 * The activation key file (開局キーファイル) and the extension key (期限延長キー): signed documents from the reception
 * center. Format and verification: docs/key-file.md.
 */
export const KEYFILE_FORMAT = 'express-report-keyfile/1';
export const EXTENSION_FORMAT = 'express-report-extension/1';

/** The customer page (お客様に関する情報) as the application form gave it; keys are the customer.* setting names without the prefix. */
export interface KeyFileCustomer {
  type: 'individual' | 'corporate';
  nameKana: string;
  name: string;
  department: string;
  postalCode: string;
  addressKana: string;
  address: string;
  addressDetail: string;
  phone: string;
  email: string;
  contactKana: string;
  contact: string;
}

export interface KeyFilePayload {
  format: typeof KEYFILE_FORMAT;
  userSystemCode: string;
  /** The server name written on the application (compared with the OS host name). */
  serverName: string;
  customer: KeyFileCustomer;
  machine: { deviceCode: string; serialNumber: string; warrantyNumber: string };
  destinations: { mail?: string; url1?: string; url2?: string; dialupPrimary?: string; dialupSecondary?: string };
  /** PEM certificate of the center: S/MIME reports are enveloped to it (a fresh one each activation). */
  centerCertificate: string;
  /** YYYY-MM-DD, last day of the service. */
  expiry: string;
  issuedAt: string;
}

export interface ExtensionPayload {
  format: typeof EXTENSION_FORMAT;
  userSystemCode: string;
  expiry: string;
  issuedAt: string;
}

/** What the UI is shown of a verified key file. */
export interface KeyFileSummary extends Omit<KeyFilePayload, 'centerCertificate'> {
  /** The signer certificate's subject (who signed it). */
  signer: string;
  centerCertificateSubject: string;
}
