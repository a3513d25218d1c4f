import { flattenSections } from "./flatten-sections.js";
import type { ChecklistItem, Template } from "./types.js";

/**
 * A template as JSON holds it. A checklist item's section is the same object as one of the
 * template's sections (the rules look sections up by identity), which JSON cannot say, so it is
 * stored as that section's place among the sections flattened, parents first.
 */
export interface StoredTemplate extends Omit<Template, "title" | "checklist"> {
  title: string | null;
  checklist: { text: string; section: number | null }[];
}

/** The JSON-safe form of a template, which `restoreTemplate` turns back into it. */
export function storeTemplate(template: Template): StoredTemplate {
  const all = flattenSections(template.sections);
  return {
    ...template,
    title: template.title ?? null,
    checklist: template.checklist.map((item) => ({
      text: item.text,
      section: item.section ? all.indexOf(item.section) : null,
    })),
  };
}

/** The template a `StoredTemplate` was made from, its checklist pointing into its sections. */
export function restoreTemplate(stored: StoredTemplate): Template {
  const all = flattenSections(stored.sections);
  const checklist: ChecklistItem[] = stored.checklist.map((item) => ({
    text: item.text,
    section: item.section === null ? undefined : all[item.section],
  }));
  return {
    ...stored,
    title: stored.title ?? undefined,
    checklist,
  };
}
