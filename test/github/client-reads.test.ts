import { afterEach, expect, test } from "@jest/globals";
import nock from "nock";
import { REPO, nockedClient } from "../helpers/nock-github.js";

// What the client asks GitHub for its reads, and what it makes of the answers.

afterEach(() => {
  nock.cleanAll();
});

const base64 = (text: string | Buffer) =>
  (typeof text === "string" ? Buffer.from(text) : text).toString("base64");

test("the PR: its head, whether the head is in this repository, base, draft, state, labels, file count, author and requested reviewers", async () => {
  const { client, api } = nockedClient();
  const pull = (headRepo: string, state: string, draft: boolean | null) => ({
    state,
    draft,
    changed_files: 3006,
    head: { sha: "h1", ref: "changes", repo: { full_name: headRepo } },
    base: { sha: "b1", repo: { full_name: "Codertocat/Hello-World" } },
    labels: [{ name: "In Review" }, { name: "bug" }],
    user: { login: "octocat" },
    requested_reviewers: [{ login: "alice" }],
    requested_teams: [{ slug: "architects", name: "Architects" }],
  });
  api
    .get(`${REPO}/pulls/2`)
    .reply(200, pull("Codertocat/Hello-World", "open", false))
    .get(`${REPO}/pulls/2`)
    .reply(200, pull("mallory/Hello-World", "closed", null));
  expect(await client.getPullRequest()).toEqual({
    headSha: "h1",
    headRef: "changes",
    headInRepo: true,
    baseSha: "b1",
    draft: false,
    open: true,
    labels: ["In Review", "bug"],
    changedFiles: 3006,
    owner: "Codertocat",
    author: "octocat",
    requestedReviewers: ["alice"],
    requestedTeams: ["architects"],
  });
  expect(await client.getPullRequest()).toMatchObject({
    headInRepo: false,
    draft: false,
    open: false,
  });
  expect(api.pendingMocks()).toEqual([]);
});

test("every page of the file list is read, 100 at a time, following `next` links; a removed file has no blob, a renamed one its old path", async () => {
  const { client, api } = nockedClient();
  const page1 = Array.from({ length: 100 }, (_, index) => ({
    filename: `src/file-${index}.ts`,
    sha: `s${index}`,
    status: "added",
  }));
  api
    .get(`${REPO}/pulls/2/files`)
    .query({ per_page: "100" })
    .reply(200, page1, {
      // The first page links only to the next one: it is followed page by page.
      link: `<https://api.github.com${REPO}/pulls/2/files?per_page=100&page=2>; rel="next"`,
    })
    .get(`${REPO}/pulls/2/files`)
    .query({ per_page: "100", page: "2" })
    .reply(200, [
      {
        filename: "docs/design/new-name.md",
        previous_filename: "docs/design/old-name.md",
        sha: "n1",
        status: "renamed",
        patch: "@@ -1 +1 @@",
      },
      { filename: "docs/design/gone.md", sha: "g1", status: "removed" },
    ]);
  const files = await client.listChangedFiles();
  expect(api.pendingMocks()).toEqual([]);
  expect(files).toHaveLength(102);
  expect(files.slice(100)).toEqual([
    {
      path: "docs/design/new-name.md",
      status: "renamed",
      sha: "n1",
      previousPath: "docs/design/old-name.md",
      patch: "@@ -1 +1 @@",
    },
    {
      path: "docs/design/gone.md",
      status: "removed",
      sha: undefined,
      previousPath: undefined,
      patch: undefined,
    },
  ]);
});

test("when the first page links to the last, the other pages are asked for at once, not one after another", async () => {
  const { client, api } = nockedClient();
  const filesOf = (page: number, count = 100) =>
    Array.from({ length: count }, (_, index) => ({
      filename: `src/page-${page}-${index}.ts`,
      sha: `s${page}-${index}`,
      status: "added",
    }));
  const link = (page: number, rel: string) =>
    `<https://api.github.com/repositories/1296269/pulls/2/files?per_page=100&page=${page}>; rel="${rel}"`;
  api
    .get(`${REPO}/pulls/2/files`)
    .query({ per_page: "100" })
    .reply(200, filesOf(1), { link: `${link(2, "next")}, ${link(4, "last")}` });
  // Each later page is answered once all of them were asked for (or after a second, which
  // only a client reading them one by one waits out): what each saw in flight is recorded.
  const asked: number[] = [];
  let allAsked: () => void = () => undefined;
  const everyPageAsked = new Promise<void>((resolve) => (allAsked = resolve));
  const inFlight: number[] = [];
  for (const page of [2, 3, 4])
    api
      .get(`${REPO}/pulls/2/files`)
      .query({ per_page: "100", page: String(page) })
      .reply(async () => {
        asked.push(page);
        if (asked.length === 3) allAsked();
        await Promise.race([
          everyPageAsked,
          new Promise((resolve) => setTimeout(resolve, 1000)),
        ]);
        inFlight.push(asked.length);
        return [200, filesOf(page, page === 4 ? 7 : 100)];
      });
  const files = await client.listChangedFiles();
  expect(api.pendingMocks()).toEqual([]);
  expect(inFlight).toEqual([3, 3, 3]);
  expect(files).toHaveLength(307);
  expect(files.map((file) => file.path).slice(99, 101)).toEqual([
    "src/page-1-99.ts",
    "src/page-2-0.ts",
  ]);
  expect(files.at(-1)?.path).toBe("src/page-4-6.ts");
});

