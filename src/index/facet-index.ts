import type { IndexedDoc } from "./types.js";

/** One choice of a filter: the rows' key, what the control shows, how many docs have it. */
export interface FacetValue {
  key: string;
  label: string;
  count: number;
}

/** The choices of the page's filters, in the order the controls list them. */
export interface IndexFacets {
  /** The vocabulary's order (least advanced first), other statuses, unrecognised, none. */
  status: FacetValue[];
  repo: FacetValue[];
  owner: FacetValue[];
}

// Keys start with "=" for a value, so that no value can pass for "none" or "unrecognised".
const NONE = "-";
const UNRECOGNISED = "?";

/** The key a doc's Status is filtered and sorted by. */
export function statusKey(doc: IndexedDoc): string {
  if (doc.status.normalised !== null) return `=${doc.status.normalised}`;
  return doc.status.raw === null ? NONE : UNRECOGNISED;
}

/** The key a doc's repository is filtered by. */
export function repoKey(doc: IndexedDoc): string {
  return doc.repo === null ? NONE : `=${doc.repo}`;
}

/** The key a doc's owner is filtered by. */
export function ownerKey(doc: IndexedDoc): string {
  return doc.owner === null ? NONE : `=${doc.owner}`;
}

/**
 * The filters' choices. Statuses follow `vocabulary` (least advanced first), then any other
 * normalised status alphabetically, then docs whose Status means nothing, then docs with none;
 * repositories and owners go alphabetically, the docs without one last.
 */
export function facetIndex(
  docs: readonly IndexedDoc[],
  vocabulary: readonly string[],
): IndexFacets {
  const rank = (key: string): number => {
    const at = vocabulary.indexOf(key.slice(1));
    if (key.startsWith("=")) return at >= 0 ? at : vocabulary.length;
    return key === UNRECOGNISED ? vocabulary.length + 1 : vocabulary.length + 2;
  };
  return {
    status: countValues(
      docs,
      statusKey,
      "No Status",
      "Unrecognised Status",
    ).sort((a, b) => rank(a.key) - rank(b.key) || compareLabels(a, b)),
    repo: countValues(docs, repoKey, "Working tree").sort(noneLast),
    owner: countValues(docs, ownerKey, "No owner").sort(noneLast),
  };
}

function countValues(
  docs: readonly IndexedDoc[],
  keyOf: (doc: IndexedDoc) => string,
  noneLabel: string,
  unrecognisedLabel = "",
): FacetValue[] {
  const counts = new Map<string, number>();
  for (const doc of docs) {
    const key = keyOf(doc);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => ({
    key,
    label:
      key === NONE
        ? noneLabel
        : key === UNRECOGNISED
          ? unrecognisedLabel
          : key.slice(1),
    count,
  }));
}

function noneLast(a: FacetValue, b: FacetValue): number {
  return Number(a.key === NONE) - Number(b.key === NONE) || compareLabels(a, b);
}

function compareLabels(a: FacetValue, b: FacetValue): number {
  return a.label.localeCompare(b.label, "en");
}
