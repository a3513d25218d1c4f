import type { Context } from "probot";
import type { WorkerPool } from "../workers/worker-pool.js";
import {
  statusOf,
  type GitHubClient,
  type Octokit,
  type PullRequestRef,
} from "../github/client.js";
import type { KeyedQueue } from "../github/keyed-queue.js";
import type { Metrics } from "../metrics/create-metrics.js";
import type { RepoClient } from "../github/repo-client.js";
import type { DocCache } from "../github/read-docs.js";
import { isGone, reportRunFailure } from "./report-failure.js";
import { readRerun, targetOf, type EventTarget } from "./read-payload.js";
import type { RunEvent, RunHost, RunResult } from "./run-context.js";
import { runPullRequest } from "./run-pull-request.js";

/** How the handlers reach GitHub. */
export interface GitHubAccess {
  /** A client for one PR, over the event's Octokit. */
  clientFor: (octokit: Octokit, ref: PullRequestRef) => GitHubClient;
  /** A client for calls about repositories, not one PR (re-checking after a push). */
  repoClientFor: (octokit: Octokit) => RepoClient;
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
  /** At most this many open PRs are re-checked after one push (`MAX_RECHECK_PRS`). */
  maxRecheckPrs: number;
  metrics: Metrics;
}

/** A handler of one delivery, resolving with its outcome (for /metrics). */
export type DeliveryHandler<C> = (context: C) => Promise<string>;

type PullRequestContext =
  Context<"pull_request"> | Context<"pull_request_review">;
type EventContext =
  PullRequestContext | Context<"check_run.rerequested"> | Context<"push">;

/** Checks the PR on `pull_request` and `pull_request_review` events. */
export function handlePullRequest(state: HandlerState) {
  return async (context: PullRequestContext): Promise<string> => {
    const result = await runForPullRequest(
      context,
      targetOf(context.name, context.payload),
      state,
      { kind: "change" },
    );
    return result.outcome;
  };
}

/**
 * Checks again the PRs of a `Design docs` check run someone re-ran, and writes a fresh check
 * run even when nothing changed: GitHub shows the check as queued until one comes.
 */
export function handleRerun(state: HandlerState) {
  return async (context: Context<"check_run.rerequested">): Promise<string> => {
    const rerun = readRerun(context.payload, state.appId);
    if (!rerun.ours) return "ignored: not our check run";
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
      return "no pull request";
    }
    const results = await Promise.all(
      rerun.pullRequests.map((number) =>
        runForPullRequest(
          context,
          {
            owner: context.payload.repository.owner.login,
            repo: context.payload.repository.name,
            number,
            headSha: rerun.headSha,
            labels: [],
          },
          state,
          { kind: "rerun", checkRunId: rerun.id },
        ),
      ),
    );
    const outcomes = new Set(results.map((result) => result.outcome));
    return outcomes.size === 1 ? [...outcomes][0]! : "mixed";
  };
}

/**
 * On a merged PR, the checklist comment gains the line saying with which Status each doc was
 * merged. A merge queue or another bot merging counts too: only the bot's own events could
 * loop, and it never merges. A PR closed unmerged is left alone, at no API call.
 */
export function handleClosed(state: HandlerState) {
  return async (context: Context<"pull_request.closed">): Promise<string> => {
    if (!context.payload.pull_request.merged) {
      context.log.debug(
        { deliveryId: context.id, pr: context.payload.pull_request.number },
        "Closed without merging: nothing to do",
      );
      return "closed unmerged";
    }
    const result = await runForPullRequest(
      context,
      targetOf(context.name, context.payload),
      state,
      { kind: "merged" },
    );
    return result.outcome;
  };
}

/** Runs the PR on a label a person added or removed: a status label may set the docs' Status. */
export function handleLabel(state: HandlerState) {
  return async (
    context: Context<"pull_request.labeled" | "pull_request.unlabeled">,
  ): Promise<string> => {
    const result = await runForPullRequest(
      context,
      targetOf(context.name, context.payload),
      state,
      {
        kind: "label",
        action: context.payload.action,
        label: context.payload.label?.name ?? "",
        sender: context.payload.sender.login,
      },
    );
    return result.outcome;
  };
}

