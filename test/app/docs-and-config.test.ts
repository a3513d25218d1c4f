import { afterEach, beforeEach, expect, test } from "@jest/globals";
import nock from "nock";
import {
  HEAD_SHA,
  REPO,
  blobReply,
  capture,
  changedFile,
  createTestProbot,
  mockGitHub,
  mockReads,
  pullRequestEvent,
  pullRequestReply,
} from "../helpers/app.js";
import { fixture } from "../helpers/engine.js";

const FILLED = fixture("docs/filled-design-doc.md");

beforeEach(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
});

/** The unmet lines of the comment the bot posted. */
function unmetLines(comments: { body: string }[]): string[] {
  return (comments[0]?.body ?? "")
    .split("\n")
    .filter((line) => line.startsWith("- [ ]"));
}

test("an invalid config is reported in the comment and the check run, with every key, and no label changes", async () => {
  const probot = await createTestProbot();
  const comments: { body: string }[] = [];
  const runs: { conclusion: string; output: { summary: string } }[] = [];
  const scope = mockReads(mockGitHub(), {
    config: "paths: 3\ncomment: sometimes\ncolour: red\n",
    files: [changedFile("docs/design/a.md", "a1")],
    blobs: { a1: FILLED },
    pr: { labels: ["WIP"] },
  })
    .post(`${REPO}/issues/2/comments`, capture(comments))
    .reply(201, {})
    .post(`${REPO}/check-runs`, capture(runs))
    .reply(201, { id: 1 });
  await probot.receive(pullRequestEvent("opened"));
  expect(scope.pendingMocks()).toEqual([]);
  expect(comments[0]?.body.split("\n").slice(1)).toEqual([
    "### ❌ Design docs: `.github/design-docs.yml` is invalid",
    "",
    "No design doc was checked and no label was changed. Fix these keys on the default branch (or in the organisation's `.github` repository it extends):",
    "",
    "- [ ] `colour`: unknown key; known keys are paths, templates, aliases, optionalSections, statuses, checkRun, dismissStaleApprovals, comment, drafts, maxFileSize, mode, \\_extends",
    "- [ ] `paths`: must be a non-empty string or a list of them",
    "- [ ] `comment`: must be one of always, on-failure",
  ]);
  expect(runs[0]?.conclusion).toBe("failure");
  expect(runs[0]?.output.summary).toBe(
    comments[0]?.body.split("\n").slice(1).join("\n"),
  );
});

test("a config that is not YAML says so, with the parser's message", async () => {
  const probot = await createTestProbot();
  const comments: { body: string }[] = [];
  const scope = mockReads(mockGitHub(), {
    config: "paths: [docs/**\n",
    files: [changedFile("docs/design/a.md", "a1")],
    blobs: { a1: FILLED },
  })
    .post(`${REPO}/issues/2/comments`, capture(comments))
    .reply(201, {})
    .post(`${REPO}/check-runs`)
    .reply(201, { id: 1 });
  await probot.receive(pullRequestEvent("opened"));
  expect(scope.pendingMocks()).toEqual([]);
  expect(unmetLines(comments)).toEqual([
    expect.stringMatching(/^- \[ \] `\(file\)`: not valid YAML: .+/u),
  ]);
});

