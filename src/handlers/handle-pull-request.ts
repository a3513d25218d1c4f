import type { Context } from "probot";
import type { WorkerPool } from "../workers/worker-pool.js";
import {
  statusOf,
  type GitHubClient,
  type Octokit,
  type PullRequestRef,
} from "../github/client.js";
import type { KeyedQueue } from "../github/keyed-queue.js";
import type { DocCache } from "../github/read-docs.js";
import { CHECK_RUN_NAME } from "../report/render-check-run.js";
import { isGone, reportRunFailure } from "./report-failure.js";
import type { RunEvent } from "./run-context.js";
import { runPullRequest } from "./run-pull-request.js";

/** How the handlers reach GitHub. */
export interface GitHubAccess {
  /** A client for one PR, over the event's Octokit. */
  clientFor: (octokit: Octokit, ref: PullRequestRef) => GitHubClient;
  /** The login of this app's bot user (`<slug>[bot]`), looked up once. */
  botLogin: () => Promise<string>;
}

/** What every PR event's handler shares within one process. */
export interface HandlerState extends GitHubAccess {
  appId: number;
  cache: DocCache;
  workers: WorkerPool;
  queue: KeyedQueue;
  /** Today's date, `YYYY-MM-DD`. */
  today: () => string;
}

type PullRequestContext =
  Context<"pull_request"> | Context<"pull_request_review">;
type EventContext = PullRequestContext | Context<"check_run.rerequested">;

/** The PR a run is for, the head sha and labels its event shows. */
interface Target {
  number: number;
  headSha: string;
  labels: readonly string[];
}

/** A webhook payload without what its event always carries: answered 400, never run. */
class BadPayloadError extends Error {
  override name = "BadPayload";
  readonly status = 400;
}

/** Checks the PR on `pull_request` and `pull_request_review` events. */
export function handlePullRequest(state: HandlerState) {
  return (context: PullRequestContext): Promise<void> =>
    runForPullRequest(context, targetOf(context), state, { kind: "change" });
}

/**
 * Checks again the PRs of a `Design docs` check run someone re-ran, and writes a fresh check
 * run even when nothing changed: GitHub shows the check as queued until one comes.
 */
export function handleRerun(state: HandlerState) {
  return async (context: Context<"check_run.rerequested">): Promise<void> => {
    const rerun = readRerun(context.payload, state.appId);
    if (!rerun.ours) return;
    if (rerun.pullRequests.length === 0) {
      // GitHub lists only PRs whose branch is in this repository.
      context.log.info(
        {
          deliveryId: context.id,
          repo: context.payload.repository.full_name,
          headSha: rerun.headSha,
        },
        "Re-run of a check with no pull request in this repository (a fork's PR is checked on its next push or edit)",
      );
      return;
    }
    await Promise.all(
      rerun.pullRequests.map((number) =>
        runForPullRequest(
          context,
          { number, headSha: rerun.headSha, labels: [] },
          state,
          { kind: "rerun", checkRunId: rerun.id },
        ),
      ),
    );
  };
}

/** Applies a status label a person added or removed, then checks the PR. */
export function handleLabel(state: HandlerState) {
  return (
    context: Context<"pull_request.labeled" | "pull_request.unlabeled">,
  ): Promise<void> =>
    runForPullRequest(context, targetOf(context), state, {
      kind: "label",
      action: context.payload.action,
      label: context.payload.label?.name ?? "",
      sender: context.payload.sender.login,
    });
}

