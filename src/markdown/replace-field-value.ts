import { joinLines, splitLines } from "./split-lines.js";
import type { MetadataField } from "./types.js";

const LINE_FIELD =
  /^(\s*(?:[-*+]\s+)?(?:\*\*|__)?[^:\n]*?:(?:\*\*|__)?[ \t]*)(.*?)([ \t]*)$/u;

/**
 * Rewrites the value of a `Key: value` header line (bold or plain), leaving every other byte,
 * line endings included, as it was. Returns undefined when the line no longer holds the field.
 */
export function replaceFieldValue(
  source: string,
  field: MetadataField,
  value: string,
): string | undefined {
  if (field.form !== "bold" && field.form !== "line") return undefined;
  const lines = splitLines(source);
  const line = lines[field.line - 1];
  const match = line && LINE_FIELD.exec(line.text);
  if (!line || !match) return undefined;
  lines[field.line - 1] = {
    text: `${match[1] ?? ""}${value}${match[3] ?? ""}`,
    ending: line.ending,
  };
  return joinLines(lines);
}
