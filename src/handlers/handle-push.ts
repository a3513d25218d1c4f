import type { Context } from "probot";
import {
  countCalls,
  runForPullRequest,
  type HandlerState,
} from "./handle-pull-request.js";
import { atMost } from "./at-most.js";
import { loadRepoConfig } from "./load-repo-config.js";
import { readPush } from "./read-payload.js";
import { reposToRecheck, type RepoName } from "./repos-to-recheck.js";
import type { OpenPull, RepoClient } from "../github/repo-client.js";

/** How many open PRs one push re-checks at most, by default (`MAX_RECHECK_PRS`). */
export const DEFAULT_MAX_RECHECK_PRS = 200;

/** PRs re-checked side by side after a push; their writes are spaced per installation anyway. */
const RECHECKS_AT_ONCE = 4;

/**
 * After a push to a default branch that changes the rules (the config, or a template it
 * names, or the org's `.github` config), checks every open PR of the repositories it applies
 * to again under the new rules, writing only what changed, at most `maxRecheckPrs` PRs (a
 * warning says when more were left for their next event). One log line for the push: the
 * PRs re-checked and the writes made. A push that changes neither costs no API call.
 */
export function handlePush(state: HandlerState) {
  return async (context: Context<"push">): Promise<string> => {
    const push = readPush(context.payload);
    const fields = {
      deliveryId: context.id,
      repo: `${push.owner}/${push.repo}`,
    };
    const calls = countCalls(context);
    const client = state.repoClientFor(context.octokit);
    const repos = await reposToRecheck(client, push);
    if (repos.length === 0) {
      context.log.debug(
        { ...fields, ...calls.done() },
        "Push: the rules did not change, nothing to re-check",
      );
      return "rules unchanged";
    }
    if (state.maxRecheckPrs === 0) {
      context.log.info(
        { ...fields, ...calls.done() },
        `${fields.repo}: the push changed the rules; MAX_RECHECK_PRS is 0, so no open PR is re-checked now`,
      );
      return "rules changed, none re-checked";
    }
    // Each repository's new config is read once, beside its open PRs, for all its PRs.
    const configs = new Map(
      repos.map((repo) => [
        `${repo.owner}/${repo.repo}`,
        loadRepoConfig(
          client.configReads(repo.owner, repo.repo),
          state.workers,
          repo,
        ),
      ]),
    );
    for (const loading of configs.values()) loading.catch(() => undefined);
    const { pulls, cut } = await openPulls(client, repos, state.maxRecheckPrs);
    if (cut)
      context.log.warn(
        { ...fields, maxRecheckPrs: state.maxRecheckPrs },
        `${fields.repo}: the push changed the rules of more than MAX_RECHECK_PRS (${state.maxRecheckPrs}) open PRs; the rest are checked on their next event`,
      );
    const results = await atMost(RECHECKS_AT_ONCE, pulls, (pull) =>
      runForPullRequest(
        context,
        pull,
        state,
        { kind: "change" },
        { afterPush: true, config: configs.get(`${pull.owner}/${pull.repo}`) },
      ),
    );
    const failed = results.filter((result) => result.status === "rejected");
    const writes = results.flatMap((result) =>
      result.status === "fulfilled" ? result.value.writes : [],
    );
    context.log.info(
      {
        ...fields,
        prs: pulls.map((pull) => `${pull.owner}/${pull.repo}#${pull.number}`),
        writes: writes.length,
        failed: failed.length,
        ...calls.done(),
      },
      `${fields.repo}: the push changed the rules: ${pulls.length} open PR(s) re-checked, ${writes.length} write(s)${failed.length > 0 ? `, ${failed.length} failed` : ""}`,
    );
    // The delivery fails, as GitHub shows it; redelivered, the PRs already current cost no
    // write.
    if (failed[0]) throw failed[0].reason;
    return "rechecked";
  };
}

/** The repos' open PRs, oldest first, at most `limit` in all, and whether there were more. */
async function openPulls(
  client: RepoClient,
  repos: readonly RepoName[],
  limit: number,
) {
  const pulls: (RepoName & OpenPull)[] = [];
  for (const repo of repos) {
    const left = limit - pulls.length;
    const open = await client.listOpenPulls(repo.owner, repo.repo, left + 1);
    pulls.push(...open.slice(0, left).map((pull) => ({ ...repo, ...pull })));
    if (open.length > left) return { pulls, cut: true };
  }
  return { pulls, cut: false };
}
