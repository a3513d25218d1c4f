import { ownValue } from "../validate/own-value.js";
import type { LabelStyle } from "./read-statuses.js";

/** A status of the vocabulary and the label that shows it on a PR. */
export interface StatusLabel extends LabelStyle {
  status: string;
}

const DEFAULT_STYLES: Readonly<
  Record<string, { color: string; description: string }>
> = {
  WIP: { color: "fbca04", description: "Design doc: work in progress" },
  "In Review": { color: "1d76db", description: "Design doc: ready for review" },
  Approved: { color: "0e8a16", description: "Design doc: approved" },
  Obsolete: { color: "cfd3d7", description: "Design doc: no longer current" },
};
const FALLBACK_COLOR = "c5def5";

/**
 * The status labels, least advanced first: one per status of the vocabulary, named after it
 * unless the config says otherwise.
 */
export function statusLabelsOf(
  statuses: readonly string[],
  overrides: Readonly<Record<string, Partial<LabelStyle>>>,
): StatusLabel[] {
  return statuses.map((status) => {
    const style = ownValue(overrides, status);
    const defaults = ownValue(DEFAULT_STYLES, status);
    return {
      status,
      name: style?.name ?? status,
      color: style?.color ?? defaults?.color ?? FALLBACK_COLOR,
      description:
        style?.description ??
        defaults?.description ??
        `Design doc status: ${status}`,
    };
  });
}
