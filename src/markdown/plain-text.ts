import type { Nodes } from "mdast";

/**
 * The text a reader sees in a node: markup dropped, HTML (comments included) left out,
 * image alt text kept. Line breaks inside a paragraph stay as `\n`.
 */
export function plainText(node: Nodes): string {
  switch (node.type) {
    case "html":
    case "yaml":
    case "definition":
    case "footnoteDefinition":
      return "";
    case "break":
      return "\n";
    case "text":
    case "inlineCode":
    case "code":
      return node.value;
    case "image":
    case "imageReference":
      return node.alt ?? "";
    default:
      return "children" in node
        ? node.children.map((child) => plainText(child as Nodes)).join("")
        : "";
  }
}

/**
 * Text normalised for comparison: case, Unicode compatibility forms, punctuation and
 * whitespace no longer matter, so re-wrapped or re-punctuated text compares equal.
 */
export function normalizeText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
