import { CONFIG_PATH } from "../config/parse-config.js";
import type { ConfigFile } from "../github/client.js";
import type { RepoClient } from "../github/repo-client.js";
import { atMost } from "./at-most.js";
import { readConfigChain, sameFile } from "./load-repo-config.js";
import type { PushFacts } from "./read-payload.js";

/** A repository whose open PRs a push re-checks. */
export interface RepoName {
  owner: string;
  repo: string;
}

/**
 * The repositories whose open PRs a push to a default branch re-checks under the new rules:
 * the repo itself when the push changes its config file or a template its config names; for
 * the owner's `.github` repository's config, also every repository that extends it (one
 * without a file of its own, or whose file has `_extends`). A push to another branch, or one
 * that changes neither the config nor any Markdown file (templates are Markdown), costs no
 * API call; one that changes other Markdown reads the config to see what its templates are.
 */
export async function reposToRecheck(
  client: RepoClient,
  push: PushFacts,
): Promise<RepoName[]> {
  if (!push.toDefaultBranch) return [];
  const configChanged = !push.complete || push.files.includes(CONFIG_PATH);
  const markdownChanged = push.files.some((path) => path.endsWith(".md"));
  if (!configChanged && !markdownChanged) return [];
  const own = { owner: push.owner, repo: push.repo };
  const ownChanged =
    configChanged ||
    (
      await readConfigChain(client, push.owner, push.repo)
    ).config.templates.some((template) => push.files.includes(template));
  const targets = ownChanged ? [own] : [];
  if (push.repo === ".github" && configChanged)
    targets.push(...(await reposExtending(client, push.owner)));
  return targets;
}

/** Config files read at once when finding the repos that extend the owner's. */
const CONFIG_READS_AT_ONCE = 8;

/**
 * The owner's repositories (archived ones left out) whose config chain reads the `.github`
 * repository's file: one without a file of its own, or one whose `_extends` leads there.
 * Each file is read once however many chains name it.
 */
async function reposExtending(
  client: RepoClient,
  owner: string,
): Promise<RepoName[]> {
  const repos = (await client.listInstalledRepos()).filter(
    (repo) =>
      !repo.archived &&
      repo.owner.toLowerCase() === owner.toLowerCase() &&
      repo.repo.toLowerCase() !== ".github",
  );
  const files = new Map<string, Promise<ConfigFile>>();
  const once: Pick<RepoClient, "getConfigFile"> = {
    getConfigFile(fileOwner, repo, path) {
      const key = `${fileOwner}/${repo}:${path}`.toLowerCase();
      let file = files.get(key);
      if (!file) {
        file = client.getConfigFile(fileOwner, repo, path);
        files.set(key, file);
      }
      return file;
    },
  };
  const ownerFile = { owner, repo: ".github", path: CONFIG_PATH };
  const results = await atMost(CONFIG_READS_AT_ONCE, repos, async (repo) =>
    (await readConfigChain(once, repo.owner, repo.repo)).sources.some((at) =>
      sameFile(at, ownerFile),
    ),
  );
  return repos.flatMap((repo, index) => {
    const result = results[index];
    if (result?.status === "rejected") throw result.reason;
    return result?.value ? [{ owner: repo.owner, repo: repo.repo }] : [];
  });
}
