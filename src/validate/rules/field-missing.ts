import { normalizeText } from "../../markdown/plain-text.js";
import { findField } from "../field-names.js";
import { fieldRequirement, met, unmet, type Rule } from "../rule.js";

/** Every header field of the template is in the doc and filled in with more than the placeholder. */
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
          `Field "${wanted.key}" is missing; expected a header line "**${wanted.key}:** …"`,
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
      return met(this.id, requirement, field.line);
    });
  },
};
