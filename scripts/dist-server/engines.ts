/** Whether a Node.js version satisfies package.json's `engines.node`, before the build ships it as the runtime. */

/** Only `>=X[.Y[.Z]]`, the form package.json uses: any other range is refused rather than misread. */
export function satisfiesEngines(version: string, range: string): boolean {
  const m = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim());
  if (!m) throw new Error(`engines range not understood: ${range}`);
  const want = [m[1], m[2], m[3]].map((x) => Number(x ?? 0));
  const have = version.replace(/^v/, '').split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((have[i] ?? 0) !== want[i]) return (have[i] ?? 0) > want[i]!;
  return true;
}
