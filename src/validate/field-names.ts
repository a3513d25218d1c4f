import { normalizeHeading } from "../markdown/normalize-heading.js";
import type { DesignDoc, MetadataField } from "../markdown/types.js";

/** Keys that docs use for the same header field, normalised; translated names included. */
const FIELD_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  status: ["status", "state", "stage", "implementation status", "状态"],
  owner: ["owner", "owners", "author", "authors", "作者"],
  created: [
    "created",
    "created on",
    "date",
    "start date",
    "creation date",
    "创建时间",
  ],
};

/** The doc's first field that means the same as `key` (`Author` for `Owner`). */
export function findField(
  doc: DesignDoc,
  key: string,
): MetadataField | undefined {
  return doc.fields.find((field) => fieldMeans(field, key));
}

/** Whether a field means the same as `key` (`Author` means `Owner`). */
export function fieldMeans(
  field: Pick<MetadataField, "normalizedKey">,
  key: string,
): boolean {
  const wanted = normalizeHeading(key);
  const names = FIELD_SYNONYMS[wanted] ?? [wanted];
  return names.includes(field.normalizedKey);
}
