import type { DocReport } from "../validate/check-design-doc.js";

/** The status a PR's label shows, and which doc decided it. */
export interface PullRequestStatus {
  /** The least advanced Status among the docs; undefined when no doc has one. */
  status: string | undefined;
  /** The doc holding the PR at that status, when docs disagree. */
  heldBy: string | undefined;
}

/**
 * The PR's status: the least advanced Status among its docs (WIP < In Review < Approved <
 * Obsolete, i.e. the vocabulary's order). Docs without a recognised Status add nothing.
 */
export function choosePullRequestStatus(
  reports: readonly DocReport[],
  vocabulary: readonly string[],
): PullRequestStatus {
  const ranked = reports
    .filter((report) => report.status.value !== undefined)
    .map((report) => ({
      path: report.path,
      status: report.status.value as string,
      rank: vocabulary.indexOf(report.status.value as string),
    }))
    .filter((entry) => entry.rank >= 0)
    .sort((a, b) => a.rank - b.rank || (a.path < b.path ? -1 : 1));
  const [least] = ranked;
  if (!least) return { status: undefined, heldBy: undefined };
  const mixed = ranked.some((entry) => entry.status !== least.status);
  return { status: least.status, heldBy: mixed ? least.path : undefined };
}
