import { sectionRequirement, unmet, type Rule } from "../rule.js";

/** A section that is present says something: it is neither empty nor only HTML comments. */
export const sectionEmpty: Rule = {
  id: "section-empty",
  check(context) {
    return context.templateSections.flatMap((section) => {
      const state = context.stateOf(section);
      const line = context.match.get(section)?.line;
      const requirement = sectionRequirement(section.title);
      if (state === "empty") {
        return [
          unmet(
            this.id,
            requirement,
            `Section "${section.title}" is empty; expected text of its own`,
            line,
          ),
        ];
      }
      if (state === "comments") {
        return [
          unmet(
            this.id,
            requirement,
            `Section "${section.title}" holds only HTML comments; expected text a reader can see`,
            line,
          ),
        ];
      }
      return [];
    });
  },
};
