import { findField } from "../field-names.js";
import { compareDates, parseDate } from "../parse-date.js";
import { fieldRequirement, met, unmet, type Rule } from "../rule.js";

/** `Created`, where the doc has one, is a real calendar date and not in the future. */
export const createdDate: Rule = {
  id: "created-date",
  check(context) {
    const field = findField(context.doc, "created");
    if (!field || field.value === "") return [];
    const requirement = fieldRequirement(
      context.template.fields.find((f) => f.normalizedKey === "created")?.key ??
        field.key,
    );
    const date = parseDate(field.value);
    if (!date) {
      return [
        unmet(
          this.id,
          requirement,
          `Created "${field.value}" is not a date; expected a date such as ${context.options.today}`,
          field.line,
        ),
      ];
    }
    const today = parseDate(context.options.today);
    if (today && compareDates(date, today) > 0) {
      return [
        unmet(
          this.id,
          requirement,
          `Created "${field.value}" is in the future; expected a date on or before ${context.options.today}`,
          field.line,
        ),
      ];
    }
    return [met(this.id, requirement, field.line)];
  },
};
