import type { DesignDoc, Section } from "../markdown/types.js";
import { flattenSections } from "../templates/flatten-sections.js";
import type { Template, TemplateSection } from "../templates/types.js";
import { normalizeHeading } from "../markdown/normalize-heading.js";
import { matchSections, type SectionMatch } from "./match-sections.js";
import type { StatusDefinition, ValidateOptions } from "./options.js";
import { readStatus, type StatusReading } from "./read-status.js";
import { memoBy } from "./memo-by.js";
import { meaningfulWords, shareOfPrompt } from "./similarity.js";
import { isNotApplicable, isStandIn } from "./stand-ins.js";
import type { SectionAssessment, SectionState } from "./types.js";
import { vocabularyFor } from "./vocabulary-for.js";

/** What every rule reads: the doc, its template, and what was worked out once for all rules. */
export interface RuleContext {
  doc: DesignDoc;
  template: Template;
  options: ValidateOptions;
  statuses: StatusDefinition[];
  status: StatusReading;
  /** Template sections in template order, parents first. */
  templateSections: TemplateSection[];
  match: SectionMatch;
  parentOf: Map<TemplateSection, TemplateSection>;
  stateOf(section: TemplateSection): SectionState;
  assess(section: TemplateSection): SectionAssessment;
  isOptional(section: TemplateSection): boolean;
}

/** Works out, once, what the rules share. */
export function createRuleContext(
  doc: DesignDoc,
  template: Template,
  options: ValidateOptions,
): RuleContext {
  const statuses = vocabularyFor(template, options);
  const templateSections = flattenSections(template.sections);
  const match = matchSections(template.sections, doc.sections, options.aliases);
  const matched = new Set(
    [...match.values()].filter((section) => section !== undefined),
  );
  const assessed = new Map<TemplateSection, SectionAssessment>();
  const assess = (section: TemplateSection): SectionAssessment => {
    let found = assessed.get(section);
    if (!found) {
      found = assessSection(section, match.get(section), matched);
      assessed.set(section, found);
    }
    return found;
  };
  const optional = new Set(options.optionalSections.map(normalizeHeading));
  return {
    doc,
    template,
    options,
    statuses,
    status: readStatus(doc, statuses),
    templateSections,
    match,
    parentOf: parentsOf(template.sections),
    stateOf: (section) => assess(section).state,
    assess,
    isOptional: (section) =>
      section.optional || section.names.some((name) => optional.has(name)),
  };
}

function parentsOf(
  sections: readonly TemplateSection[],
): Map<TemplateSection, TemplateSection> {
  const parents = new Map<TemplateSection, TemplateSection>();
  for (const parent of flattenSections(sections)) {
    for (const child of parent.children) parents.set(child, parent);
  }
  return parents;
}

/**
 * The share of a section's meaningful words the template's prompt holds, from which on the
 * section is still the prompt, lightly edited: two thirds. Chosen from the judged docs
 * (test/fixtures/judge) and the section-judgement tests: prompts with words changed, clauses
 * re-ordered or cut short score 81–100 %, a prompt's first sentence kept with a line added
 * 75–81 %; of the 623 written sections of the judged docs, the highest is 59 % (the prompt
 * kept above a list of the doc's own) and the next 44 %.
 */
export const PLACEHOLDER_SHARE = 2 / 3;

/** Fewer meaningful words than this are too few to compare with a prompt. */
export const MIN_COMPARED_WORDS = 3;

// Built-in templates are read once and compared with every doc: their prompts' words too.
const promptWords = memoBy((template: TemplateSection) =>
  meaningfulWords(template.prompt),
);

/**
 * How far a doc section goes towards what the template asks. Subsections that stand for no
 * template section count as the section's own text (a "Testing" split into "Unit" and "Load").
 */
function assessSection(
  template: TemplateSection,
  section: Section | undefined,
  matched: ReadonlySet<Section>,
): SectionAssessment {
  if (!section) return { state: "missing" };
  if (template.container || template.checklist) return { state: "written" };
  const extra = flattenSections(section.children).filter(
    (child) => !matched.has(child),
  );
  const extraWritten = extra.some((child) => child.contentKind === "content");
  if (section.contentKind !== "content")
    return { state: extraWritten ? "written" : section.contentKind };
  if (extraWritten) return { state: "written" };
  const words = meaningfulWords(section.contentUnits);
  if (isStandIn(section.leadText, words.length)) return { state: "stand-in" };
  if (isNotApplicable(section.leadText)) return { state: "not-applicable" };
  const placeholder = new Set(template.placeholder);
  if (section.contentUnits.every((unit) => placeholder.has(unit)))
    return { state: "placeholder", share: 1, copied: true };
  const share = shareOfPrompt(words, promptWords(template));
  return words.length >= MIN_COMPARED_WORDS && share >= PLACEHOLDER_SHARE
    ? { state: "placeholder", share, copied: false }
    : { state: "written" };
}
