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

/** The comment once a PR changes no design doc (any more). */
export function renderNoDocs(
  paths: readonly string[],
  reported: boolean,
  notes: readonly string[] = [],
): string {
  const globs = paths.map(codeSpan).join(", ");
  return [
    "### Design docs: nothing to check",
    "",
    `This pull request ${reported ? "no longer changes any" : "changes no"} design doc (${globs}).`,
    ...notes.flatMap((note) => ["", note]),
  ].join("\n");
}

/** The note when GitHub's file list stops short of the PR's files. */
export function describeTruncated(files: {
  listed: number;
  total: number;
}): string {
  return `This pull request changes ${files.total.toLocaleString("en-US")} files; GitHub lists only the first ${files.listed.toLocaleString("en-US")}, and design docs beyond them were not checked.`;
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
