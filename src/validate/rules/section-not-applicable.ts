import { sectionRequirement, unmet, type Rule } from "../rule.js";

/**
 * `N/A` is an answer where the template asks for a section only in some cases (its prompt
 * opens with "If") or marks it optional; elsewhere it is accepted with a warning, since the
 * template expects every design to say something there.
 */
export const sectionNotApplicable: Rule = {
  id: "section-not-applicable",
  check(context) {
    return context.templateSections.flatMap((section) => {
      if (context.stateOf(section) !== "not-applicable") return [];
      if (section.conditional || context.isOptional(section)) return [];
      const found = context.match.get(section);
      return [
        unmet(
          this.id,
          sectionRequirement(section.title),
          `Section "${section.title}" says "${found?.leadText ?? ""}": accepted as an answer, though the template asks every design for this section`,
          found?.line,
        ),
      ];
    });
  },
};
