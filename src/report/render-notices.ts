import type { ConfigError } from "../config/parse-config.js";
import { CONFIG_PATH } from "../config/parse-config.js";
import type { DocReport } from "../validate/check-design-doc.js";
import { codeSpan, neutralize } from "./neutralize.js";

/** The comment when the repo config cannot be used: every error, each naming its key. */
export function renderConfigErrors(errors: readonly ConfigError[]): string {
  return [
    `### ❌ Design docs: \`${CONFIG_PATH}\` is invalid`,
    "",
    `No design doc was checked and no label was changed. Fix ${errors.length === 1 ? "this key" : "these keys"} on the default branch (or in the organisation's \`.github\` repository it extends):`,
    "",
    ...errors.map(
      (error) => `- [ ] ${codeSpan(error.key)}: ${neutralize(error.message)}`,
    ),
  ].join("\n");
}

/** The comment once a PR no longer changes any design doc. */
export function renderNoDocs(paths: readonly string[]): string {
  const globs = paths.map(codeSpan).join(", ");
  return [
    "### Design docs: nothing to check",
    "",
    `This pull request no longer changes any design doc (${globs}).`,
  ].join("\n");
}

/** The note on which status label the PR carries, and which doc holds it back. */
export function describeStatusLabel(
  label: string | undefined,
  heldBy: string | undefined,
): string {
  if (label === undefined)
    return "Status label: none, as no doc has a recognised Status.";
  const name = neutralize(label);
  return heldBy === undefined
    ? `Status label: **${name}**.`
    : `Status label: **${name}**, held back by ${neutralize(heldBy)}, the least advanced doc.`;
}

/**
 * The note while a status asked for by label waits for the docs: who asked, and the line of
 * each doc the author must change.
 */
export function describePending(
  pending: { status: string; by: string },
  reports: readonly DocReport[],
): string {
  const status = neutralize(pending.status);
  const lines = reports
    .filter((report) => report.status.value !== pending.status)
    .map((report) =>
      report.status.line === undefined
        ? `- ${neutralize(report.path)}: add a line ${codeSpan(`**Status:** ${pending.status}`)} under the title`
        : `- ${neutralize(report.path)}, line ${report.status.line}: set the Status to ${codeSpan(pending.status)}`,
    );
  return [
    `${neutralize(`@${pending.by}`)} set **${status}**, but Design Docs Bot cannot push to this branch. To apply it, change:`,
    ...lines,
  ].join("\n");
}
