import type { Context } from "probot";
import type { DocChecker } from "../check/doc-checker.js";
import { createGitHubClient } from "../github/client.js";
import type { KeyedQueue } from "../github/keyed-queue.js";
import { CONFIG_FILE_NAME } from "../github/load-settings.js";
import type { DocCache } from "../github/read-docs.js";
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

/** Checks the PR on `pull_request` and `pull_request_review` events. */
export function handlePullRequest(state: HandlerState) {
  return (context: PullRequestContext): Promise<void> =>
    runForPullRequest(context, state, (run) => checkPullRequest(run));
}

/** Applies a status label a person added or removed, then checks the PR. */
export function handleLabel(state: HandlerState) {
  return (
    context: Context<"pull_request.labeled" | "pull_request.unlabeled">,
  ) =>
    runForPullRequest(context, state, (run) =>
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
  context: PullRequestContext,
  state: HandlerState,
  work: (run: PullRequestRun) => Promise<RunResult>,
): Promise<void> {
  const { payload } = context;
  const repo = payload.repository.full_name;
  const pr = payload.pull_request.number;
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
  const eventHeadSha = payload.pull_request.head.sha;
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
