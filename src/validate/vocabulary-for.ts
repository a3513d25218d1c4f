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

/**
 * The vocabulary of a repo whose docs follow `templates`: each template's, in the order the
 * config names them, each status once. What the PR's status labels are made of, so a doc
 * marked with its repo template's own `Accepted` gets an `Accepted` label.
 */
export function repoVocabulary(
  templates: readonly Pick<Template, "statuses">[],
  options: Pick<ValidateOptions, "statuses" | "defaultStatuses">,
): StatusDefinition[] {
  const all = (templates.length > 0 ? templates : [undefined]).flatMap(
    (template) => vocabularyFor(template, options),
  );
  return all.filter(
    (status, index) =>
      all.findIndex((other) => other.name === status.name) === index,
  );
}
