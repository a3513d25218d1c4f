import type { ExistingComment } from "../github/client.js";
import type { DocReport } from "../validate/check-design-doc.js";
import { neutralize } from "./neutralize.js";
import type { CommentPlan } from "./plan-comment.js";

/** The line a merged PR's checklist comment gains: with which Status each doc was merged. */
export function mergedLine(reports: readonly DocReport[]): string {
  if (reports.length === 0)
    return "**Merged** without a change to any design doc.";
  const docs = reports.map((report) => {
    const status = report.status.value ?? report.status.raw;
    return `${neutralize(report.path)} ${status === undefined ? "without a Status" : `at **${neutralize(status)}**`}`;
  });
  return `**Merged** with ${docs.join(", ")}.`;
}

/**
 * Plans the merged line onto the checklist comment (the oldest of this app's): appended once,
 * so a redelivered `closed` writes nothing. A PR without a checklist comment gets none.
 */
export function planMergedComment(
  ours: readonly ExistingComment[],
  line: string,
): CommentPlan {
  const [kept] = ours;
  const done = !kept || kept.body.split("\n").includes(line);
  return {
    create: undefined,
    update: done ? undefined : { id: kept.id, body: `${kept.body}\n\n${line}` },
    remove: [],
  };
}
