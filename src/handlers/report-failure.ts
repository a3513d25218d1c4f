import { statusOf, type GitHubClient } from "../github/client.js";
import {
  RequestTimeoutError,
  spentRateLimitReset,
} from "../github/request-pipeline.js";
import { codeSpan } from "../report/neutralize.js";
import { CHECK_RUN_NAME } from "../report/render-check-run.js";

/** Statuses that mean the PR, its branch or its repository is gone: nobody is left to tell. */
const GONE = new Set([404, 410]);

/** Whether a run failed because what it was for is gone (404, 410): there is nothing to do. */
export function isGone(error: unknown): boolean {
  return GONE.has(statusOf(error) ?? 0);
}

/**
 * Tells the PR that its run failed for good (retries spent), with a failing `Design docs`
 * check run on the head it was checking: its comment and label may be stale, and a required
 * check must not pass a doc nobody checked. Nothing is said when the PR is gone.
 */
export async function reportRunFailure(
  client: GitHubClient,
  headSha: string,
  deliveryId: string,
  error: unknown,
): Promise<void> {
  if (isGone(error)) return;
  await client.createCheckRun({
    name: CHECK_RUN_NAME,
    headSha,
    conclusion: "failure",
    title: "Could not finish checking",
    summary: [
      `Design Docs Bot could not finish checking this pull request: ${describeFailure(error)}.`,
      "",
      `Its checklist comment and status label may be out of date. Re-run this check to check the PR again (its next push or edit does too); an organisation owner can also redeliver delivery ${codeSpan(deliveryId)} from the GitHub App's advanced settings.`,
    ].join("\n"),
    annotations: [],
  });
}

/** What went wrong, as the end of a sentence. */
export function describeFailure(error: unknown): string {
  const request = requestOf(error);
  const call = request
    ? ` ${codeSpan(`${request.method} ${request.path}`)}`
    : "";
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof RequestTimeoutError)
    return `GitHub did not answer${call} within ${cause.timeoutMs} ms`;
  const reset = spentRateLimitReset(error);
  if (reset)
    return `GitHub's rate limit for this installation was used up${call ? ` at${call}` : ""}, until ${reset.toISOString().slice(11, 16)} UTC`;
  const status = statusOf(error);
  if (request && status !== undefined)
    return `GitHub answered ${status} to${call}`;
  return "the bot hit an unexpected error";
}

/** The request an Octokit error was for, if it was one. */
function requestOf(
  error: unknown,
): { method: string; path: string } | undefined {
  if (typeof error !== "object" || error === null || !("request" in error))
    return undefined;
  const request = error.request as { method?: unknown; url?: unknown };
  return typeof request.method === "string" &&
    typeof request.url === "string" &&
    URL.canParse(request.url)
    ? { method: request.method, path: new URL(request.url).pathname }
    : undefined;
}
