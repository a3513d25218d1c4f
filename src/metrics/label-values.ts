/**
 * The only values a metric label may take. Each comes from a fixed set (GitHub's event and
 * action names, our rule ids and outcomes, our route templates); anything else, whoever sent
 * it, is counted as "other". A label value is never text a user typed: no doc text, branch,
 * file path, repository or label name can reach a metric, and the number of series stays
 * bounded however hostile the deliveries.
 */

/** Counted in place of any value outside a label's set. */
export const OTHER = "other";

/** The webhook events GitHub sends that the app listens to, and their actions. */
const ACTIONS: Readonly<Record<string, readonly string[]>> = {
  pull_request: [
    "assigned",
    "auto_merge_disabled",
    "auto_merge_enabled",
    "closed",
    "converted_to_draft",
    "demilestoned",
    "dequeued",
    "edited",
    "enqueued",
    "labeled",
    "locked",
    "milestoned",
    "opened",
    "ready_for_review",
    "reopened",
    "review_request_removed",
    "review_requested",
    "synchronize",
    "unassigned",
    "unlabeled",
    "unlocked",
  ],
  pull_request_review: ["submitted", "edited", "dismissed"],
  check_run: ["created", "completed", "rerequested", "requested_action"],
  push: [],
};

/** What a delivery or a run came to, as the handlers and the log line say it. */
const OUTCOMES = new Set([
  "success",
  "warning",
  "failure",
  "neutral",
  "no design docs",
  "skipped: closed",
  "skipped: draft",
  "not a status label",
  "label already gone",
  "merged",
  "merged, no checklist comment",
  "closed unmerged",
  "ignored: bot",
  "ignored: not our check run",
  "no pull request",
  "rules unchanged",
  "rules changed, none re-checked",
  "rechecked",
  "gone",
  "error",
  "mixed",
]);

/** The delivery's event, or "other". */
export function eventLabel(event: string): string {
  return Object.hasOwn(ACTIONS, event) ? event : OTHER;
}

/** The delivery's action within its event, "none" for an event without one, or "other". */
export function actionLabel(event: string, action: unknown): string {
  if (action === undefined) return "none";
  const known = Object.hasOwn(ACTIONS, event) ? ACTIONS[event] : undefined;
  return typeof action === "string" && known?.includes(action) ? action : OTHER;
}

/** A delivery's or a run's outcome, or "other". */
export function outcomeLabel(outcome: string): string {
  return OUTCOMES.has(outcome) ? outcome : OTHER;
}

/** A rule id among `ruleIds` (ours, fixed strings), or "other". */
export function ruleLabel(
  ruleId: string,
  ruleIds: ReadonlySet<string>,
): string {
  return ruleIds.has(ruleId) ? ruleId : OTHER;
}

const METHODS = new Set(["GET", "POST", "PATCH", "PUT", "DELETE", "HEAD"]);

/** The HTTP method of a GitHub call, or "other". */
export function methodLabel(method: string): string {
  const upper = method.toUpperCase();
  return METHODS.has(upper) ? upper : OTHER;
}

/** Routes our code calls that have no parameter: a path with none is one of these or "other". */
const PLAIN_ROUTES = new Set([
  "/app",
  "/app/installations",
  "/graphql",
  "/installation/repositories",
  "/rate_limit",
]);

/**
 * The route template of a GitHub call, as Octokit's `url` holds it
 * (`/repos/{owner}/{repo}/pulls/{pull_number}`), never the expanded path. A next page of a
 * paginated list is called by the absolute URL GitHub's `link` header gave: "next page". A
 * path with no `{parameter}` could be an expanded one, with a repository in it: unless it is
 * one of the few plain routes, "other".
 */
export function routeLabel(url: string): string {
  if (/^https?:\/\//iu.test(url)) return "next page";
  const path = url.split("?")[0] ?? "";
  if (!/^\/[a-z0-9_/{}-]*$/u.test(path)) return OTHER;
  if (path.includes("{")) return path;
  return PLAIN_ROUTES.has(path) ? path : OTHER;
}

/** A status code GitHub answered, "none" when there was no answer, or "other". */
export function statusLabel(status: number | undefined): string {
  if (status === undefined) return "none";
  return Number.isInteger(status) && status >= 100 && status <= 599
    ? String(status)
    : OTHER;
}