test("a blob is read by its sha and decoded from base64", async () => {
  const { client, api } = nockedClient();
  api.get(`${REPO}/git/blobs/a1`).reply(200, {
    sha: "a1",
    size: 3,
    encoding: "base64",
    content: base64("# A"),
  });
  const blob = await client.getBlob("a1");
  expect(Buffer.from(blob.bytes).toString()).toBe("# A");
  expect(blob.size).toBe(3);
});

test("a file at a ref: its text with a byte order mark kept, no text when not UTF-8, nothing when absent or a directory", async () => {
  const { client, api } = nockedClient();
  const file = (content: Buffer) => ({
    type: "file",
    sha: "f1",
    encoding: "base64",
    content: base64(content),
  });
  api
    .get(`${REPO}/contents/docs%2Fdesign%2Fa.md`)
    .query({ ref: "changes" })
    .reply(200, file(Buffer.from("\ufeff# A\r\n")))
    .get(`${REPO}/contents/docs%2Fdesign%2Fa.md`)
    .reply(200, file(Buffer.from("# Caf\xe9\n", "latin1")))
    .get(`${REPO}/contents/docs%2Fdesign%2Fb.md`)
    .reply(404, { message: "Not Found" })
    .get(`${REPO}/contents/docs`)
    .reply(200, [{ type: "file", name: "a.md" }]);
  expect(await client.getFile("docs/design/a.md", "changes")).toEqual({
    text: "\ufeff# A\r\n",
    sha: "f1",
  });
  expect(await client.getFile("docs/design/a.md")).toEqual({
    text: undefined,
    sha: "f1",
  });
  expect(await client.getFile("docs/design/b.md")).toBeUndefined();
  expect(await client.getFile("docs")).toBeUndefined();
  expect(api.pendingMocks()).toEqual([]);
});

test("a read whose answer is another error than 404 fails", async () => {
  const { client, api } = nockedClient();
  api
    .get(`${REPO}/contents/docs%2Fa.md`)
    .reply(500, { message: "Server Error" });
  await expect(client.getFile("docs/a.md")).rejects.toMatchObject({
    status: 500,
  });
});

test("a config file is read raw from a repository's default branch: its text, absent, or forbidden (not a rate limit)", async () => {
  const { client, api } = nockedClient();
  const config = "/repos/Codertocat/.github/contents/.github%2Fdesign-docs.yml";
  api
    .get(config)
    .matchHeader("accept", "application/vnd.github.v3.raw")
    .reply(200, "paths: docs/**\n", { "content-type": "text/plain" })
    .get(config)
    .reply(404, { message: "Not Found" })
    .get(config)
    // A directory, or a submodule, is listed as JSON.
    .reply(200, [{ type: "file", name: "x.yml" }])
    .get(config)
    .reply(403, { message: "Resource not accessible by integration" })
    .get(config)
    .reply(
      403,
      { message: "API rate limit exceeded" },
      {
        "x-ratelimit-remaining": "0",
      },
    );
  const read = () =>
    client.getConfigFile("Codertocat", ".github", ".github/design-docs.yml");
  expect(await read()).toEqual({ kind: "file", text: "paths: docs/**\n" });
  expect(await read()).toEqual({ kind: "absent" });
  expect(await read()).toEqual({ kind: "absent" });
  expect(await read()).toEqual({ kind: "forbidden" });
  await expect(read()).rejects.toMatchObject({ status: 403 });
  expect(api.pendingMocks()).toEqual([]);
});

test("a user's role, or none (404); a team's active members only", async () => {
  const { client, api } = nockedClient();
  const team = "/orgs/Codertocat/teams/architects/memberships";
  api
    .get(`${REPO}/collaborators/alice/permission`)
    .reply(200, { permission: "write", role_name: "maintain" })
    .get(`${REPO}/collaborators/mallory/permission`)
    .reply(404, { message: "Not Found" })
    .get(`${team}/alice`)
    .reply(200, { state: "active" })
    .get(`${team}/bob`)
    .reply(200, { state: "pending" })
    .get(`${team}/mallory`)
    .reply(404, { message: "Not Found" });
  expect(await client.getPermission("alice")).toBe("maintain");
  expect(await client.getPermission("mallory")).toBeUndefined();
  const member = (user: string) =>
    client.isTeamMember("Codertocat", "architects", user);
  expect([
    await member("alice"),
    await member("bob"),
    await member("mallory"),
  ]).toEqual([true, false, false]);
  expect(api.pendingMocks()).toEqual([]);
});

