import type { Section } from "../markdown/types.js";
import { flattenSections } from "../templates/flatten-sections.js";
import { headingNamesOf, wholeNamesOf } from "../templates/parse-template.js";
import type { TemplateSection } from "../templates/types.js";
import { memoBy } from "./memo-by.js";
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
    ...headingNames(section),
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
    claim(new Set(templateWholeNames(template)), template, "whole");
  for (const template of wanted)
    claim(new Set(template.names), template, "names");
  for (const template of wanted)
    if (!match.get(template))
      claim(aliasNames(template, aliases), template, "names");
  return match;
}

/**
 * The names a doc heading answers to, whole and by subject: worked out once per section,
 * though choosing a template and validating against it match the doc several times.
 */
export const headingNames = memoBy((section: Section) =>
  headingNamesOf(section.title),
);

// Templates are read once per process and matched against every doc: their names and the
// built-in alias spellings are worked out once, not once per doc.
const templateWholeNames = memoBy((template: TemplateSection) =>
  wholeNamesOf(template.title),
);
let defaultSpellings: readonly (readonly string[])[] | undefined;

function defaultAliasSpellings(): readonly (readonly string[])[] {
  defaultSpellings ??= DEFAULT_HEADING_ALIASES.map((group) => [
    ...new Set(group.flatMap(wholeNamesOf)),
  ]);
  return defaultSpellings;
}

function aliasNames(
  template: TemplateSection,
  aliases: Readonly<Record<string, readonly string[]>>,
): Set<string> {
  // Aliases are headings too: "Pros and Cons" answers to "Pros / Cons" as well.
  const names = new Set<string>();
  for (const spellings of defaultAliasSpellings()) {
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
