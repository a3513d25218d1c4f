import type { DocReport, Outcome } from "../validate/check-design-doc.js";
import type { Check } from "../validate/types.js";
import { worstOutcome } from "../validate/worst-outcome.js";
import type { CheckRunAnnotation } from "../github/client.js";

/** The check run's name, as branch rules require it. */
export const CHECK_RUN_NAME = "Design docs";

/** GitHub accepts at most 50 annotations per request. */
export const ANNOTATION_BATCH = 50;

/** What the check run reports. */
export interface CheckRunOutput {
  conclusion: "success" | "failure" | "neutral";
  title: string;
  summary: string;
  annotations: CheckRunAnnotation[];
}

const CONCLUSIONS: Record<Outcome, CheckRunOutput["conclusion"]> = {
  success: "success",
  warning: "neutral",
  failure: "failure",
};
const MAX_ANNOTATION_MESSAGE = 4000;

/** The most annotations one check run carries; the checklist in its summary has the rest. */
export const MAX_ANNOTATIONS = 500;

/**
 * The check run for a PR: `success` when every requirement is met, `failure` when a
 * failure-level one is not, `neutral` when only warnings remain. The summary is the
 * checklist; each unmet requirement is an annotation at its file and line, failures first,
 * at most `MAX_ANNOTATIONS` of them (a PR with hundreds of failing docs would otherwise cost
 * a hundred requests per push), with a line saying how many more there are.
 */
export function renderCheckRun(
  reports: readonly DocReport[],
  title: string,
  checklist: string,
): CheckRunOutput {
  const annotations = reports
    .flatMap((report) =>
      report.checks.flatMap((check) =>
        check.met || check.severity === undefined
          ? []
          : [annotationOf(report.path, check, check.severity)],
      ),
    )
    .sort(
      (a, b) =>
        Number(a.annotation_level === "warning") -
        Number(b.annotation_level === "warning"),
    );
  const left = annotations.length - MAX_ANNOTATIONS;
  return {
    conclusion: CONCLUSIONS[worstOutcome(reports)],
    title,
    summary:
      left > 0
        ? `${checklist}\n\n_${left} more annotation${left === 1 ? "" : "s"} not shown: a check run here carries the first ${MAX_ANNOTATIONS}, failures first. The checklist above has every requirement._`
        : checklist,
    annotations: annotations.slice(0, MAX_ANNOTATIONS),
  };
}

function annotationOf(
  path: string,
  check: Check,
  level: CheckRunAnnotation["annotation_level"],
): CheckRunAnnotation {
  return {
    path,
    start_line: check.line ?? 1,
    end_line: check.line ?? 1,
    annotation_level: level,
    title: check.requirement.slice(0, 255),
    message: (check.message ?? check.requirement).slice(
      0,
      MAX_ANNOTATION_MESSAGE,
    ),
  };
}
