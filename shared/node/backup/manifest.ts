/**
 * A backup's manifest (`manifest.json`, the archive's first entry): what made it, when and why, the format of each
 * folder, and every file with its size, SHA-256 and mode, every folder with its mode. A restore checks the archive
 * against it whole before writing anything.
 */
import { z } from 'zod';

export const BACKUP_PRODUCT = 'express-report-backup';
export const MANIFEST = 'manifest.json';

const mode = z.number().int().min(0).max(0o7777);
export const manifestSchema = z.object({
  product: z.literal(BACKUP_PRODUCT),
  version: z.string().max(100),
  createdAt: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a time'),
  reason: z.string().max(1000),
  host: z.string().max(256),
  formats: z.object({ config: z.number().int().min(1), state: z.number().int().min(1) }),
  dirs: z.array(z.object({ name: z.string().max(1000), mode })),
  entries: z.array(z.object({ name: z.string().max(1000), size: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/), mode })),
});
export type Manifest = z.infer<typeof manifestSchema>;
