/** A line of a text and the ending that closes it: `\r\n`, `\r`, `\n`, or "" for the last. */
export interface SourceLine {
  text: string;
  ending: string;
}

const LINE_ENDING = /\r\n|\r|\n/gu;

/**
 * The lines of a text as micromark counts them: CRLF, a lone CR and LF each end a line, so
 * line n of a node's position is `lines[n - 1]`, and a text that ends in a line ending has an
 * empty last line. `joinLines` gives the text back byte for byte, so an edit of one line
 * leaves every other byte, line endings included, as it was.
 */
export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = 0;
  for (const match of text.matchAll(LINE_ENDING)) {
    lines.push({ text: text.slice(start, match.index), ending: match[0] });
    start = match.index + match[0].length;
  }
  lines.push({ text: text.slice(start), ending: "" });
  return lines;
}

/** The text that `splitLines` read `lines` from. */
export function joinLines(lines: readonly SourceLine[]): string {
  return lines.map((line) => line.text + line.ending).join("");
}
