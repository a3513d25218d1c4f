import { sectionRequirement, unmet, type Rule } from "../rule.js";

/** A section says more than the template's own example text, however re-wrapped. */
export const sectionPlaceholder: Rule = {
  id: "section-placeholder",
  check(context) {
    return context.templateSections.flatMap((section) =>
      context.stateOf(section) === "placeholder"
        ? [
            unmet(
              this.id,
              sectionRequirement(section.title),
              `Section "${section.title}" is still the template's placeholder text; expected the doc's own text`,
              context.match.get(section)?.line,
            ),
          ]
        : [],
    );
  },
};
