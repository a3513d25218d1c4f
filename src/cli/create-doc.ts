import type { Template } from "../templates/types.js";
import { setField } from "../validate/set-status.js";

/**
 * A fresh doc from a template's Markdown: the template's text with its Status set to the
 * first value of its vocabulary (`defaultStatus` for a template that names none) and its
 * Created set to today. A template without those header fields gets them in its own form (a
 * front matter key, else a bold header line under the title), so the new doc lacks only
 * what the author has to write.
 */
export function createDoc(
  source: string,
  template: Template,
  today: string,
  defaultStatus: string,
): string {
  const status = setField(
    source,
    "status",
    template.statuses[0] ?? defaultStatus,
  );
  const withStatus = status ?? source;
  return setField(withStatus, "created", today) ?? withStatus;
}
