import type { Octokit } from "@octokit/rest";
import picomatch from "picomatch";
import { createEngine } from "../config/create-engine.js";
import { CONFIG_PATH } from "../config/parse-config.js";
import {
  readConfigFile,
  readGitBlob,
  readRepoFile,
  refusalOf,
  statusOf,
  type ConfigFile,
  type GitHubClient,
} from "../github/client.js";
import {
  oversizeReason,
  readBlob,
  type ReadBlob,
} from "../github/read-docs.js";
import {
  loadRepoConfig,
  statusLabelsFor,
} from "../handlers/load-repo-config.js";
import { createRepoClient } from "../github/repo-client.js";
import {
  checkIndexDoc,
  splitResults,
  type IndexResult,
} from "../index/check-doc.js";
import type { DocPlace } from "../index/index-doc.js";
import type { IndexedDoc, IndexError } from "../index/types.js";
import { defaultTemplate } from "../templates/builtin-templates.js";
import type { WorkerPool } from "../workers/worker-pool.js";

/** A repository to index, as GitHub lists it. */
export interface ListedRepo {
  owner: string;
  name: string;
  fullName: string;
  defaultBranch: string;
  /** Its page on GitHub (github.com or an Enterprise server): the docs' links start here. */
  htmlUrl: string;
  archived: boolean;
}

/** One repository's part of the index. */
export interface RepoIndex {
  docs: IndexedDoc[];
  errors: IndexError[];
  /** Whether its files could be read at all. */
  read: boolean;
  /** Its Status vocabulary, least advanced first. */
  statusOrder: string[];
}

/**
 * Config files read outside the repository being indexed (the owner's `.github`, a shared
 * file `_extends` names), by `owner/repo:path` in lower case: each is read once per run.
 */
export type SharedConfigReads = Map<string, Promise<ConfigFile>>;

/** A config file's key in SharedConfigReads. */
export function sharedConfigKey(owner: string, repo: string, path: string) {
  return `${owner}/${repo}:${path}`.toLowerCase();
}

interface RepoData {
  name: string;
  full_name: string;
  owner: { login: string };
  default_branch?: string | undefined;
  html_url: string;
  archived?: boolean | undefined;
}

function listedRepo(data: RepoData): ListedRepo {
  return {
    owner: data.owner.login,
    name: data.name,
    fullName: data.full_name,
    defaultBranch: data.default_branch ?? "main",
    htmlUrl: data.html_url,
    archived: data.archived ?? false,
  };
}

/** Every repository of the org the token can see, archived ones included. */
export async function listOrgRepos(
  octokit: Octokit,
  org: string,
): Promise<ListedRepo[]> {
  const repos = await octokit.paginate(octokit.rest.repos.listForOrg, {
    org,
    type: "all",
    per_page: 100,
  });
  return repos.map(listedRepo);
}

/** One repository, by name. */
export async function getRepo(
  octokit: Octokit,
  owner: string,
  name: string,
): Promise<ListedRepo> {
  const { data } = await octokit.rest.repos.get({ owner, repo: name });
  return listedRepo(data);
}

/** The part of the index of a repository that could not be read: why, in one error. */
export function unreadRepo(repo: ListedRepo, message: string): RepoIndex {
  return {
    docs: [],
    errors: [{ repo: repo.fullName, path: null, message }],
    read: false,
    statusOrder: [],
  };
}

/** What went wrong with a request, in a sentence's words. */
export function describeFailure(error: unknown): string {
  const status = statusOf(error);
  return status === undefined
    ? (error as Error).message
    : `GitHub answered ${status} (${refusalOf(error as Error)})`;
}

interface TreeFile {
  sha: string;
  size: number;
}

/**
 * Indexes one repository: its config and templates as the App reads them, its docs on the
 * default branch from one recursive tree read and one blob read each, and the docs its open
 * PRs add or change, each marked with the PR and its status label. The tree comes first: a
 * repository that cannot be read, or is empty, costs that one request. Every failure is an
 * error of the index, and the rest of the repository is indexed still.
 */
