import { normalizeText } from "./plain-text.js";

const TRAILING_GROUP = /\s*[([][^()[\]]*[)\]]\s*:?\s*$/u;
const OPTIONAL_MARK = /[([]\s*optional\s*[)\]]/iu;

/**
 * Heading text reduced to what identifies the section: `## 1. Alternatives (Optional):` and
 * `## 🏗️ **alternatives**` both become `alternatives`. `&` reads as `and`.
 */
export function normalizeHeading(title: string): string {
  let text = title.trim();
  for (let previous = ""; previous !== text;) {
    previous = text;
    text = text.replace(TRAILING_GROUP, "");
  }
  return normalizeText(text)
    .replace(/^(?:\d+ )+/u, "")
    .trim();
}

/** Whether a heading marks its section as optional, as in `## Migration Plan (optional)`. */
export function isOptionalHeading(title: string): boolean {
  return OPTIONAL_MARK.test(title);
}
