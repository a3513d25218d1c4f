import { outcomeOf, type DocReport } from "./check-design-doc.js";
import {
  DEFAULT_LINK_STATUSES,
  judgeLink,
  type LinkOutcome,
  type LinkStatuses,
} from "./judge-link.js";
import { parseLinkTarget, resolvePath } from "./link-target.js";
import { linkLabel } from "./read-links.js";
import type { Check, DocLinkRef } from "./types.js";

/** A file a doc links to, as read at the PR's head. */
export type LinkedFile =
  /** Its Status in the vocabulary's terms; null when it gives none. */
  | { kind: "doc"; status: string | null }
  | { kind: "absent" }
  | { kind: "unreadable"; reason: string };

/** The rule id of the checks on a doc's links. */
export const LINK_RULE_ID = "links";

/**
 * The repository paths the doc's links name by relative path, each once. Titles and URLs are
 * left to the index, which holds every doc they could name.
 */
export function linkedPaths(report: DocReport): string[] {
  const paths = report.links.flatMap((link) => {
    const path = pathOf(report.path, link);
    return path === undefined ? [] : [path];
  });
  return [...new Set(paths)];
}

/**
 * The report with one check per link it makes by relative path: met when the file is there
 * and fine, else a warning saying why (a missing file, an Approved doc requiring one still WIP
 * or In Review, an Obsolete doc whose successor does not exist, a file that could not be
 * read). `files` holds what was read at each of `linkedPaths`.
 */
export function addLinkChecks(
  report: DocReport,
  files: ReadonlyMap<string, LinkedFile>,
  statuses: LinkStatuses = DEFAULT_LINK_STATUSES,
): DocReport {
  const checks = report.links.flatMap((link): Check[] => {
    if (parseLinkTarget(link.target).kind !== "path") return [];
    const path = pathOf(report.path, link);
    const outcome = linkOutcome(
      path,
      path === undefined ? undefined : files.get(path),
    );
    const requirement = `${linkLabel(link.kind)} "${link.target}"`;
    const finding = judgeLink(
      report.status.value ?? null,
      link,
      outcome,
      statuses,
    );
    return [
      finding
        ? {
            ruleId: LINK_RULE_ID,
            requirement,
            met: false,
            message: finding,
            severity: "warning",
          }
        : { ruleId: LINK_RULE_ID, requirement, met: true },
    ];
  });
  if (checks.length === 0) return report;
  const all = [...report.checks, ...checks];
  return { ...report, checks: all, outcome: outcomeOf(all) };
}

function pathOf(from: string, link: DocLinkRef): string | undefined {
  const target = parseLinkTarget(link.target);
  return target.kind === "path" ? resolvePath(from, target.path) : undefined;
}

function linkOutcome(
  path: string | undefined,
  file: LinkedFile | undefined,
): LinkOutcome {
  if (path === undefined)
    return { kind: "missing", reason: "the path leads out of the repository" };
  if (!file) return { kind: "unreadable", reason: `${path} was not read` };
  switch (file.kind) {
    case "doc":
      return { kind: "found", name: path, status: file.status };
    case "absent":
      return {
        kind: "missing",
        reason: `there is no file ${path} at the PR's head`,
      };
    case "unreadable":
      return { kind: "unreadable", reason: file.reason };
  }
}