export async function indexRepo(
  octokit: Octokit,
  repo: ListedRepo,
  run: { workers: WorkerPool; today: string; shared: SharedConfigReads },
): Promise<RepoIndex> {
  const at = { owner: repo.owner, repo: repo.name };
  const repoError = (path: string | null, message: string): IndexError => ({
    repo: repo.fullName,
    path,
    message,
  });
  let tree: Awaited<ReturnType<typeof readTree>>;
  try {
    tree = await readTree(octokit, repo);
  } catch (error) {
    return unreadRepo(
      repo,
      `Cannot read the repository: ${describeFailure(error)}. Give the token read access to its contents and pull requests, or leave it out.`,
    );
  }
  // An empty repository has no branch, so no PR either.
  if (tree.files.size === 0)
    return { docs: [], errors: [], read: true, statusOrder: [] };
  const pulls = createRepoClient(octokit).listOpenPulls(
    repo.owner,
    repo.name,
    Infinity,
  );
  // Heard here too: a repository whose config is invalid never asks for its PRs.
  pulls.catch(() => undefined);
  const errors: IndexError[] = [];
  if (tree.truncated)
    errors.push(
      repoError(
        null,
        `GitHub cut the repository's tree short (it lists at most 100,000 files): docs beyond the files listed are not in the index. The config and templates were read one by one.`,
      ),
    );

  const loaded = await loadRepoConfig(
    configReads(octokit, repo, tree, run.shared),
    run.workers,
    at,
  );
  const { templates, errors: templateErrors } = await loaded.templates();
  const configErrors = [...loaded.errors, ...templateErrors];
  if (configErrors.length > 0)
    return {
      docs: [],
      errors: [
        ...errors,
        ...configErrors.map((error) =>
          repoError(
            CONFIG_PATH,
            `\`${error.key}\`: ${error.message}. No doc of this repository is indexed until the config is fixed.`,
          ),
        ),
      ],
      read: true,
      statusOrder: [],
    };

  const { config } = loaded;
  const engine = createEngine(config, templates, defaultTemplate(), run.today);
  const { vocabulary, statusLabels } = await statusLabelsFor(loaded);
  const isDoc = picomatch(config.paths, { dot: true });
  const check = async (
    sha: string,
    size: number | undefined,
    place: DocPlace,
  ): Promise<IndexResult> => {
    const oversize =
      size === undefined ? undefined : oversizeReason(size, config.maxFileSize);
    let read: ReadBlob;
    try {
      read = oversize
        ? { kind: "unreadable", size: size ?? 0, reason: oversize }
        : readBlob(await readGitBlob(octokit, at, sha));
    } catch (error) {
      return {
        error: repoError(
          place.path,
          `Cannot read the doc: ${describeFailure(error)}.`,
        ),
      };
    }
    return checkIndexDoc(
      read,
      { ...place, source: repo.fullName },
      config.maxFileSize,
      engine,
      run.workers,
    );
  };

  const onBranch = [...tree.files]
    .filter(([path]) => isDoc(path))
    .map(([path, file]) =>
      check(file.sha, file.size, {
        repo: repo.fullName,
        path,
        url: blobUrl(repo, repo.defaultBranch, path),
        proposed: null,
      }),
    );
  const labelOf = (labels: readonly string[]): string | null =>
    labels.find((label) =>
      statusLabels.some(
        (status) => status.name.toLowerCase() === label.toLowerCase(),
      ),
    ) ?? null;
  let openPulls: Awaited<typeof pulls>;
  try {
    openPulls = await pulls;
  } catch (error) {
    errors.push(
      repoError(
        null,
        `Cannot list the open PRs, so no proposed doc is listed: ${describeFailure(error)}.`,
      ),
    );
    openPulls = [];
  }
  const proposed = openPulls.map(async (pull): Promise<IndexResult[]> => {
    let files;
    try {
      files = await octokit.paginate(octokit.rest.pulls.listFiles, {
        ...at,
        pull_number: pull.number,
        per_page: 100,
      });
    } catch (error) {
      return [
        {
          error: repoError(
            null,
            `Cannot read the files of PR #${pull.number}: ${describeFailure(error)}.`,
          ),
        },
      ];
    }
    const place = {
      pr: pull.number,
      url: pull.url,
      label: labelOf(pull.labels),
    };
    return Promise.all(
      files.flatMap(({ filename, sha, status }) =>
        status !== "removed" && sha && isDoc(filename)
          ? [
              check(sha, undefined, {
                repo: repo.fullName,
                path: filename,
                url: blobUrl(repo, pull.headSha, filename),
                proposed: place,
              }),
            ]
          : [],
      ),
    );
  });
  const results = [
    ...(await Promise.all(onBranch)),
    ...(await Promise.all(proposed)).flat(),
  ];
  const checked = splitResults(results);
  return {
    docs: checked.docs,
    errors: [...errors, ...checked.errors],
    read: true,
    statusOrder: vocabulary.map((status) => status.name),
  };
}

