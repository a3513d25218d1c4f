import type { Nodes } from "mdast";
import { walkTree } from "./walk-tree.js";

/**
 * The text a reader sees in a node: markup dropped, HTML (comments included) left out,
 * image alt text kept. Line breaks inside a paragraph stay as `\n`.
 */
export function plainText(node: Nodes): string {
  const parts: string[] = [];
  walkTree([node], (current) => {
    switch (current.type) {
      case "html":
      case "yaml":
      case "definition":
      case "footnoteDefinition":
        return false;
      case "break":
        parts.push("\n");
        return false;
      case "text":
      case "inlineCode":
      case "code":
        parts.push(current.value);
        return false;
      case "image":
      case "imageReference":
        parts.push(current.alt ?? "");
        return false;
      default:
        return true;
    }
  });
  return parts.join("");
}

/**
 * Text normalised for comparison: case, Unicode compatibility forms, invisible format
 * characters, punctuation and whitespace no longer matter, so re-wrapped or re-punctuated
 * text compares equal.
 */
export function normalizeText(text: string): string {
  return (
    text
      .normalize("NFKC")
      // Invisible format characters (zero-width space and joiner, soft hyphen, bidi marks)
      // would otherwise split a word a reader sees whole.
      .replace(/\p{Cf}/gu, "")
      .toLowerCase()
      .replace(/&/g, " and ")
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim()
  );
}
