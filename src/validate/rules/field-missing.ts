import type { DesignDoc, FieldForm } from "../../markdown/types.js";
import { normalizeText } from "../../markdown/plain-text.js";
import { findField } from "../field-names.js";
import { fieldRequirement, met, unmet, type Rule } from "../rule.js";
import { isStandIn } from "../stand-ins.js";

/**
 * Every header field of the template is in the doc and filled in with more than the
 * placeholder or a stand-in (`Owner: TBD`). The Status is left to the Status rules, which
 * know its vocabulary (`WIP` is a status there, not a stand-in).
 */
export const fieldMissing: Rule = {
  id: "field-missing",
  check(context) {
    return context.template.fields.map((wanted) => {
      const requirement = fieldRequirement(wanted.key);
      const field = findField(context.doc, wanted.key);
      if (!field) {
        return unmet(
          this.id,
          requirement,
          `Field "${wanted.key}" is missing; expected ${hintFor(context.doc, wanted.key)}`,
        );
      }
      if (field.value === "") {
        return unmet(
          this.id,
          requirement,
          `Field "${wanted.key}" is empty; expected a value`,
          field.line,
        );
      }
      if (normalizeText(field.value) === normalizeText(wanted.placeholder)) {
        return unmet(
          this.id,
          requirement,
          `Field "${wanted.key}" is still the template's placeholder "${wanted.placeholder}"; expected the doc's own value`,
          field.line,
        );
      }
      if (wanted.normalizedKey !== "status" && isStandIn(field.value)) {
        return unmet(
          this.id,
          requirement,
          `Field "${wanted.key}" is not filled in: "${field.value}" stands in for a value; expected the doc's own value`,
          field.line,
        );
      }
      return met(this.id, requirement, field.line);
    });
  },
};

/** Where the doc should say the field, in the form its other header fields take. */
function hintFor(doc: DesignDoc, key: string): string {
  const form = headerForm(doc);
  switch (form) {
    case "frontmatter":
      return `"${key.toLowerCase()}: …" in the front matter`;
    case "table":
      return `a row "| ${key} | … |" in the header table`;
    case "line":
      return `a header line "${key}: …"`;
    case "bold":
      return `a header line "**${key}:** …"`;
  }
}

/** The form most of the doc's header fields take; a bold line when it has none. */
function headerForm(doc: DesignDoc): FieldForm {
  const firstSection = doc.sections[0]?.line ?? Infinity;
  const counts = new Map<FieldForm, number>();
  for (const field of doc.fields) {
    if (field.form === "frontmatter" || field.line < firstSection)
      counts.set(field.form, (counts.get(field.form) ?? 0) + 1);
  }
  let best: FieldForm = "bold";
  for (const [form, count] of counts)
    if (count > (counts.get(best) ?? 0)) best = form;
  return best;
}
