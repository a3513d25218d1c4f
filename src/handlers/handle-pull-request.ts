import type { Context } from "probot";
import { createGitHubClient } from "../github/client.js";
import { CONFIG_FILE_NAME } from "../github/load-settings.js";
import type { KeyedQueue } from "../github/keyed-queue.js";
import type { DocCache } from "../github/read-docs.js";
import { checkPullRequest } from "./check-pull-request.js";

/** What every PR event's handler shares within one process. */
export interface HandlerState {
  appId: number;
  cache: DocCache;
  queue: KeyedQueue;
  /** Today's date, `YYYY-MM-DD`. */
  today: () => string;
}

/**
 * Handles a `pull_request` event: ignores bots (this app included), serialises runs per PR,
 * and logs one line per event with the delivery id, what was checked, what was written, the
 * API calls made and the time taken.
 */
export function handlePullRequest(state: HandlerState) {
  return async (context: Context<"pull_request">): Promise<void> => {
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
    try {
      const result = await state.queue.run(`${repo}#${pr}`, () =>
        checkPullRequest({
          client: createGitHubClient(context.octokit, {
            owner: payload.repository.owner.login,
            repo: payload.repository.name,
            number: pr,
          }),
          readConfig: () => context.config(CONFIG_FILE_NAME),
          cache: state.cache,
          appId: state.appId,
          eventHeadSha: payload.pull_request.head.sha,
          today: state.today(),
        }),
      );
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
  };
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
