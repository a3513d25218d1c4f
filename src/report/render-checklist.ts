import type { DocReport } from "../validate/check-design-doc.js";
import type { Check } from "../validate/types.js";
import { worstOutcome } from "../validate/worst-outcome.js";
import { neutralize } from "./neutralize.js";
import {
  describeStatus,
  describeSummary,
  describeTemplate,
  sortReports,
  summarize,
} from "./summarize.js";

/** GitHub rejects comments over 65,536 characters; stay clear of it. */
export const MAX_COMMENT_LENGTH = 65_000;

const ICONS = { success: "✅", warning: "⚠️", failure: "❌" } as const;

/**
 * The PR comment: a summary line, then for each doc its template, its Status (raw and
 * normalised) and a task list, `- [x]` for each met requirement and `- [ ]` for each unmet one.
 * `notes` (Markdown, already neutralised) follow the summary line. Deterministic; everything
 * taken from a doc is neutralised; never over `MAX_COMMENT_LENGTH`.
 */
export function renderChecklist(
  reports: readonly DocReport[],
  notes: readonly string[] = [],
): string {
  const sorted = sortReports(reports);
  const head = [
    `### ${ICONS[worstOutcome(sorted)]} Design docs: ${describeSummary(summarize(sorted))}`,
    ...notes.flatMap((note) => ["", note]),
  ];
  const body = sorted.flatMap(renderDoc);
  return fitLines(head, body, MAX_COMMENT_LENGTH);
}

function renderDoc(report: DocReport): string[] {
  return [
    "",
    `#### ${ICONS[report.outcome]} ${neutralize(report.path)}`,
    `Template: ${neutralize(describeTemplate(report))} · Status: ${neutralize(describeStatus(report))}`,
    "",
    ...report.checks.map(renderCheck),
  ];
}

function renderCheck(check: Check): string {
  if (check.met) return `- [x] ${neutralize(check.requirement)}`;
  const note = check.severity === "warning" ? " _(warning)_" : "";
  return `- [ ] ${neutralize(check.message ?? check.requirement)}${note}`;
}

/** Joins lines, dropping the tail (with a notice saying how much) when over the limit. */
function fitLines(
  head: readonly string[],
  body: readonly string[],
  limit: number,
): string {
  const lines = [...head];
  let length = lines.join("\n").length;
  for (const [index, line] of body.entries()) {
    const left = body.length - index;
    const notice = `\n\n_…${left} more line${left === 1 ? "" : "s"} not shown: the comment would pass GitHub's size limit. Run \`npx design-docs check\` for the full list._`;
    if (length + 1 + line.length + notice.length > limit)
      return lines.join("\n") + notice;
    lines.push(line);
    length += 1 + line.length;
  }
  return lines.join("\n");
}
