// GitHub's API mocked with nock: for the client's own mapping tests, and the tests of the
// request pipeline's retries and deadlines (faults, hostile), where the requests are the point.
// Handler tests run on the in-memory GitHub instead.
import nock from "nock";
import {
  createGitHubClient,
  type GitHubClient,
} from "../../src/github/client.js";
import { APP_ID, HEAD_SHA, INSTALLATION_ID, testOctokit } from "./app.js";

/** The example payloads' repository, as API paths name it. */
export const REPO = "/repos/Codertocat/Hello-World";

/**
 * The real client for PR #2 over an Octokit without retries or throttling, and a nock scope
 * for GitHub's API: the tests of the client's own mapping (paths, bodies, pages, statuses).
 */
export function nockedClient(): { client: GitHubClient; api: nock.Scope } {
  nock.disableNetConnect();
  const Octokit = testOctokit(false);
  const client = createGitHubClient(new Octokit({ auth: { token: "t" } }), {
    owner: "Codertocat",
    repo: "Hello-World",
    number: 2,
    identity: { appId: APP_ID },
  });
  return { client, api: nock("https://api.github.com") };
}

/** A nock scope for GitHub's API that hands out an installation token. */
export function mockGitHub(): nock.Scope {
  return nock("https://api.github.com")
    .post(`/app/installations/${INSTALLATION_ID}/access_tokens`)
    .optionally()
    .reply(201, { token: "test-token", permissions: {} });
}

/** The repo's `.github/design-docs.yml` (raw YAML), or none in the repo and the org. */
export function mockConfig(scope: nock.Scope, yaml?: string): nock.Scope {
  const file = /\/contents\/\.github(%2F|\/)design-docs\.yml/u;
  if (yaml !== undefined) {
    return scope
      .get((uri) => uri.startsWith(REPO) && file.test(uri))
      .reply(200, yaml, { "content-type": "text/plain; charset=utf-8" });
  }
  return scope
    .get((uri) => uri.startsWith(REPO) && file.test(uri))
    .reply(404)
    .get(
      (uri) => uri.startsWith("/repos/Codertocat/.github/") && file.test(uri),
    )
    .reply(404);
}

/** A file entry of the PR's file list. */
export function changedFile(
  filename: string,
  sha: string,
  status = "added",
): Record<string, unknown> {
  return { filename, sha, status, additions: 1, deletions: 0, changes: 1 };
}

/** The blob API's answer for some bytes. */
export function blobReply(content: string | Buffer): Record<string, unknown> {
  const bytes = typeof content === "string" ? Buffer.from(content) : content;
  return {
    sha: "x",
    size: bytes.length,
    encoding: "base64",
    content: bytes.toString("base64"),
  };
}

/** The base commit of the example PR. */
const BASE_SHA = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";

/** The PR as `GET /pulls/2` returns it now; `fork` puts its head in another repository. */
export function pullRequestReply(
  change: {
    labels?: string[];
    draft?: boolean;
    state?: string;
    sha?: string;
    fork?: boolean;
  } = {},
): Record<string, unknown> {
  return {
    number: 2,
    state: change.state ?? "open",
    draft: change.draft ?? false,
    user: { login: "Codertocat" },
    head: {
      sha: change.sha ?? HEAD_SHA,
      ref: "changes",
      repo: {
        full_name: change.fork
          ? "mallory/Hello-World"
          : "Codertocat/Hello-World",
      },
    },
    base: {
      sha: BASE_SHA,
      ref: "master",
      repo: { full_name: "Codertocat/Hello-World" },
    },
    labels: (change.labels ?? []).map((name, id) => ({ id, name })),
  };
}

/** What GitHub holds for a run's reads; all but the blobs have a default. */
export interface ReadMocks {
  /** Raw `.github/design-docs.yml`; none by default. */
  config?: string;
  files?: Record<string, unknown>[];
  pr?: Parameters<typeof pullRequestReply>[0];
  /** Blob contents by sha: each is fetched once. */
  blobs: Record<string, string | Buffer>;
}

/** Mocks the reads of a run on a PR that changes design docs. */
export function mockReads(scope: nock.Scope, reads: ReadMocks): nock.Scope {
  mockConfig(scope, reads.config)
    .get(`${REPO}/pulls/2/files`)
    .query(true)
    .reply(200, reads.files ?? [])
    .get(`${REPO}/issues/2/comments`)
    .query(true)
    .reply(200, [])
    .get(`${REPO}/pulls/2`)
    .reply(200, pullRequestReply(reads.pr));
  for (const [sha, content] of Object.entries(reads.blobs))
    scope.get(`${REPO}/git/blobs/${sha}`).reply(200, blobReply(content));
  return scope
    .get(`${REPO}/commits/${HEAD_SHA}/check-runs`)
    .query({
      check_name: "Design docs",
      app_id: String(APP_ID),
      filter: "latest",
      per_page: "100",
    })
    .reply(200, { total_count: 0, check_runs: [] });
}

/** Records the JSON body of a request nock matched, and matches it. */
export function capture(into: unknown[]): (body: unknown) => boolean {
  return (body) => {
    into.push(body);
    return true;
  };
}

/** The contents API's answer for a file. */
export function contentsReply(
  text: string,
  sha: string,
): Record<string, unknown> {
  return {
    type: "file",
    sha,
    encoding: "base64",
    content: Buffer.from(text).toString("base64"),
  };
}
