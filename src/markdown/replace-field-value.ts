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
  const lines = source.split(/(?<=\n)/u);
  const original = lines[field.line - 1];
  if (original === undefined) return undefined;
  const ending = /\r?\n$/u.exec(original)?.[0] ?? "";
  const text = original.slice(0, original.length - ending.length);
  const match = LINE_FIELD.exec(text);
  if (!match) return undefined;
  lines[field.line - 1] = `${match[1] ?? ""}${value}${match[3] ?? ""}${ending}`;
  return lines.join("");
}
