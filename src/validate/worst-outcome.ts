import type { DocReport, Outcome } from "./check-design-doc.js";

/**
 * The outcome of a set of docs: a failure when one fails, else a warning when one has
 * warnings, else success (no docs at all included). The one verdict the check run, the
 * comment's headline and the CLI's exit code all show, so they cannot disagree.
 */
export function worstOutcome(
  reports: readonly Pick<DocReport, "outcome">[],
): Outcome {
  if (reports.some((report) => report.outcome === "failure")) return "failure";
  return reports.some((report) => report.outcome === "warning")
    ? "warning"
    : "success";
}
