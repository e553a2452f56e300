/** Sizes and times of log collection that the definition files leave to us (docs/log-collection.md). */

/**
 * MaxSize=0, "automatic": the manual gives about 700 MB-1 GB, depending on the original's state (it built the zip in
 * %TEMP%). Ours streams, so nothing limits it but the receiver; we take the low end so no center sees more than before.
 */
export const AUTO_MAX_BYTES = 700 * 1024 * 1024;

/** The archive's cap in bytes for a MaxSize in KB. */
export const maxBytesOf = (maxSizeKB: number): number => (maxSizeKB > 0 ? maxSizeKB * 1024 : AUTO_MAX_BYTES);

/** After SIGTERM at the timeout, how long a command's processes get before SIGKILL. */
export const KILL_GRACE_MS = 5_000;
