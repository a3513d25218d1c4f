import type { Section } from "../markdown/types.js";
import {
  flattenSections,
  namesOf,
  wholeNamesOf,
} from "../templates/parse-template.js";
import type { TemplateSection } from "../templates/types.js";
import { DEFAULT_HEADING_ALIASES } from "./options.js";

/** Which doc section stands for each template section; undefined when the doc lacks it. */
export type SectionMatch = Map<TemplateSection, Section | undefined>;

/**
 * Pairs template sections with doc sections, anywhere in the doc's tree. Headings that match
 * whole are paired first, then those sharing one subject of an `A / B` (or `A and B`) heading,
 * so a doc's "Testing and Rollout" does not take the place of its own "Testing"; aliases are
 * tried only for what is still unmatched, and each doc section stands for one template
 * section at most.
 */
export function matchSections(
  templateSections: readonly TemplateSection[],
  docSections: readonly Section[],
  aliases: Readonly<Record<string, readonly string[]>>,
): SectionMatch {
  const wanted = flattenSections(templateSections);
  const candidates = flattenSections(docSections).map((section) => ({
    section,
    whole: wholeNamesOf(section.title),
    names: namesOf(section.title),
  }));
  const used = new Set<Section>();
  const match: SectionMatch = new Map(
    wanted.map((section) => [section, undefined]),
  );
  const claim = (
    names: ReadonlySet<string>,
    template: TemplateSection,
    nameBy: "whole" | "names",
  ): void => {
    if (match.get(template)) return;
    const found = candidates.find(
      (candidate) =>
        !used.has(candidate.section) &&
        candidate[nameBy].some((name) => names.has(name)),
    );
    if (!found) return;
    used.add(found.section);
    match.set(template, found.section);
  };
  for (const template of wanted)
    claim(new Set(wholeNamesOf(template.title)), template, "whole");
  for (const template of wanted)
    claim(new Set(template.names), template, "names");
  for (const template of wanted)
    claim(aliasNames(template, aliases), template, "names");
  return match;
}

function aliasNames(
  template: TemplateSection,
  aliases: Readonly<Record<string, readonly string[]>>,
): Set<string> {
  // Aliases are headings too: "Pros and Cons" answers to "Pros / Cons" as well.
  const names = new Set<string>();
  for (const group of DEFAULT_HEADING_ALIASES) {
    const spellings = group.flatMap(wholeNamesOf);
    if (template.names.some((name) => spellings.includes(name)))
      spellings.forEach((name) => names.add(name));
  }
  for (const [heading, extra] of Object.entries(aliases)) {
    if (wholeNamesOf(heading).some((name) => template.names.includes(name))) {
      extra.flatMap(wholeNamesOf).forEach((name) => names.add(name));
    }
  }
  return names;
}
