import type { DocReport } from "../validate/check-design-doc.js";
import { sortReports, summarize } from "./summarize.js";

/** Machine-readable output: the summary counts and every doc report, in path order. */
export function renderJson(reports: readonly DocReport[]): string {
  const sorted = sortReports(reports);
  return `${JSON.stringify({ summary: summarize(sorted), reports: sorted }, null, 2)}\n`;
}
