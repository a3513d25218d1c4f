import type { ConfigError } from "../config/parse-config.js";
import { CONFIG_PATH } from "../config/parse-config.js";
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