test("reviews of people who still have an account, commits with the accounts GitHub links them to, label events with their actors", async () => {
  const { client, api } = nockedClient();
  api
    .get(`${REPO}/pulls/2/reviews`)
    .query({ per_page: "100" })
    .reply(200, [
      {
        user: { login: "alice" },
        state: "APPROVED",
        submitted_at: "2026-11-23T10:00:00Z",
        commit_id: "h1",
      },
      { user: null, state: "APPROVED", commit_id: "h1" },
    ])
    .get(`${REPO}/pulls/2/commits`)
    .query({ per_page: "100" })
    .reply(200, [
      {
        commit: { message: "Set status", verification: { verified: true } },
        author: { login: "design-docs-bot[bot]" },
        committer: { login: "web-flow" },
      },
      { commit: { message: "Edit" }, author: null, committer: null },
    ])
    .get(`${REPO}/issues/2/events`)
    .query({ per_page: "100" })
    .reply(200, [
      {
        id: 7,
        event: "labeled",
        label: { name: "Approved" },
        actor: { login: "alice", type: "User" },
      },
      { id: 8, event: "closed", actor: { login: "alice", type: "User" } },
      {
        id: 9,
        event: "unlabeled",
        label: { name: "Approved" },
        actor: { login: "design-docs-bot[bot]", type: "Bot" },
      },
    ]);
  expect(await client.listReviews()).toEqual([
    {
      user: "alice",
      state: "APPROVED",
      submittedAt: "2026-11-23T10:00:00Z",
      commitId: "h1",
    },
  ]);
  expect(await client.listCommits()).toEqual([
    {
      message: "Set status",
      author: "design-docs-bot[bot]",
      committer: "web-flow",
      verified: true,
    },
    {
      message: "Edit",
      author: undefined,
      committer: undefined,
      verified: false,
    },
  ]);
  expect(await client.listLabelEvents()).toEqual([
    {
      id: 7,
      action: "labeled",
      label: "Approved",
      actor: "alice",
      actorIsBot: false,
    },
    {
      id: 9,
      action: "unlabeled",
      label: "Approved",
      actor: "design-docs-bot[bot]",
      actorIsBot: true,
    },
  ]);
  expect(api.pendingMocks()).toEqual([]);
});

test("comments with the app that wrote them; check runs of this app, of one name, the latest", async () => {
  const { client, api } = nockedClient();
  api
    .get(`${REPO}/issues/2/comments`)
    .query({ per_page: "100" })
    .reply(200, [
      {
        id: 3,
        body: "Hi",
        created_at: "2026-11-23T10:00:00Z",
        user: { login: "octocat" },
        performed_via_github_app: null,
      },
      {
        id: 4,
        body: null,
        created_at: "2026-11-23T10:00:01Z",
        user: { login: "design-docs-bot[bot]" },
        performed_via_github_app: { id: 1 },
      },
    ])
    .get(`${REPO}/commits/h1/check-runs`)
    .query({
      check_name: "Design docs",
      app_id: "1",
      filter: "latest",
      per_page: "100",
    })
    .reply(200, {
      total_count: 1,
      check_runs: [
        {
          id: 99,
          status: "completed",
          conclusion: "success",
          output: { title: "T", summary: "S" },
        },
      ],
    });
  expect(await client.listComments()).toEqual([
    {
      id: 3,
      body: "Hi",
      createdAt: "2026-11-23T10:00:00Z",
      appId: undefined,
      author: "octocat",
    },
    {
      id: 4,
      body: "",
      createdAt: "2026-11-23T10:00:01Z",
      appId: 1,
      author: "design-docs-bot[bot]",
    },
  ]);
  expect(await client.listCheckRuns("h1", "Design docs")).toEqual([
    {
      id: 99,
      completed: true,
      conclusion: "success",
      title: "T",
      summary: "S",
    },
  ]);
  expect(api.pendingMocks()).toEqual([]);
});

test("a list whose next link has no page number (a cursor) fails, rather than ending after its first page", async () => {
  const { client, api } = nockedClient();
  api
    .get(`${REPO}/issues/2/comments`)
    .query({ per_page: "100" })
    .reply(200, [], {
      link: `<https://api.github.com${REPO}/issues/2/comments?per_page=100&after=Y3Vyc29y>; rel="next"`,
    });
  await expect(client.listComments()).rejects.toThrow(
    "GitHub's list links to its next page without a page number",
  );
});
