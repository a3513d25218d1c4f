import type { DesignDoc, Section } from "../markdown/types.js";
import { flattenSections } from "../templates/parse-template.js";
import type { Template, TemplateSection } from "../templates/types.js";
import { normalizeHeading } from "../markdown/normalize-heading.js";
import { matchSections, type SectionMatch } from "./match-sections.js";
import {
  statusesOf,
  type StatusDefinition,
  type ValidateOptions,
} from "./options.js";
import { readStatus, type StatusReading } from "./read-status.js";
import type { SectionState } from "./types.js";

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
  isOptional(section: TemplateSection): boolean;
}

/** Works out, once, what the rules share. */
export function createRuleContext(
  doc: DesignDoc,
  template: Template,
  options: ValidateOptions,
): RuleContext {
  const statuses =
    options.statuses ??
    (template.statuses.length > 0
      ? statusesOf(template.statuses)
      : options.defaultStatuses);
  const templateSections = flattenSections(template.sections);
  const match = matchSections(template.sections, doc.sections, options.aliases);
  const matched = new Set(
    [...match.values()].filter((section) => section !== undefined),
  );
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
    stateOf: (section) => sectionState(section, match.get(section), matched),
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
 * How far a doc section goes towards what the template asks. Subsections that stand for no
 * template section count as the section's own text (a "Testing" split into "Unit" and "Load").
 */
function sectionState(
  template: TemplateSection,
  section: Section | undefined,
  matched: ReadonlySet<Section>,
): SectionState {
  if (!section) return "missing";
  if (template.container || template.checklist) return "written";
  const extra = flattenSections(section.children).filter(
    (child) => !matched.has(child),
  );
  const extraWritten = extra.some((child) => child.contentKind === "content");
  if (section.contentKind !== "content")
    return extraWritten ? "written" : section.contentKind;
  const placeholder = new Set(template.placeholder);
  const copied = section.contentUnits.every((unit) => placeholder.has(unit));
  return copied && !extraWritten ? "placeholder" : "written";
}
