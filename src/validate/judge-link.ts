import { linkLabel } from "./read-links.js";
import type { DocLinkRef, LinkKind } from "./types.js";

/** Which statuses the link findings are about, by their vocabulary names. */
export interface LinkStatuses {
  /** A settled doc: what it requires must be settled too. */
  approved: readonly string[];
  /** A doc still being written or reviewed. */
  unfinished: readonly string[];
  /** A doc that another replaces: the successor it names must exist. */
  obsolete: readonly string[];
}

/** The default vocabulary's. */
export const DEFAULT_LINK_STATUSES: LinkStatuses = {
  approved: ["Approved"],
  unfinished: ["WIP", "In Review"],
  obsolete: ["Obsolete"],
};

/** What a link's target turned out to be. */
export type LinkOutcome =
  /** One doc, shown by `name`, with its normalised Status. */
  | { kind: "found"; name: string; status: string | null }
  /** No doc; `reason` says where it was looked for (`there is no doc at docs/q.md`). */
  | { kind: "missing"; reason: string }
  /** Several docs, none preferred; `reason` names them. */
  | { kind: "ambiguous"; reason: string }
  /** The target could not be read; `reason` says why. */
  | { kind: "unreadable"; reason: string };

const SUCCESSORS: readonly LinkKind[] = ["superseded-by", "replaced-by"];

/**
 * What is wrong with one link of a doc at `status`, one sentence, or undefined when nothing
 * is: a target that names no doc (an Obsolete doc's successor said so), several, or one that
 * could not be read; an Approved doc requiring one still WIP or In Review.
 */
export function judgeLink(
  status: string | null,
  link: DocLinkRef,
  outcome: LinkOutcome,
  statuses: LinkStatuses = DEFAULT_LINK_STATUSES,
): string | undefined {
  const written = `${linkLabel(link.kind)} "${link.target}"`;
  switch (outcome.kind) {
    case "found":
      return link.kind === "requires" &&
        isIn(status, statuses.approved) &&
        isIn(outcome.status, statuses.unfinished)
        ? `${status}, but it requires ${outcome.name}, which is still ${outcome.status}`
        : undefined;
    case "missing":
      return isIn(status, statuses.obsolete) && SUCCESSORS.includes(link.kind)
        ? `${status}, but its successor "${link.target}" does not exist: ${outcome.reason}`
        : `${written} names no doc: ${outcome.reason}`;
    case "ambiguous":
      return `${written} names more than one doc: ${outcome.reason}`;
    case "unreadable":
      return `${written} could not be checked: ${outcome.reason}`;
  }
}

function isIn(status: string | null, names: readonly string[]): boolean {
  return status !== null && names.includes(status);
}
