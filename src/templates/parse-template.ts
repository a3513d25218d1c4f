import { parseDesignDoc } from "../markdown/parse-design-doc.js";
import {
  isOptionalHeading,
  normalizeHeading,
} from "../markdown/normalize-heading.js";
import type { DesignDoc, Section, TaskItem } from "../markdown/types.js";
import type {
  ChecklistItem,
  Template,
  TemplateField,
  TemplateSection,
} from "./types.js";
import { flattenSections } from "./flatten-sections.js";
import { matchChecklistItem } from "./match-checklist-item.js";

const STATUS_KEY = "status";
const OPTION_SEPARATOR = /\s*(?:,|\|)\s*/u;

/**
 * Reads a template out of its Markdown with the same parser that reads docs: the sections and
 * their nesting, the header fields (before the first section) and their placeholder values, the Status vocabulary (the
 * options listed as the template's Status value), every section's placeholder text, and the
 * appendix checklist (a section titled as a checklist that holds only task items).
 */
export function parseTemplate(
  id: string,
  markdown: string,
  origin = "built-in",
): Template {
  const doc = parseDesignDoc(markdown);
  const sections = doc.sections.map((section) =>
    toTemplateSection(section, doc.tasks),
  );
  const firstSection = doc.sections[0]?.line ?? Infinity;
  const header = doc.fields.filter((field) => field.line < firstSection);
  const fields: TemplateField[] = header.map((field) => ({
    key: field.key,
    normalizedKey: field.normalizedKey,
    placeholder: field.value,
  }));
  const status = fields.find((field) => field.normalizedKey === STATUS_KEY);
  return {
    id,
    origin,
    title: doc.title,
    fields,
    statuses: status
      ? status.placeholder.split(OPTION_SEPARATOR).filter(Boolean)
      : [],
    sections,
    checklist: readChecklist(doc, sections),
  };
}

function toTemplateSection(
  section: Section,
  tasks: readonly TaskItem[],
): TemplateSection {
  const children = section.children.map((child) =>
    toTemplateSection(child, tasks),
  );
  const ownTasks = tasks.filter(
    (task) => task.line > section.line && task.line <= ownEnd(section),
  );
  return {
    title: section.title,
    names: namesOf(section.title),
    line: section.line,
    optional: isOptionalHeading(section.title),
    container: section.contentKind === "empty" && children.length > 0,
    checklist:
      /checklist/iu.test(section.title) &&
      ownTasks.length > 0 &&
      ownTasks.length === section.contentUnits.length,
    placeholder: section.contentUnits,
    prompt: [...section.contentUnits, ...section.commentUnits],
    conditional: isConditional([
      ...section.commentUnits,
      ...section.contentUnits,
    ]),
    children,
  };
}

/**
 * Whether the template asks for the section only in some cases: its prompt opens with "If"
 * ("If this design is replacing an existing design, …") or says "if applicable".
 */
function isConditional(prompt: readonly string[]): boolean {
  return prompt.some(
    (unit, index) =>
      (index === 0 && unit.startsWith("if ")) ||
      /\bif (?:applicable|any|relevant|needed)\b/u.test(unit),
  );
}

/**
 * Where a heading joins two subjects: `/` anywhere, as in `Security/Privacy`; `&`, `+` and
 * `and` only as words, so `Q&A`, `C++` and `Standards` stay whole; `,` before a space, so
 * `1,000` does too.
 */
const JOINT = /\s*\/\s*|\s+(?:&|\+|and)\s+|,\s+/iu;

/**
 * The names a heading answers to: the whole heading and, for a heading that joins subjects
 * (`Security / Privacy`, `Security & Privacy`, `Security and Privacy`, `Security + Privacy`,
 * `Security, Privacy`), each subject on its own.
 */
export function namesOf(title: string): string[] {
  return headingNamesOf(title).names;
}

/**
 * The names of a heading taken whole: its normalised text and, when it joins subjects, the
 * subjects joined by a space and by `and`, so that every joint reads the same on either side:
 * `Security / Privacy` and `Security and Privacy` share both `security privacy` and
 * `security and privacy`.
 */
export function wholeNamesOf(title: string): string[] {
  return headingNamesOf(title).whole;
}

/** Both of a heading's sets of names (see namesOf and wholeNamesOf), its subjects split once. */
export function headingNamesOf(title: string): {
  whole: string[];
  names: string[];
} {
  const subjects = subjectsOf(title);
  const joined =
    subjects.length > 1 ? [subjects.join(" "), subjects.join(" and ")] : [];
  const whole = [
    ...new Set([normalizeHeading(title), ...joined].filter(Boolean)),
  ];
  return { whole, names: [...new Set([...whole, ...subjects])] };
}

function subjectsOf(title: string): string[] {
  const parts = title.split(JOINT).map(normalizeHeading).filter(Boolean);
  return parts.length > 1 ? parts : [];
}

function ownEnd(section: Section): number {
  return (section.children[0]?.line ?? section.endLine + 1) - 1;
}

function readChecklist(
  doc: DesignDoc,
  sections: readonly TemplateSection[],
): ChecklistItem[] {
  const all = flattenSections(sections);
  const list = all.find((section) => section.checklist);
  if (!list) return [];
  const end = all.find((section) => section.line > list.line)?.line ?? Infinity;
  return doc.tasks
    .filter((task) => task.line > list.line && task.line < end)
    .map((task) => ({
      text: task.text,
      section: matchChecklistItem(
        task.text,
        all.filter((section) => section !== list),
      ),
    }));
}
