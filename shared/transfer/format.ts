/**
 * The settings export's format (docs/settings-transfer.md): a zip whose entries come from one fixed list, described by
 * manifest.json. Pure: the command line, the window's ファイル menu and the fleet read the same declarations.
 */
import { z } from 'zod';

/** major.minor: a reader refuses a newer major (ER_3517) and reads any minor of its own major. */
export const FORMAT_MAJOR = 1;
/** 1.1: summary.html added (a 1.0 export, without it, is read as before). */
export const FORMAT_VERSION = `${FORMAT_MAJOR}.1`;
export const FORMAT_NAME = 'express-report-settings' as const;

export const MANIFEST = 'manifest.json';
export const SETTINGS_ENTRY = 'settings.json';
export const SECRETS_ENTRY = 'secrets.json';
export const SUMMARY_ENTRY = 'summary.txt';
/** The same summary as a self-contained page (no script), for support without the product (format 1.1). */
export const SUMMARY_HTML_ENTRY = 'summary.html';
export const CERT_ENTRY = 'center-cert.pem';
/** The definition files keep their place in the config folder (WebReprt/...). */
export const DEFINITION_ENTRIES = ['WebReprt/AMHTPADR.INF', 'WebReprt/AMHTPLOG.INF', 'WebReprt/AMHTPHBI.INF'] as const;
export type DefinitionEntry = (typeof DEFINITION_ENTRIES)[number];

/** Every name an export may hold; anything else is refused (ER_3514), so nothing else can travel. */
export const ENTRY_NAMES: readonly string[] = [MANIFEST, SETTINGS_ENTRY, SECRETS_ENTRY, SUMMARY_ENTRY, SUMMARY_HTML_ENTRY, CERT_ENTRY, ...DEFINITION_ENTRIES];

export const isDefinitionEntry = (name: string): name is DefinitionEntry => (DEFINITION_ENTRIES as readonly string[]).includes(name);

/** Checked before anything is inflated: the archive's size, its entry count, each entry's declared size. */
export const LIMITS = {
  archiveBytes: 64 * 1024 * 1024,
  entries: ENTRY_NAMES.length,
  /** A definition file may be as large as the config folder takes one (READ_LIMITS.definitionFile). */
  definitionBytes: 16 * 1024 * 1024,
  otherBytes: 1024 * 1024,
} as const;

/**
 * An export the window's page reads and sends over the bridge (serve's request body is at most 16 MiB): larger ones are
 * imported by the command (or chosen by path on the desktop, up to archiveBytes).
 */
export const WINDOW_FILE_BYTES = 11 * 1024 * 1024;
export const WINDOW_FILE_BASE64 = Math.ceil(WINDOW_FILE_BYTES / 3) * 4;

export const entryLimit = (name: string): number => (isDefinitionEntry(name) ? LIMITS.definitionBytes : LIMITS.otherBytes);

/** A name that climbs out of the folder or starts at a root, in either OS's spelling (zip slip). */
export function isUnsafeEntryName(name: string): boolean {
  return name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name) || name.split(/[\\/]/).includes('..') || name.includes('\0');
}

/** A transfer export's passphrase: at least this many characters (code points). */
export const MIN_PASSPHRASE = 8;

export type Scope = 'support' | 'transfer';
export type PersonalMode = 'omit' | 'include';

/** The passphrase's key derivation and cipher (transfer only), all a reader needs besides the passphrase. */
export const kdfSchema = z.object({
  name: z.literal('scrypt'),
  N: z.number().int().positive(),
  r: z.number().int().positive(),
  p: z.number().int().positive(),
  salt: z.string(),
});
export type KdfParams = z.infer<typeof kdfSchema>;

export const manifestSchema = z.object({
  format: z.literal(FORMAT_NAME),
  formatVersion: z.string().regex(/^\d+\.\d+$/),
  product: z.string(),
  productVersion: z.string(),
  createdAt: z.string(),
  identity: z.object({ serverName: z.string(), deviceCode: z.string(), serialNumber: z.string() }),
  state: z.string(),
  scope: z.enum(['support', 'transfer']),
  personal: z.enum(['omit', 'include']),
  /** Setting keys deliberately left out (personal data of a support export): kept on import, not "missing". */
  omitted: z.array(z.string()),
  entries: z.array(z.object({ name: z.string(), size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
  /** transfer: the key derivation, a check value of the passphrase, and a MAC over this manifest (without `seal.mac`). */
  seal: z.optional(z.object({ kdf: kdfSchema, cipher: z.literal('aes-256-gcm'), check: z.string(), mac: z.string() })),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** The major part of a format version ("1.0" -> 1); NaN when it is not one. */
export const majorOf = (version: string): number => Number(version.split('.')[0]);

/** settings.json: every setting in its file text form; secrets only as set / not set; the option devices. */
export const settingsEntrySchema = z.object({
  settings: z.record(z.string(), z.string()),
  secrets: z.record(z.string(), z.enum(['set', 'not set'])),
  optionDevices: z.array(z.object({ name: z.string(), deviceCode: z.string(), serialNumber: z.string() })),
});
export type SettingsEntry = z.infer<typeof settingsEntrySchema>;

/** secrets.json (transfer): the clear secrets as JSON, sealed with the passphrase's key (AES-256-GCM). */
export const secretsEntrySchema = z.object({ nonce: z.string(), tag: z.string(), ciphertext: z.string() });
export type SecretsEntry = z.infer<typeof secretsEntrySchema>;

/** What `import --only` names: the groups of an import. */
export const IMPORT_GROUPS = ['activation', 'routes', 'schedule', 'definitions'] as const;
export type ImportGroup = (typeof IMPORT_GROUPS)[number];
