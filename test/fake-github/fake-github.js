// A small GitHub REST API on loopback, over the state of github-model.js, for the end-to-end
// tests, the scenario tests, the API-call benchmark and the load test. Plain JavaScript so
// that `npm run bench` runs it without a compiler; its types are in fake-github.d.ts.
//
// The model keeps the state and does what GitHub does to it; this face routes each request
// to it, answers with GitHub's JSON and statuses, paginates lists with `link` headers, and
// records every request. Faults and hooks, injected per request, are this face's own.
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import { GitHubModel, GitHubRefusal } from "./github-model.js";

export { blobSha, MAX_LISTED_FILES } from "./github-model.js";

const NOT_FOUND = [404, { message: "Not Found" }];
const NO_ACCESS = [
  403,
  { message: "Resource not accessible by personal access token" },
];
const ROLE_PERMISSIONS = {
  admin: "admin",
  maintain: "write",
  write: "write",
  triage: "read",
  read: "read",
};

export class FakeGitHub extends GitHubModel {
  constructor({ delayMs = 1, appId = 1, appSlug = "design-docs-bot" } = {}) {
    super({ appId, appSlug });
    this.delayMs = delayMs;
    this.requests = [];
    this.faults = [];
    this.hooks = [];
    /** What `x-ratelimit-remaining` says next: one less per installation request, as GitHub counts. */
    this.rateLimitRemaining = 5000;
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

  /** The requests GitHub counts against the rate limit: all but the app's own (JWT) and 304s. */
  chargedRequests() {
    return this.requests.filter(
      (request) => !request.path.startsWith("/app") && request.status !== 304,
    );
  }

  /** Requests that changed something (not GET), access tokens left out. */
  writes() {
    return this.requests.filter(
      (request) =>
        request.method !== "GET" && !request.path.endsWith("/access_tokens"),
    );
  }

  async #handle(request, response) {
    const start = performance.now();
    const body = await readBody(request);
    const url = new URL(request.url, "http://127.0.0.1");
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v3/, ""));
    // At 0 there is no timer at all, so a benchmark measures the client, not setTimeout.
    if (this.delayMs > 0)
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
    const [answered, data, headers = {}] = fault
      ? [fault.status, fault.body, fault.headers]
      : this.#answer(
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
    const etag =
      request.method === "GET" && answered === 200 && data !== undefined
        ? `"${createHash("sha1")
            .update(`${request.headers.accept ?? ""}\n${text}`)
            .digest("hex")}"`
        : undefined;
    // A conditional GET whose answer has not changed: 304, which GitHub does not count.
    const status =
      etag !== undefined && request.headers["if-none-match"] === etag
        ? 304
        : answered;
    // GitHub counts an installation's requests; the app's own (JWT, under /app) are its own.
    if (!path.startsWith("/app") && status !== 304)
      this.rateLimitRemaining -= 1;
    const rateLimit = path.startsWith("/app")
      ? {}
      : {
          "x-ratelimit-limit": "5000",
          "x-ratelimit-remaining": String(this.rateLimitRemaining),
        };
    response.writeHead(status, {
      "content-type":
        typeof data === "string"
          ? "text/plain; charset=utf-8"
          : "application/json; charset=utf-8",
      ...rateLimit,
      ...(etag === undefined ? {} : { etag }),
      ...headers,
    });
    response.end(status === 304 ? "" : text);
    this.requests.push({
      method: request.method,
      path,
      status,
      body,
      start,
      end: performance.now(),
    });
  }

  /** The route's answer, or the status and body of GitHub's refusal. */
  #answer(method, path, url, body, accept) {
    try {
      return this.#route(method, path, url, body, accept);
    } catch (error) {
      if (error instanceof GitHubRefusal) return [error.status, error.body];
      throw error;
    }
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
    if (method === "GET" && path === "/installation/repositories") {
      const repositories = this.installedRepos().map((repo) => {
        const [owner, name] = repo.fullName.split("/");
        return {
          name,
          full_name: repo.fullName,
          owner: { login: owner },
          archived: repo.archived,
        };
      });
      return [200, { total_count: repositories.length, repositories }];
    }
    // GraphQL, for the one query the Action asks: whose token it holds (the app's bot user).
    if (method === "POST" && path === "/api/graphql")
      return /^\s*query\s*\{\s*viewer\s*\{\s*login\s*\}\s*\}\s*$/u.test(
        body.query ?? "",
      )
        ? [200, { data: { viewer: { login: this.botLogin } } }]
        : [
            200,
            { errors: [{ message: "The fake answers viewer { login } only" }] },
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
      return this.isTeamMember(m[1], m[2], m[3])
        ? [200, { state: "active", role: "member" }]
        : NOT_FOUND;
    }
    if (method === "GET" && (m = /^\/orgs\/([^/]+)\/repos$/.exec(path))) {
      const repos = this.orgRepos(m[1]);
      return repos.length === 0
        ? NOT_FOUND
        : this.#page(
            repos.map((repo) => repoJson(repo)),
            url,
          );
    }
    const match = /^\/repos\/([^/]+\/[^/]+)(\/.*)?$/s.exec(path);
    if (!match) return NOT_FOUND;
    const rest = match[2] ?? "";
    // A read knows only repos the model made: it never makes one (an org's list would show it).
    if (method === "GET" && !this.repos.has(match[1])) return NOT_FOUND;
    const repo = this.repo(match[1]);
    if (method === "GET" && rest === "") return [200, repoJson(repo)];
    if (method === "GET" && repo.access === "none") return NO_ACCESS;
    return (
      this.#routeRepo(repo, `${method} ${rest}`, url, body, accept) ?? [
        404,
        { message: `Not Found: ${method} ${path}` },
      ]
    );
  }

  #routeRepo(repo, key, url, body, accept) {
    let m;
    if ((m = /^GET \/contents\/(.+)$/s.exec(key))) {
      const file = this.readContent(repo, m[1], url.searchParams.get("ref"));
      if (!file) return NOT_FOUND;
      if (accept.includes("raw")) return [200, file.bytes.toString("utf8")];
      return [
        200,
        {
          type: "file",
          path: m[1],
          sha: file.sha,
          size: file.bytes.length,
          encoding: "base64",
          content: file.bytes.toString("base64"),
        },
      ];
    }
    if ((m = /^PUT \/contents\/(.+)$/s.exec(key))) {
      const { commitSha, blobSha } = this.putContent(repo, m[1], {
        ...body,
        bytes: Buffer.from(body.content, "base64"),
      });
      return [
        201,
        {
          content: { path: m[1], sha: blobSha },
          commit: { sha: commitSha, message: body.message },
        },
      ];
    }
    if ((m = /^GET \/collaborators\/([^/]+)\/permission$/.exec(key))) {
      const role = this.permissionOf(repo, m[1]);
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
      const bytes = this.readBlob(repo, m[1]);
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
    if ((m = /^GET \/git\/trees\/(.+)$/s.exec(key))) {
      if (m[1] !== repo.defaultBranch && m[1] !== "HEAD") return NOT_FOUND;
      const { sha, tree, truncated } = this.readTree(repo);
      const api = `${this.baseUrl}/repos/${repo.fullName}/git`;
      const recursive = url.searchParams.get("recursive") !== null;
      return [
        200,
        {
          sha,
          url: `${api}/trees/${sha}`,
          truncated,
          tree: tree
            .filter((entry) => recursive || !entry.path.includes("/"))
            .map((entry) =>
              entry.type === "blob"
                ? { ...entry, url: `${api}/blobs/${entry.sha}` }
                : entry,
            ),
        },
      ];
    }
    if (key === "GET /pulls")
      return this.#page(
        this.openPulls(repo).map((pull) => this.#pullJson(pull)),
        url,
      );
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
      if (!pull || !this.unlabelPullRequest(repo, pull, m[2], this.bot))
        return [404, { message: "Label does not exist" }];
      return [200, this.labelsOf(repo, pull)];
    }
    if ((m = /^PATCH \/issues\/comments\/(\d+)$/.exec(key))) {
      const comment = this.updateComment(repo, Number(m[1]), body.body);
      return comment ? [200, comment] : NOT_FOUND;
    }
    if ((m = /^DELETE \/issues\/comments\/(\d+)$/.exec(key)))
      return this.deleteComment(repo, Number(m[1]))
        ? [204, undefined]
        : NOT_FOUND;
    if ((m = /^PATCH \/labels\/(.+)$/.exec(key))) {
      const label = this.updateLabel(repo, m[1], body);
      return label ? [200, label] : NOT_FOUND;
    }
    if ((m = /^GET \/commits\/(\w+)\/check-runs$/.exec(key))) {
      const runs = this.checkRunsOn(
        repo,
        m[1],
        url.searchParams.get("check_name"),
        url.searchParams.get("app_id"),
      );
      return [200, { total_count: runs.length, check_runs: runs }];
    }
    if (key === "POST /check-runs")
      return [201, this.createCheckRun(repo, body)];
    if ((m = /^PATCH \/check-runs\/(\d+)$/.exec(key))) {
      const run = this.updateCheckRun(repo, Number(m[1]), body.output);
      return run ? [200, run] : NOT_FOUND;
    }
    return undefined;
  }

  #routePull(repo, pull, key, url, body) {
    switch (key) {
      case "GET ":
        return [200, this.#pullJson(this.readPullRequest(repo, pull))];
      case "GET /files":
        return this.#page(this.readChangedFiles(repo, pull), url);
      case "GET /commits":
        return this.#page(
          this.commitsOn(repo, pull).map((commit) => commitJson(commit)),
          url,
        );
      case "GET /reviews":
        return this.#page(this.reviewsOn(repo, pull), url);
      case "POST /reviews":
        return [200, this.createReview(repo, pull, body)];
      case "POST /requested_reviewers":
        this.requestReviewers(repo, pull, body);
        return [201, this.#pullJson(this.readPullRequest(repo, pull))];
      case "POST /comments":
        return [
          200,
          this.createReview(repo, pull, {
            commit_id: body.commit_id,
            body: "",
            comments: [body],
          }),
        ];
      default:
        return undefined;
    }
  }

  #routeIssue(repo, pull, key, url, body) {
    switch (key) {
      case "GET comments":
        return this.#page(this.commentsOn(repo, pull), url);
      case "POST comments":
        return [201, this.createComment(repo, pull, body.body)];
      case "POST labels":
        this.labelPullRequest(repo, pull, body.labels, this.bot);
        return [200, this.labelsOf(repo, pull)];
      case "GET events":
        return this.#page(this.labelEventsOn(repo, pull), url);
      default:
        return undefined;
    }
  }

  #pullJson(pull) {
    return {
      number: pull.number,
      html_url: `https://github.com/${pull.baseRepo}/pull/${pull.number}`,
      state: pull.state,
      merged: pull.merged,
      draft: pull.draft,
      changed_files: pull.changedFiles,
      user: { login: pull.author },
      requested_reviewers: pull.requestedReviewers.map((login) => ({ login })),
      requested_teams: pull.requestedTeams.map((slug) => ({
        slug,
        name: slug,
      })),
      head: {
        sha: pull.headSha,
        ref: pull.headRef,
        repo: { full_name: pull.headRepo },
      },
      base: {
        sha: pull.baseSha,
        ref: "main",
        repo: { full_name: pull.baseRepo },
      },
      labels: pull.labels,
    };
  }
}

/** A repository as GitHub lists it (an org's list, or GET /repos/{owner}/{repo}). */
function repoJson(repo) {
  const [owner, name] = repo.fullName.split("/");
  return {
    id: repo.id,
    name,
    full_name: repo.fullName,
    owner: { login: owner },
    private: repo.private,
    archived: repo.archived,
    fork: false,
    default_branch: repo.defaultBranch,
    html_url: `https://github.com/${repo.fullName}`,
  };
}

function commitJson(commit) {
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

/**
 * The longest chain of requests each of which began after the one before it ended: the
 * sequential round trips a handler needed.
 */
export function roundTrips(requests) {
  return Math.max(0, ...tripDepths(requests).values());
}

/**
 * For each request, the round trip it was made in: 1 + the longest chain of requests that
 * ended before it began.
 */
export function tripDepths(requests) {
  const sorted = [...requests].sort((a, b) => a.start - b.start);
  const depths = new Map();
  for (const request of sorted) {
    let before = 0;
    for (const [other, depth] of depths)
      if (other.end <= request.start) before = Math.max(before, depth);
    depths.set(request, before + 1);
  }
  return depths;
}

async function readBody(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString("utf8");
  return text === "" ? {} : JSON.parse(text);
}
