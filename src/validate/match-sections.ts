import type { Section } from "../markdown/types.js";
import { flattenSections, namesOf } from "../templates/parse-template.js";
import type { TemplateSection } from "../templates/types.js";
import { normalizeHeading } from "../markdown/normalize-heading.js";
import { DEFAULT_HEADING_ALIASES } from "./options.js";

/** Which doc section stands for each template section; undefined when the doc lacks it. */
export type SectionMatch = Map<TemplateSection, Section | undefined>;

/**
 * Pairs template sections with doc sections, anywhere in the doc's tree. A heading matches on
 * its own name or either half of an `A / B` heading first; aliases are tried only for what is
 * still unmatched, and each doc section stands for one template section at most.
 */
export function matchSections(
  templateSections: readonly TemplateSection[],
  docSections: readonly Section[],
  aliases: Readonly<Record<string, readonly string[]>>,
): SectionMatch {
  const wanted = flattenSections(templateSections);
  const candidates = flattenSections(docSections).map((section) => ({
    section,
    names: namesOf(section.title),
  }));
  const used = new Set<Section>();
  const match: SectionMatch = new Map(
    wanted.map((section) => [section, undefined]),
  );
  const claim = (
    names: ReadonlySet<string>,
    template: TemplateSection,
  ): void => {
    const found = candidates.find(
      (candidate) =>
        !used.has(candidate.section) &&
        candidate.names.some((name) => names.has(name)),
    );
    if (!found) return;
    used.add(found.section);
    match.set(template, found.section);
  };
  for (const template of wanted) claim(new Set(template.names), template);
  for (const template of wanted) {
    if (!match.get(template)) claim(aliasNames(template, aliases), template);
  }
  return match;
}

function aliasNames(
  template: TemplateSection,
  aliases: Readonly<Record<string, readonly string[]>>,
): Set<string> {
  const names = new Set<string>();
  for (const group of DEFAULT_HEADING_ALIASES) {
    if (template.names.some((name) => group.includes(name)))
      group.forEach((name) => names.add(name));
  }
  for (const [heading, extra] of Object.entries(aliases)) {
    if (template.names.includes(normalizeHeading(heading))) {
      extra.forEach((name) => names.add(normalizeHeading(name)));
    }
  }
  return names;
}
