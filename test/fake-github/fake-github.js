// A small GitHub REST API on loopback, holding state, for the end-to-end tests, the scenario
// tests, the API-call benchmark and the load test. Plain JavaScript so that `npm run bench`
// runs it without a compiler; its types are in fake-github.d.ts.
//
// It keeps what the bot reads and writes the way GitHub does: a PR is a base tree and a chain
// of commits, its file list is their difference (at most 3,000 entries, paginated), a
// contents write is a commit on the PR's branch, every label change is an issue event with
// its actor, and lists are paginated with `link` headers.
import { createHash } from "node:crypto";
import { createServer } from "node:http";

/** The blob sha git gives these bytes. */
export function blobSha(bytes) {
  return createHash("sha1")
    .update(`blob ${bytes.length}\0`)
    .update(bytes)
    .digest("hex");
}

/** GitHub lists at most this many files of a pull request. */
export const MAX_LISTED_FILES = 3000;
const NOT_FOUND = [404, { message: "Not Found" }];
const ROLE_PERMISSIONS = {
  admin: "admin",
  maintain: "write",
  write: "write",
  triage: "read",
  read: "read",
};

export class FakeGitHub {
  constructor({ delayMs = 1, appId = 1, appSlug = "design-docs-bot" } = {}) {
    this.delayMs = delayMs;
    this.appId = appId;
    this.appSlug = appSlug;
    this.botLogin = `${appSlug}[bot]`;
    this.requests = [];
    this.repos = new Map();
    this.teams = new Map();
    this.nextId = 1000;
    this.time = Date.parse("2026-11-23T10:00:00Z");
    this.faults = [];
    this.hooks = [];
    this.server = createServer((request, response) => {
      this.#handle(request, response).catch((error) => {
        response.writeHead(500, { "content-type": "application/json" });
        response.end(JSON.stringify({ message: String(error) }));
      });
    });
  }

  /** Starts listening on a free loopback port; returns the `/api/v3` base URL. */
  async start() {
    await new Promise((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.port = this.server.address().port;
    this.baseUrl = `http://127.0.0.1:${this.port}/api/v3`;
    return this.baseUrl;
  }

  async stop() {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
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
      };
      this.repos.set(fullName, repo);
    }
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
    const account = (login) => ({
      login,
      type: login.endsWith("[bot]") ? "Bot" : "User",
    });
    return this.#commit(repo, pull, {
      sha: headSha,
      files,
      message,
      author: account(author),
      committer: account(committer),
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
    this.#addLabels(repo, repo.pulls.get(number), [name], {
      login: actor,
      type: "User",
    });
  }

  /** A person removes a label from a PR. */
  removeLabel(fullName, number, name, actor = "Codertocat") {
    const repo = this.repo(fullName);
    this.#removeLabel(repo, repo.pulls.get(number), name, {
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
    return review;
  }

  /** Dismisses a review, as GitHub does when a maintainer dismisses it. */
  dismissReview(fullName, id) {
    const review = this.repo(fullName).reviews.find((entry) => entry.id === id);
    review.state = "DISMISSED";
  }

  /** A person edits a comment (anyone with write access can edit the bot's). */
  editComment(fullName, id, body) {
    const comment = this.repo(fullName).comments.find(
      (entry) => entry.id === id,
    );
    comment.body = body;
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
    };
  }

  /**
   * Answers the next `times` requests matching `method` and `path` with `status` and `body`
   * instead of doing them.
   */
  inject({
    method,
    path,
    status,
    body = { message: "injected" },
    headers = {},
    times = 1,
  }) {
    this.faults.push({ method, path, status, body, headers, times });
  }

  /** Runs `run` just before GitHub handles the next request matching `method` and `path`. */
  beforeNext({ method, path, run }) {
    this.hooks.push({ method, path, run });
  }

  /**
   * After each of the app's commits on this repo's PRs, the next `reads` reads of the PR and
   * of its file list still show the PR as it was before the commit, as GitHub's can for a
   * moment.
   */
  lagAfterCommits(fullName, reads) {
    this.repo(fullName).lagReads = reads;
  }

  /** Requests that changed something (not GET), access tokens left out. */
  writes() {
    return this.requests.filter(
      (request) =>
        request.method !== "GET" && !request.path.endsWith("/access_tokens"),
    );
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

  /** The PR's file list, as GitHub computes it from its base and head trees. */
  #changedFiles(repo, pull) {
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

  #addLabels(repo, pull, names, actor) {
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

  #removeLabel(repo, pull, name, actor) {
    const index = pull.labels.findIndex(
      (label) => label.toLowerCase() === name.toLowerCase(),
    );
    if (index < 0) return false;
    const [removed] = pull.labels.splice(index, 1);
    this.#event(repo, pull.number, "unlabeled", actor, removed);
    return true;
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

  get #bot() {
    return { login: this.botLogin, type: "Bot" };
  }

  async #handle(request, response) {
    const start = performance.now();
    const body = await readBody(request);
    const url = new URL(request.url, "http://127.0.0.1");
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v3/, ""));
    await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const hook = this.hooks.findIndex(
      (entry) => entry.method === request.method && entry.path.test(path),
    );
    if (hook >= 0) this.hooks.splice(hook, 1)[0].run();
    const fault = this.faults.find(
      (entry) =>
        entry.times > 0 &&
        entry.method === request.method &&
        entry.path.test(path),
    );
    if (fault) fault.times -= 1;
    const [status, data, headers = {}] = fault
      ? [fault.status, fault.body, fault.headers]
      : this.#route(
          request.method,
          path,
          url,
          body,
          request.headers.accept ?? "",
        );
    const text =
      typeof data === "string"
        ? data
        : data === undefined
          ? ""
          : JSON.stringify(data);
    response.writeHead(status, {
      "content-type":
        typeof data === "string"
          ? "text/plain; charset=utf-8"
          : "application/json; charset=utf-8",
      ...headers,
    });
    response.end(text);
    this.requests.push({
      method: request.method,
      path,
      status,
      body,
      start,
      end: performance.now(),
    });
  }

  /** A page of `items` as GitHub serves it, with `link` headers to the other pages. */
  #page(items, url) {
    const perPage = Number(url.searchParams.get("per_page") ?? 30);
    const page = Number(url.searchParams.get("page") ?? 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (n, rel) => {
      const target = new URL(url);
      target.searchParams.set("page", String(n));
      return `<http://127.0.0.1:${this.port}${target.pathname}${target.search}>; rel="${rel}"`;
    };
    const links = [
      ...(page < last ? [link(page + 1, "next"), link(last, "last")] : []),
      ...(page > 1 ? [link(1, "first"), link(page - 1, "prev")] : []),
    ];
    return [
      200,
      items.slice((page - 1) * perPage, page * perPage),
      links.length > 0 ? { link: links.join(", ") } : {},
    ];
  }

  #route(method, path, url, body, accept) {
    if (
      method === "POST" &&
      /^\/app\/installations\/\d+\/access_tokens$/.test(path)
    )
      return [
        201,
        {
          token: "fake-installation-token",
          expires_at: "2099-01-01T00:00:00Z",
        },
      ];
    if (method === "GET" && path === "/app")
      return [
        200,
        { id: this.appId, slug: this.appSlug, name: "Design Docs Bot" },
      ];
    let m;
    if (
      method === "GET" &&
      (m = /^\/orgs\/([^/]+)\/teams\/([^/]+)\/memberships\/([^/]+)$/.exec(path))
    ) {
      const team = this.teams.get(`${m[1]}/${m[2]}`.toLowerCase());
      return team?.has(m[3].toLowerCase())
        ? [200, { state: "active", role: "member" }]
        : NOT_FOUND;
    }
    const match = /^\/repos\/([^/]+\/[^/]+)(\/.*)$/s.exec(path);
    if (!match) return NOT_FOUND;
    const repo = this.repo(match[1]);
    return (
      this.#routeRepo(repo, `${method} ${match[2]}`, url, body, accept) ?? [
        404,
        { message: `Not Found: ${method} ${path}` },
      ]
    );
  }

  #routeRepo(repo, key, url, body, accept) {
    let m;
    if ((m = /^GET \/contents\/(.+)$/s.exec(key)))
      return this.#getContent(repo, m[1], url.searchParams.get("ref"), accept);
    if ((m = /^PUT \/contents\/(.+)$/s.exec(key)))
      return this.#putContent(repo, m[1], body);
    if ((m = /^GET \/collaborators\/([^/]+)\/permission$/.exec(key))) {
      const role = repo.permissions.get(m[1].toLowerCase());
      return role === undefined
        ? NOT_FOUND
        : [
            200,
            {
              permission: ROLE_PERMISSIONS[role],
              role_name: role,
              user: { login: m[1] },
            },
          ];
    }
    if ((m = /^GET \/git\/blobs\/(\w+)$/.exec(key))) {
      const bytes = repo.blobs.get(m[1]);
      if (!bytes) return NOT_FOUND;
      return [
        200,
        {
          sha: m[1],
          size: bytes.length,
          encoding: "base64",
          content: bytes.toString("base64"),
        },
      ];
    }
    if ((m = /^(GET|POST) \/pulls\/(\d+)(\/.*)?$/.exec(key))) {
      const pull = repo.pulls.get(Number(m[2]));
      if (!pull) return NOT_FOUND;
      return this.#routePull(repo, pull, `${m[1]} ${m[3] ?? ""}`, url, body);
    }
    if (
      (m = /^(GET|POST) \/issues\/(\d+)\/(comments|labels|events)$/.exec(key))
    ) {
      const pull = repo.pulls.get(Number(m[2]));
      if (!pull) return NOT_FOUND;
      return this.#routeIssue(repo, pull, `${m[1]} ${m[3]}`, url, body);
    }
    if ((m = /^DELETE \/issues\/(\d+)\/labels\/(.+)$/.exec(key))) {
      const pull = repo.pulls.get(Number(m[1]));
      if (!pull || !this.#removeLabel(repo, pull, m[2], this.#bot))
        return [404, { message: "Label does not exist" }];
      return [200, pull.labels.map((name) => this.#label(repo, name))];
    }
    if ((m = /^(PATCH|DELETE) \/issues\/comments\/(\d+)$/.exec(key))) {
      const index = repo.comments.findIndex(
        (comment) => comment.id === Number(m[2]),
      );
      if (index < 0) return NOT_FOUND;
      if (m[1] === "DELETE") {
        repo.comments.splice(index, 1);
        return [204, undefined];
      }
      repo.comments[index].body = body.body;
      return [200, repo.comments[index]];
    }
    if ((m = /^PATCH \/labels\/(.+)$/.exec(key))) {
      const label = repo.labels.get(m[1].toLowerCase());
      if (!label) return NOT_FOUND;
      Object.assign(label, {
        color: body.color,
        description: body.description,
      });
      return [200, label];
    }
    if ((m = /^GET \/commits\/(\w+)\/check-runs$/.exec(key))) {
      const appId = url.searchParams.get("app_id");
      const runs = repo.checkRuns.filter(
        (run) =>
          run.head_sha === m[1] &&
          run.name === url.searchParams.get("check_name") &&
          (appId === null || String(run.app?.id) === appId),
      );
      return [200, { total_count: runs.length, check_runs: runs }];
    }
    if (key === "POST /check-runs") {
      const run = {
        id: this.nextId++,
        ...body,
        app: { id: this.appId },
        output: { ...body.output },
      };
      repo.checkRuns.push(run);
      return [201, run];
    }
    if ((m = /^PATCH \/check-runs\/(\d+)$/.exec(key))) {
      const run = repo.checkRuns.find((entry) => entry.id === Number(m[1]));
      if (!run) return NOT_FOUND;
      run.output = {
        ...body.output,
        annotations: [...run.output.annotations, ...body.output.annotations],
      };
      return [200, run];
    }
    return undefined;
  }

  #routePull(repo, pull, key, url, body) {
    const lagging = (kind) => {
      if (!pull.lagging || pull.lagging.reads[kind] <= 0) return undefined;
      pull.lagging.reads[kind] -= 1;
      return pull.lagging;
    };
    const files = () => this.#changedFiles(repo, pull);
    switch (key) {
      case "GET ": {
        const stale = lagging("pulls");
        return [
          200,
          {
            ...this.#pullJson(repo, pull, files().length),
            ...(stale && {
              head: {
                ...this.#pullJson(repo, pull, 0).head,
                sha: stale.headSha,
              },
            }),
          },
        ];
      }
      case "GET /files":
        return this.#page(
          (lagging("files")?.files ?? files()).slice(0, MAX_LISTED_FILES),
          url,
        );
      case "GET /commits":
        return this.#page(
          pull.commits.map((sha) => this.#commitJson(repo.commits.get(sha))),
          url,
        );
      case "GET /reviews":
        return this.#page(
          repo.reviews.filter((review) => review.issue === pull.number),
          url,
        );
      case "POST /reviews":
        return this.#createReview(repo, pull, body, files());
      case "POST /comments":
        return this.#createReview(
          repo,
          pull,
          { commit_id: body.commit_id, body: "", comments: [body] },
          files(),
        );
      default:
        return undefined;
    }
  }

  #routeIssue(repo, pull, key, url, body) {
    switch (key) {
      case "GET comments":
        return this.#page(
          repo.comments.filter((comment) => comment.issue === pull.number),
          url,
        );
      case "POST comments": {
        const comment = {
          id: this.nextId++,
          issue: pull.number,
          body: body.body,
          created_at: this.#now(),
          user: this.#bot,
          performed_via_github_app: { id: this.appId },
        };
        repo.comments.push(comment);
        return [201, comment];
      }
      case "POST labels":
        this.#addLabels(repo, pull, body.labels, this.#bot);
        return [200, pull.labels.map((name) => this.#label(repo, name))];
      case "GET events":
        return this.#page(
          repo.events.filter((event) => event.issue === pull.number),
          url,
        );
      default:
        return undefined;
    }
  }

  #pullJson(repo, pull, changedFiles) {
    return {
      number: pull.number,
      state: pull.state,
      merged: pull.merged,
      draft: pull.draft,
      changed_files: changedFiles,
      user: { login: pull.author },
      head: {
        sha: pull.headSha,
        ref: pull.headRef,
        repo: { full_name: pull.headRepo },
      },
      base: {
        sha: pull.baseSha,
        ref: "main",
        repo: { full_name: repo.fullName },
      },
      labels: pull.labels.map((name) => this.#label(repo, name)),
    };
  }

  #commitJson(commit) {
    const person = (account) => ({
      name: account.login,
      email: `${account.login}@users.noreply.github.com`,
      date: commit.date,
    });
    const committer = commit.committer ?? commit.author;
    return {
      sha: commit.sha,
      commit: {
        message: commit.message,
        author: person(commit.author),
        committer: person(committer),
        verification: {
          verified: commit.verified,
          reason: commit.verified ? "valid" : "unsigned",
        },
      },
      author: commit.author,
      committer,
    };
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

  #getContent(repo, path, ref, accept) {
    const tree = this.#treeAt(repo, ref);
    if (tree === null) return NOT_FOUND;
    let sha;
    if (tree === undefined) {
      const text = repo.files.get(path);
      if (text === undefined) return NOT_FOUND;
      sha = this.#storeBlob(repo, text);
    } else sha = tree.get(path);
    if (sha === undefined) return NOT_FOUND;
    const bytes = repo.blobs.get(sha);
    if (accept.includes("raw")) return [200, bytes.toString("utf8")];
    return [
      200,
      {
        type: "file",
        path,
        sha,
        size: bytes.length,
        encoding: "base64",
        content: bytes.toString("base64"),
      },
    ];
  }

  /** A contents write: a commit on the PR branch it names, made and signed by the app. */
  #putContent(repo, path, body) {
    if (!repo.contentsWrite)
      return [403, { message: "Resource not accessible by integration" }];
    const pull = [...repo.pulls.values()].find(
      (entry) =>
        entry.headRef === body.branch && entry.headRepo === repo.fullName,
    );
    if (!pull) return [404, { message: "Branch not found" }];
    const current = repo.commits.get(pull.headSha).tree.get(path);
    if (current !== body.sha)
      return [409, { message: `${path} does not match ${body.sha}` }];
    if (repo.lagReads)
      pull.lagging = {
        headSha: pull.headSha,
        files: this.#changedFiles(repo, pull),
        reads: { pulls: repo.lagReads, files: repo.lagReads },
      };
    const sha = this.#commit(repo, pull, {
      files: { [path]: Buffer.from(body.content, "base64") },
      message: body.message,
      author: this.#bot,
      verified: true,
    });
    return [
      201,
      {
        content: { path, sha: repo.commits.get(sha).tree.get(path) },
        commit: { sha, message: body.message },
      },
    ];
  }

  /** A review with line comments; 422 when a line is not in the PR's diff. */
  #createReview(repo, pull, body, files) {
    const inDiff = (comment) => {
      const file = files.find((entry) => entry.filename === comment.path);
      if (!file || file.sha === null) return false;
      const lines = repo.blobs.get(file.sha).toString("utf8").split("\n");
      return comment.line >= 1 && comment.line <= lines.length;
    };
    if (!(body.comments ?? []).every(inDiff))
      return [
        422,
        {
          message: "Unprocessable Entity",
          errors: ["Line could not be resolved"],
        },
      ];
    const review = {
      id: this.nextId++,
      issue: pull.number,
      commit_id: body.commit_id,
      body: body.body ?? "",
      comments: body.comments ?? [],
      user: this.#bot,
    };
    repo.reviewComments.push(review);
    return [200, review];
  }

  #label(repo, name) {
    return (
      repo.labels.get(name.toLowerCase()) ?? {
        name,
        color: "ededed",
        description: null,
      }
    );
  }
}

/**
 * The longest chain of requests each of which began after the one before it ended: the
 * sequential round trips a handler needed.
 */
export function roundTrips(requests) {
  const sorted = [...requests].sort((a, b) => a.start - b.start);
  const depth = [];
  for (const [index, request] of sorted.entries()) {
    let before = 0;
    for (let other = 0; other < index; other += 1) {
      if (sorted[other].end <= request.start)
        before = Math.max(before, depth[other]);
    }
    depth.push(before + 1);
  }
  return Math.max(0, ...depth);
}

async function readBody(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString("utf8");
  return text === "" ? {} : JSON.parse(text);
}
