import { parseDesignDoc } from "../markdown/parse-design-doc.js";
import { replaceFieldValue } from "../markdown/replace-field-value.js";
import type { Template } from "./types.js";

/**
 * A fresh doc from a template's Markdown: the template's text, with its Status set to the
 * first value of its vocabulary and its Created set to today. Everything else is for the author.
 */
export function createDoc(source: string, template: Template, today: string): string {
  const fill: Record<string, string | undefined> = { status: template.statuses[0], created: today };
  let doc = source;
  for (const [key, value] of Object.entries(fill)) {
    const field = parseDesignDoc(doc).fields.find((candidate) => candidate.normalizedKey === key);
    if (field && value) doc = replaceFieldValue(doc, field, value) ?? doc;
  }
  return doc;
}
