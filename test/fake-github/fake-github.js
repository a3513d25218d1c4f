// A small GitHub REST API on loopback, holding state, for the end-to-end test, the API-call
// benchmark and the load test. Plain JavaScript so that `npm run bench` runs it without a
// compiler; its types are in fake-github.d.ts.
import { createHash } from "node:crypto";
import { createServer } from "node:http";

/** The blob sha git gives these bytes. */
export function blobSha(bytes) {
  return createHash("sha1")
    .update(`blob ${bytes.length}\0`)
    .update(bytes)
    .digest("hex");
}

export class FakeGitHub {
  constructor({ delayMs = 1, appId = 1 } = {}) {
    this.delayMs = delayMs;
    this.appId = appId;
    this.requests = [];
    this.repos = new Map();
    this.nextId = 1000;
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
    return `http://127.0.0.1:${this.port}/api/v3`;
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
        files: new Map(),
        blobs: new Map(),
        labels: new Map(),
        pulls: new Map(),
        comments: [],
        checkRuns: [],
      };
      this.repos.set(fullName, repo);
    }
    return repo;
  }

  /** Sets a PR's head: its changed files (path → text, or null when removed). */
  setPullRequest(fullName, number, { headSha, files, labels, draft = false }) {
    const repo = this.repo(fullName);
    const pull = repo.pulls.get(number) ?? { labels: [], state: "open" };
    pull.headSha = headSha;
    pull.draft = draft;
    if (labels) pull.labels = [...labels];
    pull.files = Object.entries(files).map(([filename, text]) => {
      if (text === null) return { filename, status: "removed", sha: null };
      const bytes = Buffer.from(text);
      const sha = blobSha(bytes);
      repo.blobs.set(sha, bytes);
      return { filename, status: "added", sha };
    });
    repo.pulls.set(number, pull);
    return pull;
  }

  /** The bot's view of a PR afterwards: its comments, labels and check runs. */
  pullRequestState(fullName, number) {
    const repo = this.repo(fullName);
    const pull = repo.pulls.get(number);
    return {
      comments: repo.comments.filter((comment) => comment.issue === number),
      labels: pull ? [...pull.labels] : [],
      checkRuns: repo.checkRuns.filter((run) => run.head_sha === pull?.headSha),
    };
  }

  async #handle(request, response) {
    const start = performance.now();
    const body = await readBody(request);
    const url = new URL(request.url, "http://127.0.0.1");
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v3/, ""));
    await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const [status, data, headers = {}] = this.#route(
      request.method,
      path,
      url.searchParams,
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
      start,
      end: performance.now(),
    });
  }

  #route(method, path, query, body, accept) {
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
    const match = /^\/repos\/([^/]+\/[^/]+)(\/.*)$/.exec(path);
    if (!match) return [404, { message: "Not Found" }];
    const repo = this.repo(match[1]);
    const rest = match[2];
    const key = `${method} ${rest}`;
    let m;
    if ((m = /^GET \/contents\/(.+)$/.exec(key))) {
      const text = repo.files.get(m[1]);
      if (text === undefined) return [404, { message: "Not Found" }];
      if (accept.includes("raw")) return [200, text];
      return [
        200,
        {
          type: "file",
          encoding: "base64",
          content: Buffer.from(text).toString("base64"),
        },
      ];
    }
    if ((m = /^GET \/pulls\/(\d+)\/files$/.exec(key))) {
      const pull = repo.pulls.get(Number(m[1]));
      return pull ? [200, pull.files] : [404, { message: "Not Found" }];
    }
    if ((m = /^GET \/pulls\/(\d+)$/.exec(key))) {
      const pull = repo.pulls.get(Number(m[1]));
      if (!pull) return [404, { message: "Not Found" }];
      return [
        200,
        {
          number: Number(m[1]),
          state: pull.state,
          draft: pull.draft,
          user: { login: "Codertocat" },
          head: {
            sha: pull.headSha,
            ref: "changes",
            repo: { full_name: match[1] },
          },
          base: { sha: "base", ref: "main", repo: { full_name: match[1] } },
          labels: pull.labels.map((name) => this.#label(repo, name)),
        },
      ];
    }
    if ((m = /^GET \/git\/blobs\/(\w+)$/.exec(key))) {
      const bytes = repo.blobs.get(m[1]);
      if (!bytes) return [404, { message: "Not Found" }];
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
    if ((m = /^GET \/issues\/(\d+)\/comments$/.exec(key)))
      return [
        200,
        repo.comments.filter((comment) => comment.issue === Number(m[1])),
      ];
    if ((m = /^POST \/issues\/(\d+)\/comments$/.exec(key))) {
      const comment = {
        id: this.nextId++,
        issue: Number(m[1]),
        body: body.body,
        created_at: new Date().toISOString(),
        user: { login: "design-docs[bot]", type: "Bot" },
        performed_via_github_app: { id: this.appId },
      };
      repo.comments.push(comment);
      return [201, comment];
    }
    if ((m = /^(PATCH|DELETE) \/issues\/comments\/(\d+)$/.exec(key))) {
      const index = repo.comments.findIndex(
        (comment) => comment.id === Number(m[2]),
      );
      if (index < 0) return [404, { message: "Not Found" }];
      if (m[1] === "DELETE") {
        repo.comments.splice(index, 1);
        return [204, undefined];
      }
      repo.comments[index].body = body.body;
      return [200, repo.comments[index]];
    }
    if ((m = /^POST \/issues\/(\d+)\/labels$/.exec(key))) {
      const pull = repo.pulls.get(Number(m[1]));
      for (const name of body.labels) {
        if (!repo.labels.has(name.toLowerCase()))
          repo.labels.set(name.toLowerCase(), {
            name,
            color: "ededed",
            description: null,
          });
        if (
          !pull.labels.some(
            (label) => label.toLowerCase() === name.toLowerCase(),
          )
        )
          pull.labels.push(name);
      }
      return [200, pull.labels.map((name) => this.#label(repo, name))];
    }
    if ((m = /^DELETE \/issues\/(\d+)\/labels\/(.+)$/.exec(key))) {
      const pull = repo.pulls.get(Number(m[1]));
      const index = pull.labels.findIndex(
        (label) => label.toLowerCase() === m[2].toLowerCase(),
      );
      if (index < 0) return [404, { message: "Label does not exist" }];
      pull.labels.splice(index, 1);
      return [200, pull.labels.map((name) => this.#label(repo, name))];
    }
    if ((m = /^PATCH \/labels\/(.+)$/.exec(key))) {
      const label = repo.labels.get(m[1].toLowerCase());
      if (!label) return [404, { message: "Not Found" }];
      Object.assign(label, {
        color: body.color,
        description: body.description,
      });
      return [200, label];
    }
    if ((m = /^GET \/commits\/(\w+)\/check-runs$/.exec(key))) {
      const runs = repo.checkRuns.filter(
        (run) => run.head_sha === m[1] && run.name === query.get("check_name"),
      );
      return [200, { total_count: runs.length, check_runs: runs }];
    }
    if (key === "POST /check-runs") {
      const run = { id: this.nextId++, ...body, output: { ...body.output } };
      repo.checkRuns.push(run);
      return [201, run];
    }
    if ((m = /^PATCH \/check-runs\/(\d+)$/.exec(key))) {
      const run = repo.checkRuns.find((entry) => entry.id === Number(m[1]));
      if (!run) return [404, { message: "Not Found" }];
      run.output = {
        ...body.output,
        annotations: [...run.output.annotations, ...body.output.annotations],
      };
      return [200, run];
    }
    return [404, { message: `Not Found: ${method} ${path}` }];
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
