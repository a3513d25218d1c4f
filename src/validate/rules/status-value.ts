import { fieldRequirement, met, unmet, type Rule } from "../rule.js";

/** A Status, where there is one, is exactly one value of the vocabulary or one of its aliases. */
export const statusValue: Rule = {
  id: "status-value",
  check(context) {
    const { status, statuses } = context;
    const requirement = fieldRequirement("Status");
    const vocabulary = statuses.map((entry) => entry.name).join(", ");
    const hint = status.suggestion
      ? `; did you mean "${status.suggestion}"?`
      : "";
    switch (status.problem) {
      case undefined:
        return [met(this.id, requirement, status.line)];
      case "missing":
        return [];
      case "options":
        return [
          unmet(
            this.id,
            requirement,
            `Status "${status.raw}" lists several values; expected one of ${vocabulary}`,
            status.line,
          ),
        ];
      case "implementation":
        return [
          unmet(
            this.id,
            requirement,
            `Status "${status.raw}" says how far the implementation got, not what the review decided; expected one of ${vocabulary}${hint}`,
            status.line,
          ),
        ];
      case "unknown":
        return [
          unmet(
            this.id,
            requirement,
            `Status "${status.raw}" is not one of ${vocabulary}${hint}`,
            status.line,
          ),
        ];
    }
  },
};
