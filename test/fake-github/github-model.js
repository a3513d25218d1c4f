// A small GitHub as state, and what GitHub does to that state when asked, for two faces: the
// REST API on loopback (fake-github.js: end-to-end and scenario tests, the benchmark, the load
// test) and the in-memory GitHubClient of the handler tests (test/helpers). Plain JavaScript
// so that `npm run bench` runs it without a compiler; its types are in github-model.d.ts.
//
// It keeps what the bot reads and writes the way GitHub does: a PR is a base tree and a chain
// of commits, its file list is their difference (at most 3,000 entries), a contents write is
// a commit on the PR's branch, every label change is an issue event with its actor. Something
// that is not there is `undefined` (or `false`); a request GitHub refuses throws a
// GitHubRefusal with the status GitHub answers it with.
import { createHash } from "node:crypto";

/** The blob sha git gives these bytes. */
export function blobSha(bytes) {
  return createHash("sha1")
    .update(`blob ${bytes.length}\0`)
    .update(bytes)
    .digest("hex");
}

/** GitHub lists at most this many files of a pull request. */
export const MAX_LISTED_FILES = 3000;
/** GitHub takes at most this many annotations in one request about a check run. */
export const MAX_ANNOTATIONS_PER_REQUEST = 50;

/** A request GitHub refuses: its status and the body it answers with. */
export class GitHubRefusal extends Error {
  constructor(status, message, details = {}) {
    super(message);
    this.status = status;
    this.body = { message, ...details };
  }
}

const person = (login) => ({
  login,
  type: login.endsWith("[bot]") ? "Bot" : "User",
});

export class GitHubModel {
  constructor({ appId = 1, appSlug = "design-docs-bot" } = {}) {
    this.appId = appId;
    this.appSlug = appSlug;
    this.botLogin = `${appSlug}[bot]`;
    /** The app's bot user, as GitHub shows it on what the app writes. */
    this.bot = { login: this.botLogin, type: "Bot" };
    this.repos = new Map();
    this.teams = new Map();
    this.nextId = 1000;
    this.time = Date.parse("2026-11-23T10:00:00Z");
  }

  /** A repo's state, created empty on first use. */
  repo(fullName) {
    let repo = this.repos.get(fullName);
    if (!repo) {
      repo = {
        fullName,
        files: new Map(),
        blobs: new Map(),
        commits: new Map(),
        labels: new Map(),
        pulls: new Map(),
        comments: [],
        checkRuns: [],
        permissions: new Map(),
        reviews: [],
        reviewComments: [],
        events: [],
        contentsWrite: true,
        protectedBranches: new Set(),
        archived: false,
        id: this.repos.size + 1,
        defaultBranch: "main",
        private: false,
        access: "full",
        treeTruncated: false,
      };
      this.repos.set(fullName, repo);
    }
    return repo;
  }

  /**
   * Creates a repo with these default-branch files (path → text or Buffer) and settings.
   * `access: "none"`: the org lists it, but every read under it answers 403.
   */
  addRepo(
    fullName,
    {
      files = {},
      archived = false,
      access = "full",
      private: isPrivate = false,
    } = {},
  ) {
    const repo = this.repo(fullName);
    for (const [path, text] of Object.entries(files))
      repo.files.set(path, text);
    Object.assign(repo, { archived, access, private: isPrivate });
    return repo;
  }

