import { parseDesignDoc } from "../markdown/parse-design-doc.js";
import { normalizeHeading } from "../markdown/normalize-heading.js";
import { replaceFieldValue } from "../markdown/replace-field-value.js";
import {
  joinLines,
  splitLines,
  type SourceLine,
} from "../markdown/split-lines.js";
import type { DesignDoc, MetadataField } from "../markdown/types.js";
import { fieldMeans, findField } from "./field-names.js";

/**
 * Sets the doc's Status to `value`, changing nothing else: every other byte, line endings
 * included, stays as it was. The value is written where the Status already is (front matter,
 * a bold or plain header line, a header table); a doc without one gets it in the template's
 * form: a `status:` key when the doc has front matter, else a `**Status:**` header line.
 * Returns undefined when the result would not read back as `value` (markup too unusual to
 * edit safely); the author is then asked to make the change.
 */
export function setStatus(source: string, value: string): string | undefined {
  return setField(source, "status", value);
}

/**
 * Sets a header field (`status`, `created`, `owner`) to `value` the way setStatus sets the
 * Status: in place when the doc has it, else added in the doc's own form, after its other
 * header fields (the Status after the Owner).
 */
export function setField(
  source: string,
  key: string,
  value: string,
): string | undefined {
  const clean = value.replace(/[\r\n|]+/gu, " ").trim();
  const doc = parseDesignDoc(source);
  const field = findField(doc, key);
  const written = field
    ? replaceEvery(source, sameKey(doc, field), clean)
    : insertField(source, doc, key, clean);
  return written !== undefined &&
    sameKey(parseDesignDoc(written), field).every(
      (found) => found.value === clean,
    ) &&
    findField(parseDesignDoc(written), key)?.value === clean
    ? written
    : undefined;
}

/**
 * The doc's fields under the same key as `field` (a `status:` in the front matter and a
 * `**Status:**` line below): all of them are set, so the doc says one thing afterwards.
 */
function sameKey(
  doc: DesignDoc,
  field: MetadataField | undefined,
): MetadataField[] {
  return field
    ? doc.fields.filter((other) => other.normalizedKey === field.normalizedKey)
    : [];
}

/** Each field rewritten in turn; a value change never moves a line, so lines stay valid. */
function replaceEvery(
  source: string,
  fields: readonly MetadataField[],
  value: string,
): string | undefined {
  let written: string | undefined = source;
  for (const field of fields) {
    if (written === undefined) return undefined;
    written = replaceField(written, field, value);
  }
  return written;
}

function replaceField(
  source: string,
  field: MetadataField,
  value: string,
): string | undefined {
  if (field.form === "bold" || field.form === "line")
    return replaceFieldValue(source, field, value);
  const lines = splitLines(source);
  const index = field.line - 1;
  const line = lines[index];
  if (line === undefined) return undefined;
  const text =
    field.form === "frontmatter"
      ? replaceYamlValue(line.text, field.key, value)
      : replaceTableCell(lines, index, field.key, value);
  if (text === undefined) return undefined;
  lines[index] = { text, ending: line.ending };
  return joinLines(lines);
}

