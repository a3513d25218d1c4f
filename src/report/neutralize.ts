import { unicodeEscape } from "./escape-line.js";

const MAX_INLINE_LENGTH = 300;
const HTML_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
};

/**
 * Makes text from a doc safe to show on one line of a GitHub comment: no HTML gets through,
 * no Markdown it holds takes effect or breaks out of the line, and nothing links or pings:
 * no `@mention`, no `#123`, `GH-123`, `https://…` or `www.…` autolink (a zero-width space
 * breaks each). Control characters show as escapes (`\u001b`); long text is shortened.
 */
export function neutralize(text: string): string {
  const line = shorten(text.replace(/[\s\u2028\u2029]+/gu, " ").trim());
  return line
    .replace(/[&<>]/gu, (char) => HTML_ESCAPES[char] ?? char)
    .replace(/[\\`*_[\]{}()|~!]/gu, "\\$&")
    .replace(/([@#])(?=[\p{L}\p{N}_-])/gu, "$1&#8203;")
    .replace(/\b(gh)(?=-\d)/giu, "$1&#8203;")
    .replace(/(?<=[a-z])(?=:\/\/)/giu, "&#8203;")
    .replace(/\b(www)(?=\.)/giu, "$1&#8203;")
    .replace(/[\u0000-\u001f\u007f-\u009f]/gu, unicodeEscape);
}

function shorten(text: string): string {
  const chars = Array.from(text);
  return chars.length <= MAX_INLINE_LENGTH
    ? text
    : `${chars.slice(0, MAX_INLINE_LENGTH - 1).join("")}…`;
}

/**
 * Text from a doc or config as inline code: nothing inside a code span is Markdown, HTML or a
 * mention, so only backticks and line breaks need taking out.
 */
export function codeSpan(text: string): string {
  return `\`${shorten(
    text
      .replace(/[\s\u2028\u2029]+/gu, " ")
      .replace(/`/gu, "'")
      .replace(/[\u0000-\u001f\u007f-\u009f]/gu, unicodeEscape)
      .trim(),
  )}\``;
}
