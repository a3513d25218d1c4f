import type { CheckRunAnnotation } from "../github/client.js";
import { CONFIG_PATH } from "../config/parse-config.js";
import { codeSpan, neutralize } from "./neutralize.js";

/** The config and templates a PR proposes, as checked at its head. */
export interface ProposedConfig {
  /** The files of the config the PR changes. */
  files: string[];
  /** Every error, at the file and line it is on (when the file says). */
  errors: {
    path: string;
    line: number | undefined;
    key: string;
    message: string;
  }[];
}

/**
 * The checklist's section on a proposed config: each error with its file and line, or that
 * it is valid, and that the PR's own docs are still judged by the default branch's rules.
 */
export function renderProposedConfig(proposed: ProposedConfig): string {
  const files = proposed.files.map((path) => codeSpan(path)).join(", ");
  return [
    "#### The proposed configuration",
    "",
    `This PR changes ${files}: checked here as the App will read it once merged. The design docs in this PR are judged by the default branch's rules until then.`,
    "",
    ...(proposed.errors.length === 0
      ? ["- [x] The proposed configuration is valid"]
      : proposed.errors.map(
          (error) =>
            `- [ ] ${codeSpan(error.path)}${error.line === undefined ? "" : ` line ${error.line}`}: ${codeSpan(error.key)}: ${neutralize(error.message)}`,
        )),
  ].join("\n");
}

/** Each error of a proposed config as an annotation on its file and line. */
export function annotateProposedConfig(
  proposed: ProposedConfig,
): CheckRunAnnotation[] {
  return proposed.errors.map((error) => ({
    path: error.path,
    start_line: error.line ?? 1,
    end_line: error.line ?? 1,
    annotation_level: "failure",
    title: `Invalid ${CONFIG_PATH}`,
    message: `${error.key}: ${error.message}`,
  }));
}
