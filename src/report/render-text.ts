import { styleText } from "node:util";
import type { DocReport } from "../validate/check-design-doc.js";
import type { Check } from "../validate/types.js";
import {
  describeStatus,
  describeSummary,
  describeTemplate,
  sortReports,
  summarize,
} from "./summarize.js";

type Style = Parameters<typeof styleText>[0];

/** Plain text for a terminal, coloured when `color` is set. */
export function renderText(
  reports: readonly DocReport[],
  options: { color: boolean },
): string {
  const paint = (style: Style, text: string): string =>
    options.color ? styleText(style, text) : text;
  const sorted = sortReports(reports);
  const lines = sorted.flatMap((report) => [
    paint("bold", report.path),
    `  template: ${describeTemplate(report)}`,
    `  status:   ${describeStatus(report)}`,
    ...report.checks.map((check) => `  ${renderCheck(check, paint)}`),
    "",
  ]);
  lines.push(describeSummary(summarize(sorted)));
  return `${lines.join("\n")}\n`;
}

function renderCheck(
  check: Check,
  paint: (style: Style, text: string) => string,
): string {
  if (check.met) return `${paint("green", "✓")} ${check.requirement}`;
  if (check.severity === "warning")
    return `${paint("yellow", "!")} ${check.message} ${paint("dim", "(warning)")}`;
  return `${paint("red", "✗")} ${check.message}`;
}