/**
 * Runs the event's PR: ignores bots (this app included) but on a merge, serialises runs per PR, and logs one
 * line per event with the delivery id, what was checked, what was written, the API calls
 * made and the time taken. A run that fails for good is said on the PR (a failing check run)
 * and fails the delivery, so GitHub can redeliver it; a PR that is gone is nothing to do.
 * `afterPush`: one of the PRs a push re-checks, whoever pushed; the push counts the calls
 * and logs the line, this run's own line is a debug one. `config`: the repo's config, read
 * once for every PR the push re-checks.
 */
export async function runForPullRequest(
  context: EventContext,
  target: EventTarget,
  state: HandlerState,
  event: RunEvent,
  {
    afterPush = false,
    config,
  }: { afterPush?: boolean; config?: RunHost["config"] } = {},
): Promise<RunResult> {
  const repo = `${target.owner}/${target.repo}`;
  const name = `${repo}#${target.number}`;
  const fields = {
    deliveryId: context.id,
    repo,
    pr: target.number,
    action: "action" in context.payload ? context.payload.action : undefined,
  };
  if (context.isBot && event.kind !== "merged" && !afterPush) {
    context.log.debug(fields, "Ignored: sent by a bot");
    return { docs: 0, outcome: "ignored: bot", writes: [] };
  }
  const calls = afterPush ? undefined : countCalls(context);
  const host = { ...hostFor(context, target, state), config };
  const { client } = host;
  const progress = { headSha: target.headSha };
  const queued = performance.now();
  try {
    // Where a lock shared by replicas (Redis) is taken, its wait is observed beside this one.
    const { reports, report, ...result } = await state.queue.run(name, () => {
      state.metrics.queueWait(performance.now() - queued);
      return runPullRequest(host, target, event, progress).catch(
        async (error: unknown) => {
          // Within the PR's turn, so a later run's verdict is never overwritten by this one.
          // On the latest head the run knew: after its own status commit, the bot's own
          // synchronize is ignored, so that head would have no check run at all. A merged
          // PR's verdict is settled: only the log says its line could not be added.
          if (event.kind === "merged") throw error;
          await reportRunFailure(
            client,
            progress.headSha,
            context.id,
            error,
          ).catch((reportError: unknown) => {
            context.log.warn(
              { ...fields, err: reportError },
              `${name}: could not report the failed run on the PR`,
            );
          });
          throw error;
        },
      );
    });
    for (const report of reports ?? [])
      state.metrics.docChecked(
        report.outcome,
        report.checks.flatMap((check) => (check.met ? [] : [check.ruleId])),
      );
    (afterPush ? context.log.debug : context.log.info).call(
      context.log,
      { ...fields, ...result, ...calls?.done() },
      `${name}: ${result.docs} design doc(s), ${result.outcome}, ${result.writes.length > 0 ? result.writes.join(", ") : "nothing written"}`,
    );
    return result;
  } catch (error) {
    logFailure(context, name, { ...fields, ...calls?.done() }, error);
    if (!isGone(error)) throw error;
    return { docs: 0, outcome: "gone", writes: [] };
  }
}

/** What a run on the target needs from this process, with a client for its PR. */
function hostFor(
  context: EventContext,
  target: EventTarget,
  state: HandlerState,
): RunHost {
  return {
    client: state.clientFor(context.octokit, {
      owner: target.owner,
      repo: target.repo,
      number: target.number,
      identity: { appId: state.appId },
    }),
    cache: state.cache,
    workers: state.workers,
    identity: { appId: state.appId },
    botLogin: state.botLogin,
    today: state.today(),
  };
}

/** Counts the event's API calls and times it, from now until `done`. */
export function countCalls(context: EventContext): {
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
  name: string,
  fields: Record<string, unknown>,
  error: unknown,
): void {
  if (isGone(error))
    context.log.info(
      { ...fields, err: error },
      `${name}: gone (GitHub answered ${statusOf(error)}), nothing to do`,
    );
  else context.log.error({ ...fields, err: error }, `${name}: run failed`);
}
