import { normalizeText } from "../../markdown/plain-text.js";
import { met, unmet, type Rule } from "../rule.js";

const REQUIREMENT = "Title";

/** Titles that templates of every kind leave for the author to replace, normalised. */
const GENERIC_TITLES = new Set([
  "title",
  "your title",
  "your title here",
  "document title",
  "design title",
  "feature name",
  "project name",
  "feature project name",
  "name",
]);

/** A title wholly in brackets (`[Title]`, `<Feature name>`, `{Project}`), as templates write them. */
const BRACKETED = /^\s*[[<{][^\]>}]*[\]>}]\s*$/u;

/** The doc has a title of its own, not the template's and not a placeholder (`# Title`). */
export const titlePlaceholder: Rule = {
  id: "title-placeholder",
  check(context) {
    const { doc, template } = context;
    if (!template.title) return [];
    if (!doc.title)
      return [
        unmet(
          this.id,
          REQUIREMENT,
          `The doc has no title; expected a first heading naming the design`,
        ),
      ];
    if (normalizeText(doc.title) === normalizeText(template.title)) {
      return [
        unmet(
          this.id,
          REQUIREMENT,
          `Title "${doc.title}" is still the template's; expected the design's own name`,
          1,
        ),
      ];
    }
    if (isPlaceholder(doc.title, template.title)) {
      return [
        unmet(
          this.id,
          REQUIREMENT,
          `Title "${doc.title}" is a placeholder; expected the design's own name`,
          1,
        ),
      ];
    }
    return [met(this.id, REQUIREMENT)];
  },
};

/** `Title`, `[Feature name]`, or the template's own bracketed placeholder kept in the title. */
function isPlaceholder(title: string, templateTitle: string): boolean {
  const kept = /[[<{][^\]>}]+[\]>}]/u.exec(templateTitle)?.[0];
  return (
    GENERIC_TITLES.has(normalizeText(title)) ||
    BRACKETED.test(title) ||
    (kept !== undefined && title.includes(kept))
  );
}
