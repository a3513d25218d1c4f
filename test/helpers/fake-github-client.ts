import type { RepoClient } from "../../src/github/repo-client.js";
import type {
  ConfigFile,
  GitHubClient,
  PullRequestRef,
  PutFileResult,
} from "../../src/github/client.js";
import {
  GitHubRefusal,
  type FakeCheckRun,
  type GitHubModel,
} from "../fake-github/github-model.js";
import {
  createCallLog,
  gitHubError,
  observed,
  type CallLog,
} from "./client-calls.js";

/**
 * A GitHubClient for one PR over a GitHub model: what the handlers read is the model's
 * state, what they write changes it, and a request GitHub would refuse fails as Octokit's
 * RequestError would. A PR the model lacks is gone (404). Each call is recorded in `log`.
 */
export function createFakeGitHubClient(
  model: GitHubModel,
  ref: PullRequestRef,
  log: CallLog = createCallLog(),
): GitHubClient {
  const repo = model.repo(`${ref.owner}/${ref.repo}`);
  const pull = () => {
    const found = repo.pulls.get(ref.number);
    if (!found) throw gitHubError(404, "GET", `/pulls/${ref.number}`);
    return found;
  };
  const client: GitHubClient = {
    async getPullRequest() {
      const read = model.readPullRequest(repo, pull());
      return {
        headSha: read.headSha,
        headRef: read.headRef,
        headInRepo: read.headRepo === read.baseRepo,
        baseSha: read.baseSha,
        draft: read.draft,
        open: read.state === "open",
        labels: read.labels.map((label) => label.name),
        changedFiles: read.changedFiles,
        owner: ref.owner,
        author: read.author,
        requestedReviewers: read.requestedReviewers,
        requestedTeams: read.requestedTeams,
      };
    },
    async listChangedFiles() {
      return model.readChangedFiles(repo, pull()).map((file) => ({
        path: file.filename,
        status: file.status,
        sha: file.sha ?? undefined,
        previousPath: file.previous_filename,
        patch: file.patch,
      }));
    },
    async getBlob(sha) {
      const bytes = model.readBlob(repo, sha);
      if (!bytes) throw gitHubError(404, "GET", `/git/blobs/${sha}`);
      return { size: bytes.length, bytes: new Uint8Array(bytes) };
    },
    async getFile(path, at) {
      const file = model.readContent(repo, path, at ?? null);
      return file && { text: decodeText(file.bytes), sha: file.sha };
    },
    getConfigFile: async (owner, name, path) =>
      configFileOf(model, owner, name, path),
    async putFile(file) {
      try {
        return {
          kind: "committed",
          ...model.putContent(repo, file.path, {
            branch: file.branch,
            sha: file.sha,
            bytes: Buffer.from(file.text, "utf8"),
            message: file.message,
          }),
        };
      } catch (error) {
        return refusedWrite(error);
      }
    },
    async getPermission(user) {
      return model.permissionOf(repo, user);
    },
    async isTeamMember(org, slug, user) {
      return model.isTeamMember(org, slug, user);
    },
    async listReviews() {
      return model.reviewsOn(repo, pull()).map((review) => ({
        user: review.user.login,
        state: review.state,
        submittedAt: review.submitted_at,
        commitId: review.commit_id,
      }));
    },
    async listCommits() {
      return model.commitsOn(repo, pull()).map((commit) => ({
        message: commit.message,
        author: commit.author.login,
        committer: commit.committer.login,
        verified: commit.verified,
      }));
    },
    async listLabelEvents() {
      return model.labelEventsOn(repo, pull()).map((event) => ({
        id: event.id,
        action: event.event,
        label: event.label.name,
        actor: event.actor.login,
        actorIsBot: event.actor.type === "Bot",
      }));
    },
    async createReview(review) {
      try {
        model.createReview(repo, pull(), {
          commit_id: review.commitId,
          comments: review.comments.map((line) => ({ ...line, side: "RIGHT" })),
        });
        return "posted";
      } catch (error) {
        if (error instanceof GitHubRefusal && error.status === 422)
          return "refused";
        throw error;
      }
    },
    async requestReviewers(users, teams) {
      try {
        model.requestReviewers(repo, pull(), {
          reviewers: [...users],
          team_reviewers: [...teams],
        });
        return undefined;
      } catch (error) {
        if (error instanceof GitHubRefusal && error.status === 422)
          return { refused: error.message };
        throw error;
      }
    },
    async listComments() {
      return model.commentsOn(repo, pull()).map((comment) => ({
        id: comment.id,
        body: comment.body,
        createdAt: comment.created_at,
        appId: comment.performed_via_github_app?.id,
        author: comment.user.login,
      }));
    },
    async createComment(body) {
      model.createComment(repo, pull(), body);
    },
    async updateComment(id, body) {
      if (!model.updateComment(repo, id, body))
        throw gitHubError(404, "PATCH", `/issues/comments/${id}`);
    },
    async deleteComment(id) {
      model.deleteComment(repo, id);
    },
    async addLabels(names) {
      const onPull = pull();
      model.labelPullRequest(repo, onPull, names, model.bot);
      return model.labelsOf(repo, onPull).map((label) => ({
        ...label,
        description: label.description ?? "",
      }));
    },
    async updateLabel(label) {
      if (!model.updateLabel(repo, label.name, label))
        throw gitHubError(404, "PATCH", `/labels/${label.name}`);
    },
    async removeLabel(name) {
      model.unlabelPullRequest(repo, pull(), name, model.bot);
    },
    async listCheckRuns(headSha, name) {
      return model
        .checkRunsOn(
          repo,
          headSha,
          name,
          "appId" in ref.identity ? ref.identity.appId : null,
        )
        .map((run: FakeCheckRun) => ({
          id: run.id,
          completed: run.status === "completed",
          conclusion: run.conclusion,
          title: run.output.title,
          summary: run.output.summary,
        }));
    },
    async createCheckRun(run) {
      return model.createCheckRun(repo, {
        name: run.name,
        head_sha: run.headSha,
        status: "completed",
        conclusion: run.conclusion,
        output: {
          title: run.title,
          summary: run.summary,
          annotations: run.annotations,
        },
      }).id;
    },
    async addAnnotations(id, run, annotations) {
      const output = { title: run.title, summary: run.summary, annotations };
      if (!model.updateCheckRun(repo, id, output))
        throw gitHubError(404, "PATCH", `/check-runs/${id}`);
    },
  };
  return observed(client, log);
}

