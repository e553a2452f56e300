/**
 * A validation failure (zod's issues) as the short reason a Problem carries: the first three issues, each `path: message`,
 * the path `(root)` (or what the caller calls the whole value) when the value itself is wrong. One formatter for the
 * host's dispatcher, the window's reply check, the service's local API and drop folder, the spool and the maintenance file.
 * Structural, so a caller without zod (or a bundle that must stay without it) can use it too.
 */
export interface ValidationIssues {
  readonly issues: ReadonlyArray<{ readonly path: ReadonlyArray<PropertyKey>; readonly message: string }>;
}

export function issuesText(error: ValidationIssues, whole = '(root)'): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || whole}: ${i.message}`)
    .join('; ');
}
