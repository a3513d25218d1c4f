import { sectionRequirement, unmet, type Rule } from "../rule.js";

/** A section holds more than a stand-in for its text (`TBD`, `TODO`, `Coming soon`, `...`). */
export const sectionStandIn: Rule = {
  id: "section-stand-in",
  check(context) {
    return context.templateSections.flatMap((section) => {
      if (context.stateOf(section) !== "stand-in") return [];
      const found = context.match.get(section);
      return [
        unmet(
          this.id,
          sectionRequirement(section.title),
          `Section "${section.title}" holds only "${found?.leadText ?? ""}", a stand-in for its text; expected the text itself`,
          found?.line,
        ),
      ];
    });
  },
};
