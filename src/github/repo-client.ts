import {
  readConfigFile,
  readRepoFile,
  type ConfigFile,
  type GitHubClient,
  type Octokit,
} from "./client.js";

/** An open PR, as the list of a repository's PRs shows it. */
export interface OpenPull {
  number: number;
  headSha: string;
  labels: string[];
  /** Its page on GitHub. */
  url: string;
}

/** A repository the installation can see. */
export interface InstalledRepo {
  owner: string;
  repo: string;
  archived: boolean;
}

/** The few calls about a repository, not one PR, that re-checking after a push makes. */
export interface RepoClient {
  getConfigFile(owner: string, repo: string, path: string): Promise<ConfigFile>;
  /** The reads of one repository's config and templates, as a PR's client makes them. */
  configReads(
    owner: string,
    repo: string,
  ): Pick<GitHubClient, "getConfigFile" | "getFile">;
  /** The repository's open PRs, at most `limit` of them, oldest first. */
  listOpenPulls(
    owner: string,
    repo: string,
    limit: number,
  ): Promise<OpenPull[]>;
  /** Every repository the installation can see. */
  listInstalledRepos(): Promise<InstalledRepo[]>;
}

/** A `RepoClient` over the event's Octokit. */
export function createRepoClient(octokit: Octokit): RepoClient {
  return {
    getConfigFile: (owner, repo, path) =>
      readConfigFile(octokit, owner, repo, path),
    configReads: (owner, repo) => ({
      getConfigFile: (fileOwner, name, path) =>
        readConfigFile(octokit, fileOwner, name, path),
      getFile: (path, ref) =>
        readRepoFile(
          octokit,
          ref === undefined ? { owner, repo } : { owner, repo, ref },
          path,
        ),
    }),
    async listOpenPulls(owner, repo, limit) {
      const pulls: OpenPull[] = [];
      for await (const { data } of octokit.paginate.iterator(
        octokit.rest.pulls.list,
        {
          owner,
          repo,
          state: "open",
          sort: "created",
          direction: "asc",
          per_page: 100,
        },
      )) {
        for (const pull of data)
          pulls.push({
            number: pull.number,
            headSha: pull.head.sha,
            labels: pull.labels.map((label) => label.name),
            url: pull.html_url,
          });
        if (pulls.length >= limit) break;
      }
      return pulls.slice(0, limit);
    },
    async listInstalledRepos() {
      const repos = await octokit.paginate(
        octokit.rest.apps.listReposAccessibleToInstallation,
        { per_page: 100 },
      );
      return repos.map((repo) => ({
        owner: repo.owner.login,
        repo: repo.name,
        archived: repo.archived,
      }));
    },
  };
}