function replaceYamlValue(
  text: string,
  key: string,
  value: string,
): string | undefined {
  const match =
    /^(\s*["']?[^:]*["']?\s*:\s*)(["']?)(.*?)\2(\s*(?:#.*)?)$/u.exec(text);
  if (!match || normalizeHeading(match[1] ?? "") !== normalizeHeading(key))
    return undefined;
  const quote = match[2] || (/^[\w .-]+$/u.test(value) ? "" : '"');
  const written =
    quote === '"'
      ? JSON.stringify(value).slice(1, -1)
      : value.replace(/'/gu, "''");
  return `${match[1]}${quote}${written}${quote}${match[4] ?? ""}`;
}

/** Cells of a table row with their spans in the line: `| a | b |` → spans of ` a `, ` b `. */
function cellSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const pipes: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    if (text[index] === "\\") index += 1;
    else if (text[index] === "|") pipes.push(index);
  }
  const edges = [
    ...(text.trimStart().startsWith("|") ? [] : [-1]),
    ...pipes,
    ...(text.trimEnd().endsWith("|") ? [] : [text.length]),
  ];
  for (let index = 0; index + 1 < edges.length; index += 1)
    spans.push({
      start: (edges[index] ?? 0) + 1,
      end: edges[index + 1] ?? text.length,
    });
  return spans;
}

function cellKey(text: string): string {
  return normalizeHeading(text.replace(/[*_`]/gu, ""));
}

function replaceTableCell(
  lines: readonly SourceLine[],
  index: number,
  key: string,
  value: string,
): string | undefined {
  const text = lines[index]?.text ?? "";
  const cells = cellSpans(text);
  const wanted = normalizeHeading(key);
  let column = cells.findIndex(
    (cell) => cellKey(text.slice(cell.start, cell.end)) === wanted,
  );
  if (column >= 0) column += 1;
  else {
    // Keys across the header row, values in the row below the delimiter.
    const header = lines[index - 2]?.text ?? "";
    column = cellSpans(header).findIndex(
      (cell) => cellKey(header.slice(cell.start, cell.end)) === wanted,
    );
  }
  const cell = cells[column];
  if (!cell) return undefined;
  const content = text.slice(cell.start, cell.end);
  const lead = /^\s*/u.exec(content)?.[0] ?? "";
  const trail = /\s*$/u.exec(content)?.[0] ?? "";
  return `${text.slice(0, cell.start)}${lead || " "}${value}${trail || " "}${text.slice(cell.end)}`;
}

function insertField(
  source: string,
  doc: DesignDoc,
  key: string,
  value: string,
): string {
  const lines = splitLines(source);
  const eol = lines.find((line) => line.ending !== "")?.ending ?? "\n";
  const lineOf = (text: string): SourceLine => ({ text, ending: eol });
  const at = (index: number, inserted: SourceLine[]): string => {
    const before = lines.slice(0, index);
    const last = before.at(-1);
    if (last?.ending === "") before[before.length - 1] = lineOf(last.text);
    return joinLines([...before, ...inserted, ...lines.slice(index)]);
  };
  const closing = frontMatterEnd(lines);
  if (closing !== undefined) return at(closing, [lineOf(`${key}: ${value}`)]);
  const firstSection = doc.sections[0]?.line ?? Infinity;
  const header = doc.fields.filter(
    (field) =>
      (field.form === "bold" || field.form === "line") &&
      field.line < firstSection,
  );
  const owner = header.find((field) => fieldMeans(field, "owner"));
  const after = (key === "status" ? owner : undefined) ?? header.at(-1);
  const line = `**${key.charAt(0).toUpperCase()}${key.slice(1)}:** ${value}`;
  // A paragraph of its own, so the line reads as a field whatever surrounds it.
  const paragraph = (index: number): SourceLine[] => {
    const next = lines[index];
    const blank = lineOf("");
    return next === undefined || /^[ \t]*$/u.test(next.text)
      ? [blank, lineOf(line)]
      : [blank, lineOf(line), blank];
  };
  if (after) return at(after.line, paragraph(after.line));
  if (doc.titleEndLine !== undefined)
    return at(doc.titleEndLine, paragraph(doc.titleEndLine));
  const bom = source.startsWith("\uFEFF") ? "\uFEFF" : "";
  return `${bom}${line}${eol}${eol}${source.slice(bom.length)}`;
}

/** The index of the line closing a front matter block at the top, if there is one. */
function frontMatterEnd(lines: readonly SourceLine[]): number | undefined {
  if (!/^\uFEFF?---\s*$/u.test(lines[0]?.text ?? "")) return undefined;
  const index = lines.findIndex(
    (line, at) => at > 0 && /^(?:---|\.\.\.)\s*$/u.test(line.text),
  );
  return index > 0 ? index : undefined;
}

/** A one-line change the author can apply: replace line `line` with `text` (which may span lines). */
export interface StatusSuggestion {
  line: number;
  text: string;
}

/**
 * The change `setStatus` would make, as a GitHub suggestion on one line of the doc: the
 * Status line rewritten, or the line before an added Status followed by it.
 */
export function suggestStatus(
  source: string,
  value: string,
): StatusSuggestion | undefined {
  const written = setStatus(source, value);
  if (written === undefined || written === source) return undefined;
  const before = shownLines(source);
  const after = shownLines(written);
  // A last line without an ending gains one when lines are added after it: lines compare
  // by their text.
  let head = 0;
  while (head < before.length && before[head]?.text === after[head]?.text)
    head += 1;
  const added = after.length - before.length;
  if (added === 0) return { line: head + 1, text: after[head]?.text ?? "" };
  // Lines were inserted after line `head` (1-based): suggest that line plus them, or them
  // plus line 1 when they go before it.
  const anchor = Math.max(head - 1, 0);
  return {
    line: anchor + 1,
    text: after
      .slice(anchor, anchor + added + 1)
      .map((line) => line.text)
      .join("\n"),
  };
}

/**
 * The lines a diff shows, numbered as GitHub numbers them for a suggestion: the byte order
 * mark left out, and no line after a final line ending.
 */
function shownLines(source: string): SourceLine[] {
  const lines = splitLines(source.replace(/^\uFEFF/u, ""));
  if (lines.length > 1 && lines.at(-1)?.text === "") lines.pop();
  return lines;
}
