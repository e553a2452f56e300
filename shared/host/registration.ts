/**
 * 設定情報の変更: what the setup utility may change on an activated machine without activating again (HostApi
 * updateRegistration). Who the customer is, this machine and the dealer, as the utility's pages show them, and, for a
 * key-code HTTPS machine, the reply address of test and activation results. Never the key code, the user system code,
 * the expiry, the method or the state: a new key file or key code is a re-activation.
 */
import { type SettingKey } from '../settings/schema.js';

export const REGISTRATION_KEYS = [
  'customer.type',
  'customer.nameKana',
  'customer.name',
  'customer.department',
  'customer.postalCode',
  'customer.addressKana',
  'customer.address',
  'customer.addressDetail',
  'customer.phone',
  'customer.email',
  'customer.contactKana',
  'customer.contact',
  'machine.serverName',
  'machine.deviceCode',
  'machine.serialNumber',
  'machine.warrantyNumber',
  'machine.comment',
  'dealer.name',
  'dealer.sales.department',
  'dealer.sales.name',
  'dealer.sales.phone',
  'dealer.se.department',
  'dealer.se.name',
  'dealer.se.phone',
  'activation.replyMail',
] as const satisfies readonly SettingKey[];

export type RegistrationKey = (typeof REGISTRATION_KEYS)[number];

export const isRegistrationKey = (key: string): key is RegistrationKey => (REGISTRATION_KEYS as readonly string[]).includes(key);
