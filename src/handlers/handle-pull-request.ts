import type { Context } from "probot";
import type { DocChecker } from "../check/doc-checker.js";
import { createGitHubClient } from "../github/client.js";
import type { KeyedQueue } from "../github/keyed-queue.js";
import { CONFIG_FILE_NAME } from "../github/load-settings.js";
import type { DocCache } from "../github/read-docs.js";
import { CHECK_RUN_NAME } from "../report/render-check-run.js";
import { applyStatusLabel } from "./apply-status-label.js";
import { reportRunFailure } from "./report-failure.js";
import {
  checkPullRequest,
  type PullRequestRun,
  type RunResult,
} from "./check-pull-request.js";

/** What every PR event's handler shares within one process. */
export interface HandlerState {
  appId: number;
  cache: DocCache;
  checker: DocChecker;
  queue: KeyedQueue;
  /** Today's date, `YYYY-MM-DD`. */
  today: () => string;
}

type PullRequestContext =
  Context<"pull_request"> | Context<"pull_request_review">;
type RunContext = PullRequestContext | Context<"check_run.rerequested">;

/** The PR a run is for, and the head sha its event names. */
interface Target {
  number: number;
  headSha: string;
}

const targetOf = (context: PullRequestContext): Target => ({
  number: context.payload.pull_request.number,
  headSha: context.payload.pull_request.head.sha,
});

/** Checks the PR on `pull_request` and `pull_request_review` events. */
export function handlePullRequest(state: HandlerState) {
  return (context: PullRequestContext): Promise<void> =>
    runForPullRequest(context, targetOf(context), state, (run) =>
      checkPullRequest(run),
    );
}

/**
 * Checks again the PRs of a `Design docs` check run someone re-ran, and writes a fresh check
 * run even when nothing changed: GitHub shows the check as queued until one comes.
 */
export function handleRerun(state: HandlerState) {
  return async (context: Context<"check_run.rerequested">): Promise<void> => {
    const checkRun = context.payload.check_run;
    if (checkRun.name !== CHECK_RUN_NAME || checkRun.app?.id !== state.appId)
      return;
    if (checkRun.pull_requests.length === 0) {
      // GitHub lists only PRs whose branch is in this repository.
      context.log.info(
        {
          deliveryId: context.id,
          repo: context.payload.repository.full_name,
          headSha: checkRun.head_sha,
        },
        "Re-run of a check with no pull request in this repository (a fork's PR is checked on its next push or edit)",
      );
      return;
    }
    await Promise.all(
      checkRun.pull_requests.map((pr) =>
        runForPullRequest(
          context,
          { number: pr.number, headSha: checkRun.head_sha },
          state,
          (run) => checkPullRequest(run, { recheck: true }),
        ),
      ),
    );
  };
}

/** Applies a status label a person added or removed, then checks the PR. */
export function handleLabel(state: HandlerState) {
  return (
    context: Context<"pull_request.labeled" | "pull_request.unlabeled">,
  ) =>
    runForPullRequest(context, targetOf(context), state, (run) =>
      applyStatusLabel(run, {
        action: context.payload.action,
        label: context.payload.label?.name ?? "",
        sender: context.payload.sender.login,
      }),
    );
}

/**
 * Runs `work` for the event's PR: ignores bots (this app included), serialises runs per PR,
 * and logs one line per event with the delivery id, what was checked, what was written, the
 * API calls made and the time taken.
 */
async function runForPullRequest(
  context: RunContext,
  target: Target,
  state: HandlerState,
  work: (run: PullRequestRun) => Promise<RunResult>,
): Promise<void> {
  const { payload } = context;
  const repo = payload.repository.full_name;
  const pr = target.number;
  const fields = { deliveryId: context.id, repo, pr, action: payload.action };
  if (context.isBot) {
    context.log.debug(fields, "Ignored: sent by a bot");
    return;
  }
  let apiCalls = 0;
  const count = (): void => {
    apiCalls += 1;
  };
  context.octokit.hook.before("request", count);
  const started = performance.now();
  let config: Promise<unknown> | undefined;
  const client = createGitHubClient(context.octokit, {
    owner: payload.repository.owner.login,
    repo: payload.repository.name,
    number: pr,
  });
  const eventHeadSha = target.headSha;
  try {
    const result = await state.queue.run(`${repo}#${pr}`, async () => {
      try {
        return await work({
          client,
          // Read once per event, however many steps ask for it.
          readConfig: () => (config ??= context.config(CONFIG_FILE_NAME)),
          cache: state.cache,
          checker: state.checker,
          appId: state.appId,
          eventHeadSha,
          today: state.today(),
        });
      } catch (error) {
        // Within the PR's turn, so a later run's verdict is never overwritten by this one.
        await reportRunFailure(
          client,
          { headSha: eventHeadSha, deliveryId: context.id },
          error,
        ).catch((reportError: unknown) => {
          context.log.warn(
            { ...fields, err: reportError },
            `${repo}#${pr}: could not report the failed run on the PR`,
          );
        });
        throw error;
      }
    });
    context.log.info(
      { ...fields, ...result, apiCalls, durationMs: elapsed(started) },
      `${repo}#${pr}: ${result.docs} design doc(s), ${result.outcome}, ${result.writes.length > 0 ? result.writes.join(", ") : "nothing written"}`,
    );
  } catch (error) {
    context.log.error(
      { ...fields, err: error, apiCalls, durationMs: elapsed(started) },
      `${repo}#${pr}: run failed`,
    );
    throw error;
  } finally {
    context.octokit.hook.remove("request", count);
  }
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