function targetOf(context: PullRequestContext): Target {
  const pr: unknown = context.payload.pull_request;
  const head = isObject(pr) && isObject(pr.head) ? pr.head : undefined;
  if (
    !carriesRepository(context.payload) ||
    !isObject(pr) ||
    typeof pr.number !== "number" ||
    typeof head?.sha !== "string"
  )
    throw new BadPayloadError(
      `a ${context.name} event must carry its repository, sender, pull_request.number and pull_request.head.sha`,
    );
  const labels = Array.isArray(pr.labels) ? pr.labels : [];
  return {
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
function readRerun(
  payload: unknown,
  appId: number,
): { id: number; headSha: string; ours: boolean; pullRequests: number[] } {
  const checkRun = isObject(payload) ? payload.check_run : undefined;
  if (
    !carriesRepository(payload) ||
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

/** Whether a payload names its repository (full name, name, owner) and its sender. */
function carriesRepository(payload: unknown): boolean {
  if (!isObject(payload)) return false;
  const { repository, sender } = payload;
  return (
    isObject(repository) &&
    typeof repository.full_name === "string" &&
    typeof repository.name === "string" &&
    isObject(repository.owner) &&
    typeof repository.owner.login === "string" &&
    isObject(sender) &&
    typeof sender.login === "string"
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/**
 * Runs the event's PR: ignores bots (this app included), serialises runs per PR, and logs one
 * line per event with the delivery id, what was checked, what was written, the API calls
 * made and the time taken. A run that fails for good is said on the PR (a failing check run)
 * and fails the delivery, so GitHub can redeliver it; a PR that is gone is nothing to do.
 */
async function runForPullRequest(
  context: EventContext,
  target: Target,
  state: HandlerState,
  event: RunEvent,
): Promise<void> {
  const { payload } = context;
  const repo = payload.repository.full_name;
  const pr = target.number;
  const fields = { deliveryId: context.id, repo, pr, action: payload.action };
  if (context.isBot) {
    context.log.debug(fields, "Ignored: sent by a bot");
    return;
  }
  const calls = countCalls(context);
  const client = state.clientFor(context.octokit, {
    owner: payload.repository.owner.login,
    repo: payload.repository.name,
    number: pr,
    appId: state.appId,
  });
  const host = {
    client,
    cache: state.cache,
    workers: state.workers,
    appId: state.appId,
    botLogin: state.botLogin,
    today: state.today(),
  };
  const runTarget = {
    owner: payload.repository.owner.login,
    repo: payload.repository.name,
    headSha: target.headSha,
    labels: target.labels,
  };
  const progress = { headSha: target.headSha };
  try {
    const result = await state.queue.run(`${repo}#${pr}`, () =>
      runPullRequest(host, runTarget, event, progress).catch(
        async (error: unknown) => {
          // Within the PR's turn, so a later run's verdict is never overwritten by this one.
          // On the latest head the run knew: after its own status commit, the bot's own
          // synchronize is ignored, so that head would have no check run at all.
          await reportRunFailure(
            client,
            { headSha: progress.headSha, deliveryId: context.id },
            error,
          ).catch((reportError: unknown) => {
            context.log.warn(
              { ...fields, err: reportError },
              `${repo}#${pr}: could not report the failed run on the PR`,
            );
          });
          throw error;
        },
      ),
    );
    context.log.info(
      { ...fields, ...result, ...calls.done() },
      `${repo}#${pr}: ${result.docs} design doc(s), ${result.outcome}, ${result.writes.length > 0 ? result.writes.join(", ") : "nothing written"}`,
    );
  } catch (error) {
    logFailure(context, { ...fields, ...calls.done() }, error);
    if (!isGone(error)) throw error;
  }
}

/** Counts the event's API calls and times it, from now until `done`. */
function countCalls(context: EventContext): {
  done: () => { apiCalls: number; durationMs: number };
} {
  let apiCalls = 0;
  const count = (): void => {
    apiCalls += 1;
  };
  context.octokit.hook.before("request", count);
  const started = performance.now();
  return {
    done() {
      context.octokit.hook.remove("request", count);
      return { apiCalls, durationMs: Math.round(performance.now() - started) };
    },
  };
}

/** The log line of a run that failed: an error, or for a PR that is gone, news. */
function logFailure(
  context: EventContext,
  fields: Record<string, unknown> & { repo: string; pr: number },
  error: unknown,
): void {
  const name = `${fields.repo}#${fields.pr}`;
  if (isGone(error))
    context.log.info(
      { ...fields, err: error },
      `${name}: gone (GitHub answered ${statusOf(error)}), nothing to do`,
    );
  else context.log.error({ ...fields, err: error }, `${name}: run failed`);
}
