import type { List, Paragraph, RootContent, Table } from "mdast";
import type { FieldForm, MetadataField } from "./types.js";
import { normalizeHeading } from "./normalize-heading.js";
import { plainText } from "./plain-text.js";

const KEY_VALUE = /^([^:：]{1,40}?)\s*[:：]\s*(.*)$/u;
const MAX_KEY_WORDS = 4;

/**
 * Reads `Key: value` fields from the doc body: paragraphs and top-level list items whose every
 * line is `Key: value` (bold key or plain), and tables in the preamble (before the second
 * heading). A paragraph of prose that happens to hold a colon is not a field.
 */
export function readFields(
  nodes: readonly RootContent[],
  sourceLines: readonly string[],
): MetadataField[] {
  const fields: MetadataField[] = [];
  let headings = 0;
  for (const node of nodes) {
    if (node.type === "heading") headings += 1;
    if (node.type === "paragraph")
      fields.push(...readParagraph(node, sourceLines));
    if (node.type === "list") fields.push(...readList(node, sourceLines));
    if (node.type === "table" && headings <= 1) fields.push(...readTable(node));
  }
  return fields;
}

function readList(list: List, sourceLines: readonly string[]): MetadataField[] {
  return list.children.flatMap((item) => {
    const first = item.children[0];
    return first?.type === "paragraph" ? readParagraph(first, sourceLines) : [];
  });
}

function readParagraph(
  paragraph: Paragraph,
  sourceLines: readonly string[],
): MetadataField[] {
  const startLine = paragraph.position?.start.line ?? 1;
  const lines = plainText(paragraph).split("\n");
  const pairs = lines.map((text) => splitKeyValue(text));
  if (!pairs.every((pair) => pair !== undefined)) return [];
  return pairs.map(([key, value], index) => {
    const line = startLine + index;
    return makeField(
      key,
      value,
      isBoldKey(sourceLines[line - 1] ?? "") ? "bold" : "line",
      line,
    );
  });
}

function readTable(table: Table): MetadataField[] {
  const rows = table.children.map((row) =>
    row.children.map((cell) => plainText(cell).replace(/\s+/gu, " ").trim()),
  );
  const header = rows[0] ?? [];
  const line = (index: number): number =>
    table.children[index]?.position?.start.line ?? 1;
  if (header.length === 2) {
    return rows.flatMap(([key = "", value = ""], index) =>
      isKey(key) ? [makeField(key, value, "table", line(index))] : [],
    );
  }
  const values = rows[1];
  if (rows.length === 2 && values && header.every(isKey)) {
    return header.map((key, index) =>
      makeField(key, values[index] ?? "", "table", line(1)),
    );
  }
  return [];
}

function splitKeyValue(text: string): [string, string] | undefined {
  const match = KEY_VALUE.exec(text.trim());
  if (!match) return undefined;
  const [, key = "", value = ""] = match;
  if (!isKey(key) || value.startsWith("//")) return undefined;
  return [key, value.trim()];
}

function isKey(text: string): boolean {
  const key = text.trim();
  return (
    key !== "" &&
    key.split(/\s+/u).length <= MAX_KEY_WORDS &&
    normalizeHeading(key) !== ""
  );
}

function isBoldKey(sourceLine: string): boolean {
  return /^\s*(?:[-*+]\s+)?(?:\*\*|__)/u.test(sourceLine);
}

function makeField(
  key: string,
  value: string,
  form: FieldForm,
  line: number,
): MetadataField {
  return {
    key: key.trim(),
    normalizedKey: normalizeHeading(key),
    value,
    form,
    line,
  };
}
