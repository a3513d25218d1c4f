import type { DocReport } from "../validate/check-design-doc.js";

/** Counts over a set of doc reports, for summary lines. */
export interface Summary {
  docs: number;
  failing: number;
  warning: number;
  unmet: number;
}

/** Counts docs by outcome and unmet requirements over all of them. */
export function summarize(reports: readonly DocReport[]): Summary {
  return {
    docs: reports.length,
    failing: reports.filter((report) => report.outcome === "failure").length,
    warning: reports.filter((report) => report.outcome === "warning").length,
    unmet: reports.reduce(
      (sum, report) => sum + report.checks.filter((check) => !check.met).length,
      0,
    ),
  };
}

/** One sentence for the whole set: `2 of 3 design docs fail the template (9 requirements unmet)`. */
export function describeSummary(summary: Summary): string {
  const docs = (n: number): string => `${n} design doc${n === 1 ? "" : "s"}`;
  const unmet = `${summary.unmet} requirement${summary.unmet === 1 ? "" : "s"} unmet`;
  if (summary.docs === 0) return "No design docs to check";
  if (summary.failing > 0) {
    const verb = summary.failing === 1 ? "fails" : "fail";
    return `${summary.failing} of ${docs(summary.docs)} ${verb} the template (${unmet})`;
  }
  if (summary.warning > 0)
    return `${docs(summary.docs)} checked: warnings only (${unmet})`;
  return `${docs(summary.docs)} checked: every requirement met`;
}

/**
 * The Status as shown to people: raw beside normalised (and the doc that replaces it, for an
 * obsolete one), or why there is no value.
 */
export function describeStatus(report: DocReport): string {
  const { raw, value, problem, successor } = report.status;
  if (raw === undefined || raw === "") return "none found";
  if (value)
    return successor
      ? `${raw} → ${value}, successor: ${successor}`
      : `${raw} → ${value}`;
  return problem === "options"
    ? `${raw} → (several values, none chosen)`
    : problem === "implementation"
      ? `${raw} → (not a review decision)`
      : `${raw} → (not recognised)`;
}

/** Why the doc was checked against its template, or why against none. */
export function describeTemplate(report: DocReport): string {
  return report.template
    ? `${report.template.id} (${report.templateReason})`
    : `none (${report.templateReason})`;
}

/** Reports in path order, so every rendering is the same for the same docs. */
export function sortReports(reports: readonly DocReport[]): DocReport[] {
  return [...reports].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  );
}