  /**
   * Sets a PR: its base files, and its head as one commit changing `files` (path → text, or
   * null when removed). `renames` maps a new path to the base path it was moved from. Called
   * again, it replaces the head, as a force-push does.
   */
  setPullRequest(
    fullName,
    number,
    {
      headSha,
      files,
      base = {},
      renames = {},
      labels,
      draft = false,
      state,
      fork = false,
      author = "Codertocat",
    },
  ) {
    const repo = this.repo(fullName);
    const existing = repo.pulls.get(number);
    const baseTree = this.#tree(repo, base);
    const baseSha =
      existing?.baseSha ?? this.#sha(`base ${fullName}#${number}`);
    repo.commits.set(baseSha, {
      sha: baseSha,
      tree: baseTree,
      message: "Base",
      author: { login: "Codertocat", type: "User" },
      verified: false,
      date: this.#now(),
    });
    const pull = existing ?? {
      number,
      labels: [],
      state: "open",
      merged: false,
      headRef: "changes",
      author,
      requestedReviewers: [],
      requestedTeams: [],
    };
    Object.assign(pull, {
      baseSha,
      baseTree,
      draft,
      renames: new Map(Object.entries(renames)),
      headRepo: fork ? `mallory/${fullName.split("/")[1]}` : fullName,
      commits: [],
    });
    if (state) pull.state = state;
    if (labels) pull.labels = [...labels];
    repo.pulls.set(number, pull);
    this.#commit(repo, pull, {
      sha: headSha,
      files,
      message: "Update design docs",
      author: { login: author, type: "User" },
      verified: false,
    });
    return pull;
  }

  /**
   * Pushes a commit onto a PR's head: `files` as in setPullRequest. `author` and `committer`
   * say which accounts GitHub links the commit to, `verified` whether it shows the signature
   * as verified (a signature vouches for the committer).
   */
  push(
    fullName,
    number,
    {
      files,
      headSha,
      message = "Update design docs",
      author = "Codertocat",
      committer = author,
      verified = false,
      renames = {},
    },
  ) {
    const repo = this.repo(fullName);
    const pull = repo.pulls.get(number);
    for (const [to, from] of Object.entries(renames))
      pull.renames.set(to, from);
    return this.#commit(repo, pull, {
      sha: headSha,
      files,
      message,
      author: person(author),
      committer: person(committer),
      verified,
    });
  }

  /** The PR's head sha. */
  headOf(fullName, number) {
    return this.repo(fullName).pulls.get(number).headSha;
  }

  /** A file's text at a PR's head, or undefined. */
  headText(fullName, number, path) {
    const repo = this.repo(fullName);
    const pull = repo.pulls.get(number);
    const sha = repo.commits.get(pull.headSha).tree.get(path);
    return sha === undefined ? undefined : repo.blobs.get(sha).toString("utf8");
  }

  /** The commits on a PR, oldest first, as the bot's reads see them. */
  commitsOf(fullName, number) {
    const repo = this.repo(fullName);
    return repo.pulls.get(number).commits.map((sha) => repo.commits.get(sha));
  }

  /** Gives a user a role on the repo: admin, maintain, write, triage or read. */
  setPermission(fullName, user, role) {
    this.repo(fullName).permissions.set(user.toLowerCase(), role);
  }

  /** Makes users the active members of an org's team. */
  setTeam(org, slug, users) {
    this.teams.set(
      `${org}/${slug}`.toLowerCase(),
      new Set(users.map((user) => user.toLowerCase())),
    );
  }

  /** A person adds a label to a PR (GitHub records the event with them as its actor). */
  addLabel(fullName, number, name, actor = "Codertocat") {
    const repo = this.repo(fullName);
    this.labelPullRequest(repo, repo.pulls.get(number), [name], {
      login: actor,
      type: "User",
    });
  }

  /** A person removes a label from a PR. */
  removeLabel(fullName, number, name, actor = "Codertocat") {
    const repo = this.repo(fullName);
    this.unlabelPullRequest(repo, repo.pulls.get(number), name, {
      login: actor,
      type: "User",
    });
  }

  /** A person submits a review (APPROVED, CHANGES_REQUESTED, COMMENTED) on the PR's head. */
  addReview(fullName, number, { user, state }) {
    const repo = this.repo(fullName);
    const review = {
      id: this.nextId++,
      issue: number,
      user: { login: user, type: "User" },
      state,
      submitted_at: this.#now(),
      commit_id: repo.pulls.get(number).headSha,
    };
    repo.reviews.push(review);
    // A requested reviewer who reviews is no longer pending, as on GitHub.
    const pull = repo.pulls.get(number);
    pull.requestedReviewers = pull.requestedReviewers.filter(
      (login) => login.toLowerCase() !== user.toLowerCase(),
    );
    return review;
  }

  /** Dismisses a review, as GitHub does when a maintainer dismisses it. */
  dismissReview(fullName, id) {
    const review = this.repo(fullName).reviews.find((entry) => entry.id === id);
    review.state = "DISMISSED";
  }

  /**
   * A comment on a PR's conversation: by a person (`appId` null, the default), or by a
   * GitHub App. `createdAt` dates it other than now.
   */
  addComment(fullName, number, body, { appId = null, user, createdAt } = {}) {
    const login =
      user ??
      (appId === null
        ? "mallory"
        : appId === this.appId
          ? this.botLogin
          : `app-${appId}[bot]`);
    const comment = {
      id: this.nextId++,
      issue: number,
      body,
      created_at: createdAt ?? this.#now(),
      user: person(login),
      performed_via_github_app: appId === null ? null : { id: appId },
    };
    this.repo(fullName).comments.push(comment);
    return comment;
  }

  /** A person edits a comment (anyone with write access can edit the bot's). */
  editComment(fullName, id, body) {
    this.updateComment(this.repo(fullName), id, body);
  }

  /** The bot's view of a PR afterwards: its comments, labels and check runs on its head. */
  pullRequestState(fullName, number) {
    const repo = this.repo(fullName);
    const pull = repo.pulls.get(number);
    return {
      comments: repo.comments.filter((comment) => comment.issue === number),
      labels: pull ? [...pull.labels] : [],
      checkRuns: repo.checkRuns.filter((run) => run.head_sha === pull?.headSha),
      reviews: repo.reviewComments.filter((review) => review.issue === number),
      requestedReviewers: pull ? [...pull.requestedReviewers] : [],
      requestedTeams: pull ? [...pull.requestedTeams] : [],
    };
  }

  /**
   * After each of the app's commits on this repo's PRs, the next `reads` reads of the PR and
   * of its file list still show the PR as it was before the commit, as GitHub's can for a
   * moment.
   */
  lagAfterCommits(fullName, reads) {
    this.repo(fullName).lagReads = reads;
  }

  // What GitHub does when the app asks: both faces answer with these.

  /** A read of the PR as GitHub answers it now: for a moment after a commit, the head before. */
  readPullRequest(repo, pull) {
    const stale = this.#lagging(pull, "pulls");
    return {
      number: pull.number,
      state: pull.state,
      merged: pull.merged,
      draft: pull.draft,
      changedFiles: this.changedFiles(repo, pull).length,
      author: pull.author,
      requestedReviewers: [...pull.requestedReviewers],
      requestedTeams: [...pull.requestedTeams],
      headSha: stale?.headSha ?? pull.headSha,
      headRef: pull.headRef,
      headRepo: pull.headRepo,
      baseSha: pull.baseSha,
      baseRepo: repo.fullName,
      labels: this.labelsOf(repo, pull),
    };
  }

  /**
   * Requests reviews as GitHub does: never from the PR's author, and only from collaborators
   * (people with a permission on the repo) and the owner's teams; else nothing is requested.
   */
  requestReviewers(repo, pull, { reviewers = [], team_reviewers = [] }) {
    if (
      reviewers.some(
        (login) => login.toLowerCase() === pull.author.toLowerCase(),
      )
    )
      throw new GitHubRefusal(
        422,
        "Review cannot be requested from pull request author.",
      );
    const owner = repo.fullName.split("/")[0];
    if (
      reviewers.some((login) => !repo.permissions.has(login.toLowerCase())) ||
      team_reviewers.some(
        (slug) => !this.teams.has(`${owner}/${slug}`.toLowerCase()),
      )
    )
      throw new GitHubRefusal(
        422,
        `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${repo.fullName} repository.`,
      );
    const add = (list, names) => [
      ...list,
      ...names.filter(
        (name) =>
          !list.some((entry) => entry.toLowerCase() === name.toLowerCase()),
      ),
    ];
    pull.requestedReviewers = add(pull.requestedReviewers, reviewers);
    pull.requestedTeams = add(pull.requestedTeams, team_reviewers);
  }

  /** The repo's open PRs, oldest first, as GitHub lists them. */
  openPulls(repo) {
    return [...repo.pulls.values()]
      .filter((pull) => pull.state === "open")
      .sort((a, b) => a.number - b.number)
      .map((pull) => this.readPullRequest(repo, pull));
  }

  /** Every repository the installation can see: each the model holds. */
  installedRepos() {
    return [...this.repos.values()].map((repo) => ({
      fullName: repo.fullName,
      archived: repo.archived,
    }));
  }

  /** The repos an org owns (its login in any case), sorted by full name. */
  orgRepos(org) {
    return [...this.repos.values()]
      .filter(
        (repo) =>
          repo.fullName.split("/")[0].toLowerCase() === org.toLowerCase(),
      )
      .sort((a, b) =>
        a.fullName < b.fullName ? -1 : a.fullName > b.fullName ? 1 : 0,
      );
  }

  /**
   * The default branch's tree, every file (its blob stored, so it reads back) and every
   * directory (its sha follows what is in it), sorted by path; refused (409) when the repo
   * has no files, as GitHub does.
   */
  readTree(repo) {
    if (repo.files.size === 0)
      throw new GitHubRefusal(409, "Git Repository is empty.");
    const files = [...repo.files].map(([path, text]) => {
      const sha = this.#storeBlob(repo, text);
      const size = repo.blobs.get(sha).length;
      return { path, mode: "100644", type: "blob", sha, size };
    });
    const dirs = new Set(
      files.flatMap(({ path }) =>
        path
          .split("/")
          .slice(0, -1)
          .map((_, depth, parts) => parts.slice(0, depth + 1).join("/")),
      ),
    );
    const treeSha = (prefix) =>
      createHash("sha1")
        .update(`tree ${prefix}\n`)
        .update(
          files
            .filter(({ path }) => path.startsWith(prefix))
            .map(({ path, sha }) => `${path} ${sha}`)
            .sort()
            .join("\n"),
        )
        .digest("hex");
    const tree = [
      ...files,
      ...[...dirs].map((path) => ({
        path,
        mode: "040000",
        type: "tree",
        sha: treeSha(`${path}/`),
      })),
    ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { sha: treeSha(""), tree, truncated: repo.treeTruncated };
  }

  /** A read of the PR's file list: its first 3,000 entries, lagging as readPullRequest. */
  readChangedFiles(repo, pull) {
    const files =
      this.#lagging(pull, "files")?.files ?? this.changedFiles(repo, pull);
    return files.slice(0, MAX_LISTED_FILES);
  }

  /** The PR's file list, as GitHub computes it from its base and head trees. */
  changedFiles(repo, pull) {
    const head = repo.commits.get(pull.headSha).tree;
    const base = pull.baseTree;
    const renamedFrom = new Set(pull.renames.values());
    const paths = [...new Set([...base.keys(), ...head.keys()])].sort();
    const files = [];
    for (const path of paths) {
      const before = base.get(path);
      const after = head.get(path);
      if (before === after) continue;
      const from = pull.renames.get(path);
      if (after === undefined) {
        if (renamedFrom.has(path)) continue;
        files.push(this.#fileEntry(repo, path, "removed", null, before));
      } else if (from !== undefined && base.has(from))
        files.push({
          ...this.#fileEntry(repo, path, "renamed", after, base.get(from)),
          previous_filename: from,
        });
      else
        files.push(
          this.#fileEntry(
            repo,
            path,
            before === undefined ? "added" : "modified",
            after,
            before,
          ),
        );
    }
    return files;
  }

  /**
   * A file's blob at a `ref` (a commit sha, a PR's branch; the default branch when null), or
   * undefined when there is none there.
   */
  readContent(repo, path, ref) {
    const tree = this.#treeAt(repo, ref);
    if (tree === null) return undefined;
    let sha;
    if (tree === undefined) {
      const text = repo.files.get(path);
      if (text === undefined) return undefined;
      sha = this.#storeBlob(repo, text);
    } else sha = tree.get(path);
    if (sha === undefined) return undefined;
    return { sha, bytes: repo.blobs.get(sha) };
  }

  /**
   * A contents write: a commit on the PR branch it names, made and signed by the app. Refused
   * without contents write (403), on a branch that is no PR's here (404), with a sha that is
   * not the file's there or on a protected branch (409).
   */
  putContent(repo, path, { branch, sha, bytes, message }) {
    if (!repo.contentsWrite)
      throw new GitHubRefusal(403, "Resource not accessible by integration");
    const pull = [...repo.pulls.values()].find(
      (entry) => entry.headRef === branch && entry.headRepo === repo.fullName,
    );
    if (!pull) throw new GitHubRefusal(404, "Branch not found");
    if (repo.protectedBranches.has(branch))
      throw new GitHubRefusal(
        409,
        "Could not create file: Changes must be made through a pull request.",
      );
    const current = repo.commits.get(pull.headSha).tree.get(path);
    if (current !== sha)
      throw new GitHubRefusal(409, `${path} does not match ${sha}`);
    if (repo.lagReads)
      pull.lagging = {
        headSha: pull.headSha,
        files: this.changedFiles(repo, pull),
        reads: { pulls: repo.lagReads, files: repo.lagReads },
      };
    const commitSha = this.#commit(repo, pull, {
      files: { [path]: bytes },
      message,
      author: this.bot,
      verified: true,
    });
    return {
      commitSha,
      blobSha: repo.commits.get(commitSha).tree.get(path),
    };
  }

  /** A blob's bytes, or undefined. */
  readBlob(repo, sha) {
    return repo.blobs.get(sha);
  }

  /** A user's role on the repo, or undefined when they have none. */
  permissionOf(repo, user) {
    return repo.permissions.get(user.toLowerCase());
  }

  /** Whether a user is an active member of an org's team. */
  isTeamMember(org, slug, user) {
    return (
      this.teams.get(`${org}/${slug}`.toLowerCase())?.has(user.toLowerCase()) ??
      false
    );
  }

  /** The PR's commits, oldest first. */
  commitsOn(repo, pull) {
    return pull.commits.map((sha) => repo.commits.get(sha));
  }

  /** The reviews people submitted on the PR. */
  reviewsOn(repo, pull) {
    return repo.reviews.filter((review) => review.issue === pull.number);
  }

  /** Labels added to and removed from the PR, oldest first. */
  labelEventsOn(repo, pull) {
    return repo.events.filter((event) => event.issue === pull.number);
  }

  /** The comments on the PR's conversation, oldest first. */
  commentsOn(repo, pull) {
    return repo.comments.filter((comment) => comment.issue === pull.number);
  }

  /** A review by the app holding line comments; refused (422) when a line is not in the diff. */
  createReview(repo, pull, { commit_id, body = "", comments = [] }) {
    const files = this.changedFiles(repo, pull);
    const inDiff = (comment) => {
      const file = files.find((entry) => entry.filename === comment.path);
      if (!file || file.sha === null) return false;
      const lines = repo.blobs.get(file.sha).toString("utf8").split("\n");
      return comment.line >= 1 && comment.line <= lines.length;
    };
    if (!comments.every(inDiff))
      throw new GitHubRefusal(422, "Unprocessable Entity", {
        errors: ["Line could not be resolved"],
      });
    const review = {
      id: this.nextId++,
      issue: pull.number,
      commit_id,
      body,
      comments,
      user: this.bot,
    };
    repo.reviewComments.push(review);
    return review;
  }

  /** A comment by the app on the PR's conversation. */
  createComment(repo, pull, body) {
    return this.addComment(repo.fullName, pull.number, body, {
      appId: this.appId,
    });
  }

  /** A comment's new body; undefined when there is no such comment. */
  updateComment(repo, id, body) {
    const comment = repo.comments.find((entry) => entry.id === id);
    if (comment) comment.body = body;
    return comment;
  }

  /** Deletes a comment; false when there was none. */
  deleteComment(repo, id) {
    const index = repo.comments.findIndex((comment) => comment.id === id);
    if (index >= 0) repo.comments.splice(index, 1);
    return index >= 0;
  }

  /** Puts labels on a PR; one the repo lacks is created first, grey, without a description. */
  labelPullRequest(repo, pull, names, actor) {
    for (const name of names) {
      if (!repo.labels.has(name.toLowerCase()))
        repo.labels.set(name.toLowerCase(), {
          name,
          color: "ededed",
          description: null,
        });
      if (
        pull.labels.some((label) => label.toLowerCase() === name.toLowerCase())
      )
        continue;
      pull.labels.push(name);
      this.#event(repo, pull.number, "labeled", actor, name);
    }
  }

  /** Takes a label off a PR; false when it was not on. */
  unlabelPullRequest(repo, pull, name, actor) {
    const index = pull.labels.findIndex(
      (label) => label.toLowerCase() === name.toLowerCase(),
    );
    if (index < 0) return false;
    const [removed] = pull.labels.splice(index, 1);
    this.#event(repo, pull.number, "unlabeled", actor, removed);
    return true;
  }

  /** The labels on a PR, as the repo defines them. */
  labelsOf(repo, pull) {
    return pull.labels.map(
      (name) =>
        repo.labels.get(name.toLowerCase()) ?? {
          name,
          color: "ededed",
          description: null,
        },
    );
  }

  /** A repo label's new colour and description; undefined when there is no such label. */
  updateLabel(repo, name, { color, description }) {
    const label = repo.labels.get(name.toLowerCase());
    if (label) Object.assign(label, { color, description });
    return label;
  }

  /** The check runs of that name on a commit, of one app (any, when appId is null). */
  checkRunsOn(repo, headSha, name, appId) {
    return repo.checkRuns.filter(
      (run) =>
        run.head_sha === headSha &&
        run.name === name &&
        (appId === null || String(run.app?.id) === String(appId)),
    );
  }

  /** A check run by the app; refused (422) with more annotations than one request takes. */
  createCheckRun(repo, body) {
    annotationsWithin(body.output?.annotations);
    const run = {
      id: this.nextId++,
      ...body,
      app: { id: this.appId, slug: this.appSlug },
      output: { ...body.output },
    };
    repo.checkRuns.push(run);
    return run;
  }

  /** A check run's new output, its annotations added to those it has; undefined when none. */
  updateCheckRun(repo, id, output) {
    annotationsWithin(output.annotations);
    const run = repo.checkRuns.find((entry) => entry.id === id);
    if (!run) return undefined;
    run.output = {
      ...output,
      annotations: [...run.output.annotations, ...output.annotations],
    };
    return run;
  }

  #now() {
    this.time += 1000;
    return new Date(this.time).toISOString().replace(/\.\d+Z$/, "Z");
  }

  #sha(seed) {
    return createHash("sha1").update(`${seed} ${this.nextId++}`).digest("hex");
  }

  #storeBlob(repo, text) {
    const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
    const sha = blobSha(bytes);
    repo.blobs.set(sha, bytes);
    return sha;
  }

  #tree(repo, files) {
    const tree = new Map();
    for (const [path, text] of Object.entries(files))
      tree.set(path, this.#storeBlob(repo, text));
    return tree;
  }

  /** A commit on top of the PR's head (or its base), which becomes the head. */
  #commit(
    repo,
    pull,
    { sha, files, message, author, committer = author, verified },
  ) {
    const parent = repo.commits.get(pull.headSha ?? pull.baseSha);
    const tree = new Map(pull.commits.length > 0 ? parent.tree : pull.baseTree);
    for (const [path, text] of Object.entries(files)) {
      if (text === null) tree.delete(path);
      else tree.set(path, this.#storeBlob(repo, text));
    }
    for (const [to, from] of pull.renames)
      if (tree.has(to) && files[from] === undefined) tree.delete(from);
    const commit = {
      sha: sha ?? this.#sha(message),
      tree,
      message,
      author,
      committer,
      verified,
      date: this.#now(),
    };
    repo.commits.set(commit.sha, commit);
    pull.commits.push(commit.sha);
    pull.headSha = commit.sha;
    return commit.sha;
  }

  /** The PR as it was before the app's last commit, while reads of `kind` still lag. */
  #lagging(pull, kind) {
    if (!pull.lagging || pull.lagging.reads[kind] <= 0) return undefined;
    pull.lagging.reads[kind] -= 1;
    return pull.lagging;
  }

  #fileEntry(repo, filename, status, sha, beforeSha) {
    const lines = (blob) =>
      blob === undefined || blob === null
        ? []
        : repo.blobs.get(blob).toString("utf8").split("\n");
    const after = lines(sha);
    const before = lines(beforeSha);
    return {
      sha,
      filename,
      status,
      additions: after.length,
      deletions: before.length,
      changes: after.length + before.length,
      patch: [
        `@@ -${before.length === 0 ? 0 : 1},${before.length} +${after.length === 0 ? 0 : 1},${after.length} @@`,
        ...before.map((line) => `-${line}`),
        ...after.map((line) => `+${line}`),
      ].join("\n"),
    };
  }

  #event(repo, issue, event, actor, label) {
    repo.events.push({
      id: this.nextId++,
      issue,
      event,
      actor,
      label: { name: label, color: "ededed" },
      created_at: this.#now(),
    });
  }

  /** The tree a `ref` names: a commit sha, a PR's branch, or (none) the default branch. */
  #treeAt(repo, ref) {
    if (ref === null) return undefined;
    const commit = repo.commits.get(ref);
    if (commit) return commit.tree;
    const pull = [...repo.pulls.values()].find(
      (entry) => entry.headRef === ref && entry.headRepo === repo.fullName,
    );
    return pull ? repo.commits.get(pull.headSha).tree : null;
  }
}

function annotationsWithin(annotations = []) {
  if (annotations.length > MAX_ANNOTATIONS_PER_REQUEST)
    throw new GitHubRefusal(422, "Unprocessable Entity", {
      errors: [
        `Only ${MAX_ANNOTATIONS_PER_REQUEST} annotations are allowed per request`,
      ],
    });
}