/**
 * The default branch's files, from one recursive tree read. An empty repository (GitHub
 * answers 409) has none.
 */
async function readTree(
  octokit: Octokit,
  repo: ListedRepo,
): Promise<{ files: Map<string, TreeFile>; truncated: boolean }> {
  let data;
  try {
    ({ data } = await octokit.rest.git.getTree({
      owner: repo.owner,
      repo: repo.name,
      tree_sha: repo.defaultBranch,
      recursive: "1",
    }));
  } catch (error) {
    if (statusOf(error) === 409) return { files: new Map(), truncated: false };
    throw error;
  }
  const files = new Map<string, TreeFile>();
  for (const entry of data.tree)
    if (
      entry.type === "blob" &&
      entry.path !== undefined &&
      entry.sha !== undefined
    )
      files.set(entry.path, { sha: entry.sha, size: entry.size ?? 0 });
  return { files, truncated: data.truncated };
}

/**
 * The reads of the repository's config and templates that `loadRepoConfig` makes, answered
 * from its tree where they are its own files (a file the tree does not list is absent, and
 * costs no request; one it lists is read by blob sha, which the cache keeps for ever), and
 * read once per run where they are another repository's.
 */
function configReads(
  octokit: Octokit,
  repo: ListedRepo,
  tree: { files: ReadonlyMap<string, TreeFile>; truncated: boolean },
  shared: SharedConfigReads,
): Pick<GitHubClient, "getConfigFile" | "getFile"> {
  const at = { owner: repo.owner, repo: repo.name };
  const ownBlob = async (path: string) => {
    const file = tree.files.get(path);
    return (
      file && { sha: file.sha, blob: await readGitBlob(octokit, at, file.sha) }
    );
  };
  // A tree cut short may leave out a file that is there: the contents API says.
  const unlisted = (path: string) => tree.truncated && !tree.files.has(path);
  return {
    async getConfigFile(owner, name, path) {
      const own =
        owner.toLowerCase() === repo.owner.toLowerCase() &&
        name.toLowerCase() === repo.name.toLowerCase();
      if (own && unlisted(path))
        return readConfigFile(octokit, owner, name, path);
      if (own) {
        const read = await ownBlob(path);
        // As the contents API's raw text reads it: bytes that are not UTF-8 replaced.
        return read
          ? { kind: "file", text: new TextDecoder().decode(read.blob.bytes) }
          : { kind: "absent" };
      }
      const key = sharedConfigKey(owner, name, path);
      let reading = shared.get(key);
      if (!reading) {
        reading = readConfigFile(octokit, owner, name, path);
        shared.set(key, reading);
      }
      return reading;
    },
    // The index reads the default branch only: a template at a PR's head is never asked for.
    async getFile(path) {
      if (unlisted(path)) return readRepoFile(octokit, at, path);
      const read = await ownBlob(path);
      if (!read) return undefined;
      const text = readBlob(read.blob);
      return {
        text: text.kind === "doc" ? text.text : undefined,
        sha: read.sha,
      };
    },
  };
}

/** A file's page on GitHub at a branch or commit. */
function blobUrl(repo: ListedRepo, ref: string, path: string): string {
  const encode = (value: string) =>
    value.split("/").map(encodeURIComponent).join("/");
  return `${repo.htmlUrl}/blob/${encode(ref)}/${encode(path)}`;
}