/** What a refused contents write is to the handlers: stale (409) or forbidden (403, 404). */
function refusedWrite(error: unknown): PutFileResult {
  if (!(error instanceof GitHubRefusal)) throw error;
  if (error.status === 409) return { kind: "stale" };
  if (error.status === 403 || error.status === 404)
    return { kind: "forbidden" };
  throw error;
}

// A status commit writes back every byte it read, a byte order mark included.
const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function decodeText(bytes: Buffer): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** A RepoClient over a GitHub model: its repos, their config files and open PRs. */
export function createFakeRepoClient(
  model: GitHubModel,
  log: CallLog = createCallLog(),
): RepoClient {
  const client: RepoClient = {
    getConfigFile: async (owner, name, path) =>
      configFileOf(model, owner, name, path),
    // Config and template reads go through a repo's client as a PR's run makes them.
    configReads: (owner, name) =>
      createFakeGitHubClient(
        model,
        { owner, repo: name, number: 0, identity: { appId: 0 } },
        log,
      ),
    async listOpenPulls(owner, name, limit) {
      return model
        .openPulls(model.repo(`${owner}/${name}`))
        .slice(0, limit)
        .map((pull) => ({
          number: pull.number,
          headSha: pull.headSha,
          labels: pull.labels.map((label) => label.name),
          url: `https://github.com/${owner}/${name}/pull/${pull.number}`,
        }));
    },
    async listInstalledRepos() {
      return model.installedRepos().map((repo) => {
        const [owner = "", name = ""] = repo.fullName.split("/");
        return { owner, repo: name, archived: repo.archived };
      });
    },
  };
  return observed(client, log);
}

/** A config file on a repo's default branch, as GitHub's raw content read gives it. */
function configFileOf(
  model: GitHubModel,
  owner: string,
  name: string,
  path: string,
): ConfigFile {
  const file = model.readContent(model.repo(`${owner}/${name}`), path, null);
  return file
    ? { kind: "file", text: file.bytes.toString("utf8") }
    : { kind: "absent" };
}
