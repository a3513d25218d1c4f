import type { Section } from "../../markdown/types.js";
import { met, unmetCited, type Rule } from "../rule.js";

const REQUIREMENT = "Sections in the template's order";

/** Sections come in the template's order. Out of order is only ever a warning. */
export const sectionOrder: Rule = {
  id: "section-order",
  check(context) {
    let latest: { title: string; section: Section } | undefined;
    for (const template of context.templateSections) {
      const section = context.match.get(template);
      if (!section) continue;
      if (latest && section.line < latest.section.line) {
        return [
          unmetCited(
            this.id,
            REQUIREMENT,
            `Section "${template.title}" (line ${section.line}) comes before "${latest.title}" (line ${latest.section.line}); the template puts it after`,
            section.line,
          ),
        ];
      }
      latest = { title: template.title, section };
    }
    return [met(this.id, REQUIREMENT)];
  },
};
