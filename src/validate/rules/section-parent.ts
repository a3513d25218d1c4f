import type { Section } from "../../markdown/types.js";
import { sectionRequirement, unmetCited, type Rule } from "../rule.js";
import type { RuleContext } from "../rule-context.js";

/**
 * A template subsection sits under the section the template puts it under, and a top-level
 * template section under no other template section.
 */
export const sectionParent: Rule = {
  id: "section-parent",
  check(context) {
    const docParents = parentsOf(context.doc.sections);
    return context.templateSections.flatMap((section) => {
      const parent = context.parentOf.get(section);
      const found = context.match.get(section);
      const expected = parent && context.match.get(parent);
      if (!found || (parent && !expected)) return [];
      const actual = nearestMatchedAncestor(found, docParents, context);
      if (actual === expected) return [];
      const where = actual
        ? `is under "${actual.title}" (line ${actual.line})`
        : "is not under any template section";
      return [
        unmetCited(
          this.id,
          sectionRequirement(section.title),
          `Section "${section.title}" (line ${found.line}) ${where}; the template puts it ${parent ? `under "${parent.title}"` : "at the top level"}`,
          found.line,
        ),
      ];
    });
  },
};

function parentsOf(
  sections: readonly Section[],
  parent?: Section,
  into = new Map<Section, Section>(),
): Map<Section, Section> {
  for (const section of sections) {
    if (parent) into.set(section, parent);
    parentsOf(section.children, section, into);
  }
  return into;
}

function nearestMatchedAncestor(
  section: Section,
  parents: ReadonlyMap<Section, Section>,
  context: RuleContext,
): Section | undefined {
  const matched = new Set(context.match.values());
  for (
    let current = parents.get(section);
    current;
    current = parents.get(current)
  ) {
    if (matched.has(current)) return current;
  }
  return undefined;
}
