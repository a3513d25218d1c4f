import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { FakeGitHub } from "./fake-github.js";
import { seedFakeOrg, type FakeOrg } from "./fake-org.js";

// The fake GitHub as `design-docs index --org` reads it: the org's repo list, each repo's
// tree and blobs, its refusals (409 empty, 403 no access, 404 unknown), conditional
// requests, and the PRs' file lists, seeded with the acme organisation.

let github: FakeGitHub;
let org: FakeOrg;
beforeEach(async () => {
  github = new FakeGitHub({ delayMs: 0 });
  org = seedFakeOrg(github);
  await github.start();
});
afterEach(() => github.stop());

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${github.baseUrl}${path}`, { headers });

test("the org lists its five repos by full name, the archived one marked, paginated", async () => {
  const response = await get("/orgs/acme/repos?type=all&per_page=100");
  expect(response.status).toBe(200);
  const repos = (await response.json()) as {
    full_name: string;
    archived: boolean;
    default_branch: string;
  }[];
  expect(repos.map((repo) => repo.full_name)).toEqual(org.repos);
  expect(repos.length).toBe(org.listedRepos);
  expect(
    repos.filter((repo) => repo.archived).map((repo) => repo.full_name),
  ).toEqual([org.archivedRepo]);
  expect(repos.every((repo) => repo.default_branch === "main")).toBe(true);

  const first = await get("/orgs/acme/repos?per_page=2");
  expect(first.headers.get("link")).toContain('rel="next"');
  expect((await get("/orgs/nobody/repos")).status).toBe(404);
});

test("acme/platform's tree lists its docs, and their blobs read back as the docs' text", async () => {
  const response = await get("/repos/acme/platform/git/trees/main?recursive=1");
  expect(response.status).toBe(200);
  const tree = (await response.json()) as {
    truncated: boolean;
    tree: { path: string; type: string; sha: string }[];
  };
  expect(tree.truncated).toBe(false);
  const docs = tree.tree.filter(
    (entry) => entry.type === "blob" && entry.path.startsWith("docs/design/"),
  );
  expect(docs.map((entry) => entry.path)).toEqual(
    org.docPaths["acme/platform"],
  );
  expect(
    tree.tree.filter((entry) => entry.type === "tree").map((e) => e.path),
  ).toEqual(["docs", "docs/design"]);
  for (const entry of docs) {
    const blob = (await (
      await get(`/repos/acme/platform/git/blobs/${entry.sha}`)
    ).json()) as { content: string };
    expect(Buffer.from(blob.content, "base64").toString("utf8")).toBe(
      github.repo("acme/platform").files.get(entry.path),
    );
  }
});

test("refusals: 409 for the empty repo's tree, 403 under the repo without access, 404 for an unknown repo", async () => {
  expect(
    (await get(`/repos/${org.emptyRepo}/git/trees/main?recursive=1`)).status,
  ).toBe(409);
  const secretTree = await get(
    `/repos/${org.noAccessRepo}/git/trees/main?recursive=1`,
  );
  expect(secretTree.status).toBe(403);
  expect(await secretTree.json()).toEqual({
    message: "Resource not accessible by personal access token",
  });
  expect((await get(`/repos/${org.noAccessRepo}`)).status).toBe(200);
  expect((await get("/repos/acme/nope")).status).toBe(404);
  expect(
    (await get("/repos/acme/nope/git/trees/main?recursive=1")).status,
  ).toBe(404);
});

test("a GET sent again with its etag in if-none-match is 304, not charged", async () => {
  const first = await get("/repos/acme/platform");
  const etag = first.headers.get("etag");
  expect(etag).toMatch(/^"[0-9a-f]{40}"$/);
  const remaining = first.headers.get("x-ratelimit-remaining");
  const second = await get("/repos/acme/platform", {
    "if-none-match": etag ?? "",
  });
  expect(second.status).toBe(304);
  expect(await second.text()).toBe("");
  expect(second.headers.get("x-ratelimit-remaining")).toBe(remaining);
  expect(github.requests.map((request) => request.status)).toEqual([200, 304]);
  expect(github.chargedRequests()).toHaveLength(1);
});

test("PR #7's file list shows only the doc it adds; #8's no doc", async () => {
  const [proposal] = org.proposals;
  const files = (await (
    await get(`/repos/${proposal.repo}/pulls/${proposal.number}/files`)
  ).json()) as { filename: string; status: string }[];
  expect(files).toEqual([
    expect.objectContaining({ filename: proposal.path, status: "added" }),
  ]);
  const pulls = (await (await get(`/repos/${proposal.repo}/pulls`)).json()) as {
    number: number;
    html_url: string;
    labels: { name: string }[];
  }[];
  expect(pulls.map((pull) => pull.number)).toEqual([7, 8]);
  expect(pulls.map((pull) => pull.html_url)).toEqual([
    proposal.htmlUrl,
    "https://github.com/acme/platform/pull/8",
  ]);
  expect(pulls.map((pull) => pull.labels.map((label) => label.name))).toEqual([
    proposal.labels,
    [],
  ]);
  const other = (await (
    await get(`/repos/${proposal.repo}/pulls/8/files`)
  ).json()) as { filename: string }[];
  expect(other.map((file) => file.filename)).toEqual(["README.md"]);
});
