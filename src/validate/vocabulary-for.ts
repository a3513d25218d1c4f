import type { Template } from "../templates/types.js";
import {
  statusesOf,
  type StatusDefinition,
  type ValidateOptions,
} from "./options.js";

/**
 * The Status vocabulary a doc is read against: the repo's own (`statuses` in the config), else
 * the one its template's Status line offers, else the default template's. The one place this is
 * decided: the checklist, the labels and the CLI all call it.
 */
export function vocabularyFor(
  template: Pick<Template, "statuses"> | undefined,
  options: Pick<ValidateOptions, "statuses" | "defaultStatuses">,
): StatusDefinition[] {
  if (options.statuses) return options.statuses;
  return template && template.statuses.length > 0
    ? statusesOf(template.statuses)
    : options.defaultStatuses;
}
