/** An export as read and checked (shared/node/transfer/read.ts), and the local folder in the same shape, for plans and diffs. */
import { type SettingKey } from '../settings/schema.js';
import { type SettingValue } from '../settings/define.js';
import { type OptionDevice } from '../settings/options.js';
import { type DefinitionEntry, type Manifest, type SettingsEntry } from './format.js';

/** A definition file: its bytes as they travel, their text, and what it means (decodeInf's model; undefined: unreadable). */
export interface DefinitionFile {
  bytes: Uint8Array;
  text: string;
  encoding: string;
  model: unknown;
}

export interface Certificate {
  pem: string;
  /** SHA-256 over the DER, as the OS shows it (AA:BB:...); the PEM text when it is not a certificate. */
  fingerprint: string;
}

export interface ExportContents {
  manifest: Manifest;
  entry: SettingsEntry;
  values: Map<SettingKey, SettingValue>;
  optionDevices: OptionDevice[];
  /** The clear secrets of a transfer export, once opened with its passphrase; never written anywhere in clear. */
  secrets?: Partial<Record<SettingKey, string>>;
  definitions: Partial<Record<DefinitionEntry, DefinitionFile>>;
  certificate?: Certificate;
}
