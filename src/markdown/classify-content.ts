import type { RootContent } from "mdast";
import type { ContentKind } from "./types.js";
import { normalizeText, plainText } from "./plain-text.js";
import { walkTree } from "./walk-tree.js";

/** Whether a node says nothing to a reader: an HTML comment, a link definition, a rule. */
function isSilent(node: RootContent): boolean {
  return (
    isComment(node) ||
    node.type === "definition" ||
    node.type === "thematicBreak" ||
    node.type === "yaml"
  );
}

function isComment(node: RootContent): boolean {
  return node.type === "html" && isOnlyComments(node.value);
}

/** Whether HTML is nothing but comments and whitespace (an unclosed comment runs to the end). */
function isOnlyComments(html: string): boolean {
  let rest = html.trimStart();
  if (!rest.startsWith("<!--")) return false;
  while (rest.startsWith("<!--")) {
    const end = rest.indexOf("-->", 4);
    if (end === -1) return true;
    rest = rest.slice(end + 3).trimStart();
  }
  return rest === "";
}

/** Classifies a run of blocks as empty, only HTML comments, or real content. */
export function classifyContent(nodes: readonly RootContent[]): ContentKind {
  if (!nodes.every(isSilent)) return "content";
  return nodes.some(isComment) ? "comments" : "empty";
}

/**
 * The normalised text of each leaf block (paragraph, list item paragraph, table cell, code
 * block), in order. Two sections whose units are the same say the same thing, however wrapped.
 */
export function contentUnits(nodes: readonly RootContent[]): string[] {
  const units: string[] = [];
  walkTree(nodes, (node) => {
    if (isSilent(node as RootContent)) return false;
    switch (node.type) {
      case "paragraph":
      case "heading":
      case "tableCell":
      case "code":
      case "html": {
        const unit = normalizeText(
          node.type === "html" ? node.value : plainText(node),
        );
        if (unit) units.push(unit);
        return false;
      }
      default:
        return true;
    }
  });
  return units;
}

/** How much of a section's opening text `leadText` keeps: enough to tell `N/A: <reason>`. */
const LEAD_LENGTH = 200;

/**
 * The text a reader sees first in a run of blocks, markup stripped and cut to a couple of
 * lines: what tells a stand-in (`**TBD**`, `...`) or an answer (`N/A: no data`) apart from
 * content. A list of empty items reads as `-`.
 */
export function leadText(nodes: readonly RootContent[]): string {
  const first = nodes.find((node) => !isSilent(node));
  if (!first) return "";
  const text = plainText(first).replace(/\s+/gu, " ").trim();
  if (text === "" && first.type === "list") return "-";
  return text.slice(0, LEAD_LENGTH);
}

/** The normalised text inside a run of blocks' HTML comments: a template's prompts. */
export function commentUnits(nodes: readonly RootContent[]): string[] {
  return nodes
    .flatMap((node) =>
      isComment(node)
        ? [
            normalizeText(
              (node as { value: string }).value.replace(/<!--|-->/gu, " "),
            ),
          ]
        : [],
    )
    .filter(Boolean);
}
