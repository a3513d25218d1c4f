import { outcomeOf, type DocReport } from "../validate/check-design-doc.js";
import { met, unmet } from "../validate/rule.js";

/**
 * Adds the requirement that a doc is in a status the repository merges design docs in
 * (`merge.statuses`): a failure otherwise, so a branch rule requiring the check blocks the
 * merge. Added after any leniency (`drafts: wip`): it is about the merge, not the doc.
 */
export function addMergeCheck(
  report: DocReport,
  statuses: readonly string[],
): DocReport {
  const allowed = orList(statuses);
  const requirement = `Status ${allowed} to merge`;
  const { value, line } = report.status;
  const check =
    value !== undefined && statuses.includes(value)
      ? met("merge-status", requirement, line)
      : {
          ...unmet(
            "merge-status",
            requirement,
            `${report.path} is ${value ?? "without a Status this repository knows"}; this repository merges design docs when ${allowed}`,
            line,
          ),
          severity: "failure" as const,
        };
  const checks = [...report.checks, check];
  return { ...report, checks, outcome: outcomeOf(checks) };
}

/** `A`, `A or B`, `A, B or C`. */
function orList(names: readonly string[]): string {
  return names.length <= 1
    ? (names[0] ?? "")
    : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}
