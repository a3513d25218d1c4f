import { normalizeText } from "../../markdown/plain-text.js";
import { met, unmet, type Rule } from "../rule.js";

const REQUIREMENT = "Title";

/** The doc has a title of its own, not the template's. */
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
    return [met(this.id, REQUIREMENT)];
  },
};
