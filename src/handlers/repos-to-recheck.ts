import { CONFIG_PATH } from "../config/parse-config.js";
import { isRecord } from "../config/read-values.js";
import { readConfigText } from "../config/read-config-text.js";
import type { ConfigFile } from "../github/client.js";
import type { RepoClient } from "../github/repo-client.js";
import { readConfigChain } from "./load-repo-config.js";
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

/** The owner's repositories (archived ones left out) that read the `.github` repo's config. */
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
  const extending = await Promise.all(
    repos.map(async (repo) =>
      readsOwners(
        await client.getConfigFile(repo.owner, repo.repo, CONFIG_PATH),
      )
        ? [{ owner: repo.owner, repo: repo.repo }]
        : [],
    ),
  );
  return extending.flat();
}

/** Whether a repo with this config file reads its owner's: none of its own, or `_extends`. */
function readsOwners(file: ConfigFile): boolean {
  if (file.kind === "absent") return true;
  if (file.kind !== "file") return false;
  const read = readConfigText(file.text);
  return "raw" in read && isRecord(read.raw) && read.raw._extends !== undefined;
}
