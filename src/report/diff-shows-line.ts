/**
 * Whether a line of the new file is in one of the diff's hunks (`@@ -a,b +c,d @@`): GitHub
 * takes review comments there and nowhere else. No diff (too large, binary): no line.
 */
export function diffShowsLine(
  patch: string | undefined,
  line: number,
): boolean {
  if (patch === undefined) return false;
  for (const match of patch.matchAll(
    /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/gmu,
  )) {
    const start = Number(match[1]);
    const count = match[2] === undefined ? 1 : Number(match[2]);
    if (line >= start && line < start + count) return true;
  }
  return false;
}