test("every page of the file list is read; renamed docs are checked under their new path, removed ones skipped", async () => {
  const probot = await createTestProbot();
  const comments: { body: string }[] = [];
  const page1 = Array.from({ length: 100 }, (_, index) =>
    changedFile(`src/file-${index}.ts`, `s${index}`),
  );
  const scope = mockGitHub()
    .get(/\/contents\//u)
    .times(2)
    .reply(404)
    .get(`${REPO}/pulls/2/files`)
    .query({ per_page: "100" })
    .reply(200, page1, {
      // The first page links to the second, as GitHub does.
      link: `<https://api.github.com${REPO}/pulls/2/files?per_page=100&page=2>; rel="next"`,
    })
    .get(`${REPO}/pulls/2/files`)
    .query({ per_page: "100", page: "2" })
    .reply(200, [
      changedFile("docs/design/new-name.md", "n1", "renamed"),
      changedFile("docs/design/gone.md", "g1", "removed"),
    ])
    .get(`${REPO}/issues/2/comments`)
    .query(true)
    .reply(200, [])
    .get(`${REPO}/pulls/2`)
    .reply(200, pullRequestReply({ labels: ["In Review"] }))
    .get(`${REPO}/git/blobs/n1`)
    .reply(200, blobReply(FILLED))
    .get(`${REPO}/commits/${HEAD_SHA}/check-runs`)
    .query(true)
    .reply(200, { total_count: 0, check_runs: [] })
    .post(`${REPO}/issues/2/comments`, capture(comments))
    .reply(201, {})
    .post(`${REPO}/check-runs`)
    .reply(201, { id: 1 });
  await probot.receive(pullRequestEvent("synchronize"));
  expect(scope.pendingMocks()).toEqual([]);
  expect(comments[0]?.body).toContain("#### ✅ docs/design/new-name.md");
  expect(comments[0]?.body).not.toContain("gone");
});

test("a doc that is not UTF-8 text, or holds NUL bytes, gets an unmet line", async () => {
  const probot = await createTestProbot();
  const comments: { body: string }[] = [];
  const scope = mockReads(mockGitHub(), {
    files: [
      changedFile("docs/design/latin1.md", "l1"),
      changedFile("docs/design/binary.md", "z1"),
    ],
    blobs: {
      l1: Buffer.from("# Caf\xe9\n", "latin1"),
      z1: Buffer.from("# A\u0000B\n"),
    },
  })
    .post(`${REPO}/issues/2/comments`, capture(comments))
    .reply(201, {})
    .post(`${REPO}/check-runs`)
    .reply(201, { id: 1 });
  await probot.receive(pullRequestEvent("opened"));
  expect(scope.pendingMocks()).toEqual([]);
  expect(unmetLines(comments)).toEqual([
    "- [ ] The file holds NUL bytes, so it is binary, not Markdown; save it as UTF-8 Markdown",
    "- [ ] The file is not UTF-8 text; save it as UTF-8 Markdown",
  ]);
});

test("a doc over maxFileSize gets an unmet line saying so", async () => {
  const probot = await createTestProbot();
  const comments: { body: string }[] = [];
  const scope = mockReads(mockGitHub(), {
    config: "maxFileSize: 1000\n",
    files: [changedFile("docs/design/big.md", "b1")],
    blobs: { b1: "x".repeat(1001) },
  })
    .post(`${REPO}/issues/2/comments`, capture(comments))
    .reply(201, {})
    .post(`${REPO}/check-runs`)
    .reply(201, { id: 1 });
  await probot.receive(pullRequestEvent("opened"));
  expect(scope.pendingMocks()).toEqual([]);
  expect(unmetLines(comments)).toEqual([
    "- [ ] The file is 1001 bytes, over the 1000-byte limit \\(maxFileSize in .github/design-docs.yml\\); split it or raise the limit",
  ]);
});

test("a doc whose blob did not change since the last event is not fetched again", async () => {
  const probot = await createTestProbot();
  const first = mockReads(mockGitHub(), {
    files: [changedFile("docs/design/a.md", "a1")],
    blobs: { a1: FILLED },
    pr: { labels: ["In Review"] },
  })
    .post(`${REPO}/issues/2/comments`)
    .reply(201, {})
    .post(`${REPO}/check-runs`)
    .reply(201, { id: 1 });
  await probot.receive(pullRequestEvent("opened"));
  expect(first.pendingMocks()).toEqual([]);
  nock.cleanAll();

  const comments: { body: string }[] = [];
  const second = mockReads(mockGitHub(), {
    files: [
      changedFile("docs/design/a.md", "a1"),
      changedFile("docs/design/b.md", "b1"),
    ],
    blobs: { b1: FILLED },
    pr: { labels: ["In Review"] },
  })
    .post(`${REPO}/issues/2/comments`, capture(comments))
    .reply(201, {})
    .post(`${REPO}/check-runs`)
    .reply(201, { id: 2 });
  await probot.receive(pullRequestEvent("synchronize"));
  expect(second.pendingMocks()).toEqual([]);
  expect(comments[0]?.body).toContain("#### ✅ docs/design/a.md");
});

test("a template file named in the config is read from the repo's default branch", async () => {
  const probot = await createTestProbot();
  const comments: { body: string }[] = [];
  const template =
    "# Title\n\n## Problem\nWhat is wrong.\n\n## Plan\nWhat we do.\n";
  const scope = mockReads(mockGitHub(), {
    config: "templates: docs/rfc-template.md\n",
    files: [changedFile("docs/design/a.md", "a1")],
    blobs: {
      a1: "# Faster builds\n\n## Problem\nBuilds take an hour.\n\n## Plan\nWhat we do.\n",
    },
  })
    .get(`${REPO}/contents/docs%2Frfc-template.md`)
    .reply(200, {
      type: "file",
      encoding: "base64",
      content: Buffer.from(template).toString("base64"),
    })
    .post(`${REPO}/issues/2/comments`, capture(comments))
    .reply(201, {})
    .post(`${REPO}/check-runs`)
    .reply(201, { id: 1 });
  await probot.receive(pullRequestEvent("opened"));
  expect(scope.pendingMocks()).toEqual([]);
  expect(comments[0]?.body).toContain(
    "Template: docs/rfc-template.md \\(it has 2 of 2 sections of docs/rfc-template.md\\)",
  );
  expect(unmetLines(comments)).toEqual([
    expect.stringMatching(/^- \[ \] Section "Plan" .*placeholder/u),
  ]);
});

test("drafts: skip leaves draft PRs alone; drafts: wip turns failures into warnings", async () => {
  const template = fixture("docs/filled-design-doc.md").replace(
    /### Alternatives\n[^#]*/u,
    "",
  );
  const skip = await createTestProbot();
  const skipped = mockReads(mockGitHub(), {
    config: "drafts: skip\n",
    files: [changedFile("docs/design/a.md", "a1")],
    blobs: { a1: template },
    pr: { draft: true },
  });
  await skip.receive(pullRequestEvent("converted_to_draft"));
  expect(skipped.pendingMocks()).toEqual([]);
  nock.cleanAll();

  const wip = await createTestProbot();
  const runs: { conclusion: string }[] = [];
  const relaxed = mockReads(mockGitHub(), {
    config: "drafts: wip\n",
    files: [changedFile("docs/design/a.md", "a1")],
    blobs: { a1: template },
    pr: { draft: true, labels: ["In Review"] },
  })
    .post(`${REPO}/issues/2/comments`)
    .reply(201, {})
    .post(`${REPO}/check-runs`, capture(runs))
    .reply(201, { id: 1 });
  await wip.receive(pullRequestEvent("converted_to_draft"));
  expect(relaxed.pendingMocks()).toEqual([]);
  expect(runs[0]?.conclusion).toBe("neutral");
});

test("a closed PR is left alone", async () => {
  const probot = await createTestProbot();
  const scope = mockReads(mockGitHub(), {
    files: [changedFile("docs/design/a.md", "a1")],
    blobs: { a1: FILLED },
    pr: { state: "closed" },
  });
  await probot.receive(pullRequestEvent("reopened"));
  expect(scope.pendingMocks()).toEqual([]);
});
