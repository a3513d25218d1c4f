import type { Section } from "../../markdown/types.js";
import type { TemplateSection } from "../../templates/types.js";
import { sectionRequirement, unmetCited, type Rule } from "../rule.js";
import type { RuleContext } from "../rule-context.js";

/**
 * A template subsection sits under the section the template puts it under, and a top-level
 * template section under no other template section.
 */
export const sectionParent: Rule = {
  id: "section-parent",
  check(context) {
    return [...misplacedSections(context)].map(
      ([section, { found, actual, parent }]) => {
        const where = actual
          ? `is under "${actual.title}" (line ${actual.line})`
          : "is not under any template section";
        return unmetCited(
          this.id,
          sectionRequirement(section.title),
          `Section "${section.title}" (line ${found.line}) ${where}; the template puts it ${parent ? `under "${parent.title}"` : "at the top level"}`,
          found.line,
        );
      },
    );
  },
};

/** Where the doc has a template section that is not nested as the template nests it. */
export interface Misplacement {
  /** The doc's section for it. */
  found: Section;
  /** The nearest doc section above it that stands for a template section, if any. */
  actual: Section | undefined;
  /** The template's parent, which the doc has elsewhere; none for a top-level section. */
  parent: TemplateSection | undefined;
}

/**
 * The template sections the doc has under another section than the template's parent (when
 * the doc has that parent at all), or, for a top-level section, under another template
 * section; in template order. Other rules leave these out, so one misplaced section makes one
 * finding.
 */
export function misplacedSections(
  context: RuleContext,
): Map<TemplateSection, Misplacement> {
  const docParents = parentsOf(context.doc.sections);
  const misplaced = new Map<TemplateSection, Misplacement>();
  for (const section of context.templateSections) {
    const parent = context.parentOf.get(section);
    const found = context.match.get(section);
    const expected = parent && context.match.get(parent);
    if (!found || (parent && !expected)) continue;
    const actual = nearestMatchedAncestor(found, docParents, context);
    if (actual !== expected) misplaced.set(section, { found, actual, parent });
  }
  return misplaced;
}

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
