import { afterEach, expect, test } from "@jest/globals";
import nock from "nock";
import { REPO, nockedClient } from "../helpers/nock-github.js";

// What the client sends GitHub for its writes, and what it makes of GitHub's refusals.

afterEach(() => {
  nock.cleanAll();
});

const FILE = {
  path: "docs/design/a.md",
  branch: "changes",
  text: "**Status:** Approved\r\n",
  sha: "old",
  message: "docs(design): set status",
};
const CONTENTS = `${REPO}/contents/docs%2Fdesign%2Fa.md`;

test("a status commit sends the text as base64 on the branch, naming the blob it replaces", async () => {
  const { client, api } = nockedClient();
  api
    .put(CONTENTS, {
      branch: "changes",
      sha: "old",
      message: "docs(design): set status",
      content: Buffer.from(FILE.text).toString("base64"),
    })
    .reply(201, { content: { sha: "new" }, commit: { sha: "c1" } });
  expect(await client.putFile(FILE)).toEqual({
    kind: "committed",
    commitSha: "c1",
    blobSha: "new",
  });
  expect(api.pendingMocks()).toEqual([]);
});

test.each([
  { status: 409, kind: "stale" },
  { status: 403, kind: "forbidden" },
  { status: 404, kind: "forbidden" },
])(
  "a status commit GitHub answers $status is $kind",
  async ({ status, kind }) => {
    const { client, api } = nockedClient();
    api.put(CONTENTS).reply(status, { message: "no" });
    expect(await client.putFile(FILE)).toEqual({ kind });
  },
);

test("a status commit refused by the rate limit (403 with retry-after) fails, to be retried later", async () => {
  const { client, api } = nockedClient();
  api
    .put(CONTENTS)
    .reply(403, { message: "secondary rate limit" }, { "retry-after": "1" });
  await expect(client.putFile(FILE)).rejects.toMatchObject({ status: 403 });
});

test("a review of suggestions comments on the right side of lines of one head; a line outside the diff (422) is refused", async () => {
  const { client, api } = nockedClient();
  const review = {
    commitId: "h1",
    comments: [{ path: "docs/design/a.md", line: 4, body: "Set it" }],
  };
  api
    .post(`${REPO}/pulls/2/reviews`, {
      commit_id: "h1",
      event: "COMMENT",
      comments: [
        { path: "docs/design/a.md", line: 4, body: "Set it", side: "RIGHT" },
      ],
    })
    .reply(200, {})
    .post(`${REPO}/pulls/2/reviews`)
    .reply(422, { message: "Line could not be resolved" });
  expect(await client.createReview(review)).toBe("posted");
  expect(await client.createReview(review)).toBe("refused");
  expect(api.pendingMocks()).toEqual([]);
});

test("the checklist comment is created, edited and deleted by id; one already deleted (404) is no error", async () => {
  const { client, api } = nockedClient();
  api
    .post(`${REPO}/issues/2/comments`, { body: "new" })
    .reply(201, {})
    .patch(`${REPO}/issues/comments/7`, { body: "edited" })
    .reply(200, {})
    .delete(`${REPO}/issues/comments/8`)
    .reply(204)
    .delete(`${REPO}/issues/comments/9`)
    .reply(404, { message: "Not Found" });
  await client.createComment("new");
  await client.updateComment(7, "edited");
  await client.deleteComment(8);
  await client.deleteComment(9);
  expect(api.pendingMocks()).toEqual([]);
});

test("labels are added in one request and the PR's labels returned; a label already off (404) is no error", async () => {
  const { client, api } = nockedClient();
  api
    .post(`${REPO}/issues/2/labels`, { labels: ["In Review"] })
    .reply(200, [
      { name: "bug", color: "d73a4a", description: "Something" },
      { name: "In Review", color: "ededed", description: null },
    ])
    .patch("/repos/Codertocat/Hello-World/labels/In%20Review", {
      color: "1d76db",
      description: "Design doc: ready for review",
    })
    .reply(200, {})
    .delete(`${REPO}/issues/2/labels/design%3A%20draft`)
    .reply(200, [])
    .delete(`${REPO}/issues/2/labels/WIP`)
    .reply(404, { message: "Label does not exist" });
  expect(await client.addLabels(["In Review"])).toEqual([
    { name: "bug", color: "d73a4a", description: "Something" },
    { name: "In Review", color: "ededed", description: "" },
  ]);
  await client.updateLabel({
    name: "In Review",
    color: "1d76db",
    description: "Design doc: ready for review",
  });
  await client.removeLabel("design: draft");
  await client.removeLabel("WIP");
  expect(api.pendingMocks()).toEqual([]);
});

test("422 already_exists when another run creates the label at the same moment: added again; another 422 fails", async () => {
  const { client, api } = nockedClient();
  const labels = `${REPO}/issues/2/labels`;
  api
    .post(labels)
    .reply(422, {
      message: "Validation Failed",
      errors: [{ resource: "Label", code: "already_exists", field: "name" }],
    })
    .post(labels)
    .reply(200, [{ name: "In Review", color: "1d76db", description: "" }])
    .post(labels)
    .reply(422, {
      message: "Validation Failed",
      errors: [{ resource: "Label", code: "invalid", field: "name" }],
    });
  expect(await client.addLabels(["In Review"])).toHaveLength(1);
  await expect(client.addLabels(["In Review"])).rejects.toMatchObject({
    status: 422,
  });
  expect(api.pendingMocks()).toEqual([]);
});

test("a check run is created completed with its first annotations; more are added to it with the same title and summary", async () => {
  const { client, api } = nockedClient();
  const annotation = {
    path: "docs/design/a.md",
    start_line: 1,
    end_line: 1,
    annotation_level: "failure" as const,
    title: "Title",
    message: "Missing",
  };
  api
    .post(`${REPO}/check-runs`, {
      name: "Design docs",
      head_sha: "h1",
      status: "completed",
      conclusion: "failure",
      output: { title: "T", summary: "S", annotations: [annotation] },
    })
    .reply(201, { id: 42 })
    .patch(`${REPO}/check-runs/42`, {
      output: { title: "T", summary: "S", annotations: [annotation] },
    })
    .reply(200, {});
  const run = {
    name: "Design docs",
    headSha: "h1",
    conclusion: "failure" as const,
    title: "T",
    summary: "S",
    annotations: [annotation],
  };
  expect(await client.createCheckRun(run)).toBe(42);
  await client.addAnnotations(42, run, [annotation]);
  expect(api.pendingMocks()).toEqual([]);
});
