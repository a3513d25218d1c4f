import { normalizeText } from "../markdown/plain-text.js";
import type { DesignDoc, FieldLink } from "../markdown/types.js";
import { fieldMeans } from "./field-names.js";
import type { StatusReading } from "./read-status.js";
import type { DocLinkRef, LinkKind } from "./types.js";

/** The header field each kind of link is written under. */
const LINK_FIELDS: Readonly<Record<LinkKind, string>> = {
  "superseded-by": "Superseded by",
  supersedes: "Supersedes",
  replaces: "Replaces",
  "replaced-by": "Replaced by",
  requires: "Requires",
  related: "Related",
};
const KINDS = Object.keys(LINK_FIELDS) as LinkKind[];

/** Values that say there is no link (`Superseded by: N/A`), normalised. */
const NO_TARGET = new Set(["", "none", "n a", "na", "tbd", "null", "nil"]);
const SEPARATORS = /[,;]/u;

/**
 * The links a doc writes: its `Superseded by`, `Supersedes`, `Replaces`, `Replaced by`,
 * `Requires` and `Related` fields (front matter, bold or plain line, header table), each value
 * split on commas and semicolons, a Markdown link read as its target, a front matter list item
 * by item; then the successor its Status names (`Superseded by …`). In document order, each
 * link once.
 */
export function readLinks(doc: DesignDoc, status: StatusReading): DocLinkRef[] {
  const written = [
    ...doc.frontMatterLists.flatMap((list) => {
      const kind = kindOf(list);
      return kind ? [{ kind, line: list.line, targets: list.items }] : [];
    }),
    ...doc.fields.flatMap((field) => {
      const kind = kindOf(field);
      if (!kind) return [];
      const targets = splitTargets(field.value, field.links);
      return [{ kind, line: field.line, targets }];
    }),
  ].sort((a, b) => a.line - b.line);
  const links = written.flatMap(({ kind, targets }) =>
    targets.map((target) => ({ kind, target })),
  );
  const successor = successorOf(doc, status);
  if (successor) links.push({ kind: "superseded-by", target: successor });
  return uniqueLinks(links.filter((link) => isTarget(link.target)));
}

/** The header field a kind of link is written under (`Superseded by`). */
export function linkLabel(kind: LinkKind): string {
  return LINK_FIELDS[kind];
}

function kindOf(field: { normalizedKey: string }): LinkKind | undefined {
  return KINDS.find((kind) => fieldMeans(field, LINK_FIELDS[kind]));
}

/**
 * The value's parts. Each link's text, where it stands in the value, is read as its target
 * first, so a comma inside a link's text does not split it.
 */
function splitTargets(value: string, links: readonly FieldLink[]): string[] {
  let text = "";
  let cursor = 0;
  for (const link of links) {
    const at = link.text === "" ? -1 : value.indexOf(link.text, cursor);
    if (at < 0) continue;
    text += value.slice(cursor, at) + link.href;
    cursor = at + link.text.length;
  }
  text += value.slice(cursor);
  return text.split(SEPARATORS).map((part) => part.trim());
}

/** The successor the Status names, as the link's target when the Status links to it. */
function successorOf(
  doc: DesignDoc,
  status: StatusReading,
): string | undefined {
  const { successor } = status;
  if (successor === undefined) return undefined;
  const field = doc.fields.find(
    (candidate) =>
      candidate.line === status.line && fieldMeans(candidate, "status"),
  );
  const link = field?.links.find(
    (candidate) => normalizeText(candidate.text) === normalizeText(successor),
  );
  return link?.href ?? successor;
}

function isTarget(target: string): boolean {
  return !NO_TARGET.has(normalizeText(target));
}

/** The first of links of the same kind naming the same target (however cased or spaced). */
function uniqueLinks(links: readonly DocLinkRef[]): DocLinkRef[] {
  const seen = new Set<string>();
  return links.filter((link) => {
    const key = `${link.kind} ${link.target.toLowerCase().replace(/\s+/gu, " ")}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
