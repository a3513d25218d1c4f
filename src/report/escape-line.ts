const ESCAPES: Readonly<Record<string, string>> = {
  "\\": "\\\\",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
};

/**
 * Text from a doc or a file name on one line, for a commit message or a log line: line
 * breaks and every other control character written as escapes (`\n`, `\u0085`), and `\`
 * doubled so an escape cannot be faked. A file name cannot add lines (or trailers) this way.
 */
export function escapeLine(text: string): string {
  return text.replace(
    /[\\\u0000-\u001f\u007f-\u009f\u2028\u2029]/gu,
    (char) => ESCAPES[char] ?? unicodeEscape(char),
  );
}

/** `\u2028` for U+2028: the escape JSON and JavaScript read back. */
export function unicodeEscape(char: string): string {
  return `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`;
}
