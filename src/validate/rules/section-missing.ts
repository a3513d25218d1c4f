import { met, sectionRequirement, unmet, type Rule } from "../rule.js";

/** Every required template section is in the doc, under any accepted spelling. */
export const sectionMissing: Rule = {
  id: "section-missing",
  check(context) {
    return context.templateSections.flatMap((section) => {
      const found = context.match.get(section);
      const requirement = sectionRequirement(section.title);
      if (found) return [met(this.id, requirement, found.line)];
      if (context.isOptional(section)) return [];
      const parent = context.parentOf.get(section);
      const where = parent ? ` under "${parent.title}"` : "";
      return [
        unmet(
          this.id,
          requirement,
          `Section "${section.title}" is missing; expected a heading "${section.title}"${where}`,
        ),
      ];
    });
  },
};
