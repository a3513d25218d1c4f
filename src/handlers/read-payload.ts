import { CHECK_RUN_NAME } from "../report/render-check-run.js";
import type { RunTarget } from "./run-context.js";

/** The PR an event is for: its repository, number, and the head and labels it shows. */
export interface EventTarget extends RunTarget {
  number: number;
}

/** A webhook payload without what its event always carries: answered 400, never run. */
class BadPayloadError extends Error {
  override name = "BadPayload";
  readonly status = 400;
}

/** The PR a `pull_request` or `pull_request_review` payload names. */
export function targetOf(event: string, payload: unknown): EventTarget {
  const pr = isObject(payload) ? payload.pull_request : undefined;
  const head = isObject(pr) && isObject(pr.head) ? pr.head : undefined;
  const repository = repositoryOf(payload);
  if (
    !repository ||
    !isObject(pr) ||
    typeof pr.number !== "number" ||
    typeof head?.sha !== "string"
  )
    throw new BadPayloadError(
      `a ${event} event must carry its repository, sender, pull_request.number and pull_request.head.sha`,
    );
  const labels = Array.isArray(pr.labels) ? pr.labels : [];
  return {
    ...repository,
    number: pr.number,
    headSha: head.sha,
    labels: labels.flatMap((label: unknown) =>
      isObject(label) && typeof label.name === "string" ? [label.name] : [],
    ),
  };
}

/**
 * The check run a re-run names: whether it is this app's `Design docs` (other checks'
 * re-runs are theirs), its head and the PRs GitHub lists for it.
 */
export function readRerun(
  payload: unknown,
  appId: number,
): { id: number; headSha: string; ours: boolean; pullRequests: number[] } {
  const checkRun = isObject(payload) ? payload.check_run : undefined;
  if (
    !repositoryOf(payload) ||
    !isObject(checkRun) ||
    typeof checkRun.id !== "number" ||
    typeof checkRun.head_sha !== "string" ||
    !Array.isArray(checkRun.pull_requests)
  )
    throw new BadPayloadError(
      "a check_run event must carry its repository, sender and check_run.id, head_sha and pull_requests",
    );
  return {
    id: checkRun.id,
    headSha: checkRun.head_sha,
    ours:
      checkRun.name === CHECK_RUN_NAME &&
      isObject(checkRun.app) &&
      checkRun.app.id === appId,
    pullRequests: checkRun.pull_requests.flatMap((pr: unknown) =>
      isObject(pr) && typeof pr.number === "number" ? [pr.number] : [],
    ),
  };
}

/** What a push says about itself: where it went, and the files its commits touched. */
export interface PushFacts {
  owner: string;
  repo: string;
  /** Whether it went to the repository's default branch. */
  toDefaultBranch: boolean;
  /** Every file added, modified or removed by its commits. */
  files: string[];
  /**
   * False when the files may not be all the push changed: GitHub lists at most 2,048 commits,
   * and a force-push (one that resets the branch to an older commit, say) lists none of what
   * it undid.
   */
  complete: boolean;
}

/** GitHub lists at most this many commits in a push payload. */
const MAX_PUSH_COMMITS = 2048;

/** The push a `push` payload describes. */
export function readPush(payload: unknown): PushFacts {
  const repository = repositoryOf(payload);
  const fields = isObject(payload) ? payload : {};
  const details = isObject(fields.repository) ? fields.repository : {};
  const { ref, commits } = fields;
  if (
    !repository ||
    typeof ref !== "string" ||
    typeof details.default_branch !== "string" ||
    !Array.isArray(commits)
  )
    throw new BadPayloadError(
      "a push event must carry its repository (with default_branch), sender, ref and commits",
    );
  const head = isObject(fields.head_commit) ? [fields.head_commit] : [];
  const files = new Set<string>();
  for (const commit of [...commits, ...head]) {
    if (!isObject(commit)) continue;
    for (const list of [commit.added, commit.modified, commit.removed])
      if (Array.isArray(list))
        for (const path of list) if (typeof path === "string") files.add(path);
  }
  return {
    ...repository,
    toDefaultBranch: ref === `refs/heads/${details.default_branch}`,
    files: [...files],
    complete:
      fields.forced !== true &&
      commits.length > 0 &&
      commits.length < MAX_PUSH_COMMITS,
  };
}

/**
 * The repository a payload names, when it names it whole (full name, name, owner) and its
 * sender too.
 */
function repositoryOf(
  payload: unknown,
): { owner: string; repo: string } | undefined {
  if (!isObject(payload)) return undefined;
  const { repository, sender } = payload;
  return isObject(repository) &&
    typeof repository.full_name === "string" &&
    typeof repository.name === "string" &&
    isObject(repository.owner) &&
    typeof repository.owner.login === "string" &&
    isObject(sender) &&
    typeof sender.login === "string"
    ? { owner: repository.owner.login, repo: repository.name }
    : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
