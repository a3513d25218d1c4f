import { CONFIG_PATH } from "../config/parse-config.js";
import { atMost } from "../handlers/at-most.js";
import { createTokenOctokit } from "../github/token-octokit.js";
import { finishIndex } from "../index/finish-index.js";
import type { DesignDocIndex } from "../index/types.js";
import { createWorkerPool } from "../workers/worker-pool.js";
import {
  describeFailure,
  getRepo,
  indexRepo,
  listOrgRepos,
  type ListedRepo,
  type RepoIndex,
  type SharedConfigReads,
  sharedConfigKey,
  unreadRepo,
} from "./github-index.js";
import { requestCache, type RequestTally } from "./request-cache.js";

/** What `--org` or `--repo` names. */
export type GitHubTarget =
  | { kind: "org"; org: string; includeArchived: boolean }
  | { kind: "repo"; owner: string; name: string };

export interface GitHubIndexSettings {
  token: string;
  /** The REST API's base URL: `GITHUB_API_URL`, else api.github.com. */
  baseUrl: string;
  /** `--cache DIR`: where answers are kept between runs; none without it. */
  cacheDir: string | undefined;
  today: string;
  timeBudgetMs: number;
  /** Where the progress lines go: stderr. */
  progress: (line: string) => void;
}

/** The index read from GitHub, or why there is none (the repositories could not be listed). */
export type GitHubIndexResult =
  | {
      index: DesignDocIndex;
      /** The Statuses of every repository's vocabulary, least advanced first. */
      statusOrder: string[];
      /** Whether no repository could be read, though there were some. */
      nothingRead: boolean;
      tally: RequestTally;
    }
  | { failure: string };

/** How many repositories are indexed at once; the pipeline bounds the reads in flight. */
const REPOS_AT_ONCE = 4;

/**
 * Indexes an org's repositories (the archived ones only when asked) or one repository
 * through GitHub's API, with the App's request pipeline (secondary limits, retries,
 * deadlines) and, given `cacheDir`, conditional requests. A line of progress after each
 * repository: how many are done, requests sent, and the rate limit left.
 */
export async function indexFromGitHub(
  target: GitHubTarget,
  settings: GitHubIndexSettings,
): Promise<GitHubIndexResult> {
  const tally: RequestTally = {
    sent: 0,
    notModified: 0,
    cached: 0,
    rateLimitRemaining: undefined,
  };
  const quiet = () => undefined;
  const octokit = createTokenOctokit({
    token: settings.token,
    baseUrl: settings.baseUrl,
    userAgent: "design-docs-bot-index",
    // GitHub's expected answers (a 404 for a config there is none of) are no news; the
    // pipeline's warnings (a retry, a secondary limit) are.
    log: { debug: quiet, info: quiet, error: quiet, warn: settings.progress },
    plugins: [requestCache(tally, settings.cacheDir, settings.progress)],
  });

  const name =
    target.kind === "org" ? target.org : `${target.owner}/${target.name}`;
  let listed: ListedRepo[];
  try {
    listed =
      target.kind === "org"
        ? await listOrgRepos(octokit, target.org)
        : [await getRepo(octokit, target.owner, target.name)];
  } catch (error) {
    return {
      failure:
        target.kind === "org"
          ? `cannot list the repositories of ${name}: ${describeFailure(error)}; is it an organisation the token can see?`
          : `cannot read ${name}: ${describeFailure(error)}; is it a repository the token can see?`,
    };
  }
  // GitHub lists an org's repositories the token cannot see as none at all: a wrong token,
  // not an empty index to publish over the last one.
  if (listed.length === 0)
    return {
      failure: `the token sees no repository of ${name}; give it read access to the organisation's repositories`,
    };
  const repos =
    target.kind === "org" && !target.includeArchived
      ? listed.filter((repo) => !repo.archived)
      : listed;
  const archived = listed.length - repos.length;
  if (target.kind === "org")
    settings.progress(
      `${count(repos.length, "repository", "repositories")} of ${name}${archived > 0 ? `; ${count(archived, "archived one", "archived ones")} left out (--include-archived indexes them)` : ""}`,
    );

  const workers = createWorkerPool({ timeBudgetMs: settings.timeBudgetMs });
  const shared: SharedConfigReads = new Map();
  // An org's config lives in its `.github` repository; one the list does not hold is none
  // the token could read, so it is not asked for.
  if (target.kind === "org" && !listed.some((repo) => repo.name === ".github"))
    shared.set(
      sharedConfigKey(name, ".github", CONFIG_PATH),
      Promise.resolve({ kind: "absent" }),
    );
  let done = 0;
  let outcomes: PromiseSettledResult<RepoIndex>[];
  try {
    outcomes = await atMost(REPOS_AT_ONCE, repos, async (repo) => {
      try {
        return await indexRepo(octokit, repo, {
          workers,
          today: settings.today,
          shared,
        });
      } finally {
        done += 1;
        settings.progress(progressLine(done, repos.length, repo, tally));
      }
    });
  } finally {
    await workers.close();
  }
  const parts = outcomes.map((outcome, index) =>
    outcome.status === "fulfilled"
      ? outcome.value
      : unreadRepo(
          repos[index] as ListedRepo,
          `Cannot index the repository: ${describeFailure(outcome.reason)}.`,
        ),
  );
  return {
    index: finishIndex(
      { kind: target.kind, name },
      parts.flatMap((part) => part.docs),
      parts.flatMap((part) => part.errors),
    ),
    statusOrder: [...new Set(parts.flatMap((part) => part.statusOrder))],
    nothingRead: parts.length > 0 && parts.every((part) => !part.read),
    tally,
  };
}

/** `3/12 repositories (acme/api) · 41 requests, 12 not modified · rate limit 4,953 left`. */
function progressLine(
  done: number,
  total: number,
  repo: ListedRepo,
  tally: RequestTally,
): string {
  const requests = [
    count(tally.sent, "request", "requests"),
    ...(tally.notModified > 0 ? [`${tally.notModified} not modified`] : []),
    ...(tally.cached > 0 ? [`${tally.cached} blobs from the cache`] : []),
  ].join(", ");
  const limit =
    tally.rateLimitRemaining === undefined
      ? ""
      : ` · rate limit ${tally.rateLimitRemaining.toLocaleString("en-US")} left`;
  return `${done}/${total} ${total === 1 ? "repository" : "repositories"} (${repo.fullName}) · ${requests}${limit}`;
}

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}
