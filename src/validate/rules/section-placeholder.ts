import { sectionRequirement, unmet, type Rule } from "../rule.js";

/** A section says more than the template's own prompt, however re-wrapped or lightly edited. */
export const sectionPlaceholder: Rule = {
  id: "section-placeholder",
  check(context) {
    return context.templateSections.flatMap((section) => {
      const { state, share = 1, copied } = context.assess(section);
      if (state !== "placeholder") return [];
      const what = copied
        ? "is still the template's placeholder text"
        : `is still mostly the template's text (${Math.round(share * 100)} % the same)`;
      return [
        unmet(
          this.id,
          sectionRequirement(section.title),
          `Section "${section.title}" ${what}; expected the doc's own text`,
          context.match.get(section)?.line,
        ),
      ];
    });
  },
};
