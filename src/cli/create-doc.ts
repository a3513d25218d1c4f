import { setField } from "../validate/set-status.js";

/**
 * A fresh doc from a template's Markdown: the template's text with its Status set to `status`
 * and its Created set to today. A template without those header fields gets them in its own
 * form (a front matter key, else a bold header line under the title), so the new doc lacks
 * only what the author has to write.
 */
export function createDoc(
  source: string,
  today: string,
  status: string,
): string {
  const withStatus = setField(source, "status", status) ?? source;
  return setField(withStatus, "created", today) ?? withStatus;
}
