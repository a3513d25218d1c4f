import type {
  List,
  Nodes,
  Paragraph,
  RootContent,
  Table,
  TableCell,
} from "mdast";
import type { FieldForm, FieldLink, MetadataField } from "./types.js";
import { normalizeHeading } from "./normalize-heading.js";
import { plainText } from "./plain-text.js";
import { splitLines } from "./split-lines.js";
import { walkTree } from "./walk-tree.js";

const KEY_VALUE = /^([^:：]{1,40}?)\s*[:：]\s*(.*)$/u;
const MAX_KEY_WORDS = 4;

/**
 * Reads `Key: value` fields from paragraphs and top-level list items whose every line is
 * `Key: value` (bold key or plain). A paragraph of prose that happens to hold a colon is not
 * a field.
 */
export function readLineFields(
  nodes: readonly RootContent[],
  sourceLines: readonly string[],
): MetadataField[] {
  return nodes.flatMap((node) => {
    if (node.type === "paragraph") return readParagraph(node, sourceLines);
    if (node.type === "list") return readList(node, sourceLines);
    return [];
  });
}

/**
 * Reads fields from tables: two-column tables row by row (header row included), and
 * one-row tables header by header (`| Status |` over `| PROPOSED |`).
 */
export function readTableFields(
  nodes: readonly RootContent[],
): MetadataField[] {
  return nodes.flatMap((node) =>
    node.type === "table" ? readTable(node) : [],
  );
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
  const pairs = splitLines(plainText(paragraph)).map((line) =>
    splitKeyValue(line.text),
  );
  if (!pairs.every((pair) => pair !== undefined)) return [];
  const links = new Map<number, FieldLink[]>();
  for (const { line, link } of readLinks(paragraph)) {
    const onLine = links.get(line);
    if (onLine) onLine.push(link);
    else links.set(line, [link]);
  }
  return pairs.map(([key, value], index) => {
    const line = startLine + index;
    return makeField(
      key,
      value,
      isBoldKey(sourceLines[line - 1] ?? "") ? "bold" : "line",
      line,
      links.get(line) ?? [],
    );
  });
}

function readTable(table: Table): MetadataField[] {
  const rows = table.children.map((row) => row.children.map(cellText));
  const header = rows[0] ?? [];
  const line = (index: number): number =>
    table.children[index]?.position?.start.line ?? 1;
  const linksAt = (row: number, column: number): FieldLink[] => {
    const cell: TableCell | undefined = table.children[row]?.children[column];
    return cell ? readLinks(cell).map((link) => link.link) : [];
  };
  if (header.length === 2) {
    return rows.flatMap(([key = "", value = ""], index) =>
      isKey(key)
        ? [makeField(key, value, "table", line(index), linksAt(index, 1))]
        : [],
    );
  }
  const values = rows[1];
  if (rows.length === 2 && values && header.every(isKey)) {
    return header.map((key, index) =>
      makeField(key, values[index] ?? "", "table", line(1), linksAt(1, index)),
    );
  }
  return [];
}

function cellText(cell: Nodes): string {
  return plainText(cell).replace(/\s+/gu, " ").trim();
}

/** The links inside a node, each with the line it starts on, and its text as a cell shows it. */
function readLinks(node: Nodes): { line: number; link: FieldLink }[] {
  const links: { line: number; link: FieldLink }[] = [];
  walkTree([node], (current) => {
    if (current.type !== "link") return true;
    links.push({
      line: current.position?.start.line ?? 0,
      link: { text: cellText(current), href: current.url },
    });
    return false;
  });
  return links;
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
  links: FieldLink[],
): MetadataField {
  return {
    key: key.trim(),
    normalizedKey: normalizeHeading(key),
    value,
    form,
    line,
    links,
  };
}
