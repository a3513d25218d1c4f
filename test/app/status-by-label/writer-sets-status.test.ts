import { beforeEach, expect, test } from "@jest/globals";
import {
  APPROVED,
  DOC,
  IN_REVIEW,
  PR,
  REPO,
  openStatusLabelPr,
  type StatusLabelPr,
} from "../../helpers/status-label-pr.js";

// Someone with write access adds a status label: the bot writes that Status into the doc,
// one commit on the PR branch.

let pr: StatusLabelPr;
beforeEach(async () => {
  pr = await openStatusLabelPr();
  pr.scenario.github.setPermission(REPO, "Codertocat", "write");
});

test("a writer's status label is written into the doc on the PR branch, one commit, only the Status changed", async () => {
  await pr.scenario.label("Approved");
  expect(pr.botCommits()).toHaveLength(1);
  expect(pr.botCommits()[0]?.message.split("\n")[0]).toBe(
    "docs(design): set status of docs/design/a.md to Approved",
  );
  expect(pr.scenario.github.headText(REPO, PR, DOC)).toBe(
    `${APPROVED}More.\r\n`,
  );
  expect(pr.state().labels).toEqual(["Approved"]);
  expect(pr.comment().split("\n")[3]).toBe("Status label: **Approved**.");
  expect(pr.state().checkRuns).toEqual([
    expect.objectContaining({ conclusion: "success" }),
  ]);
});

test("a stale sha on the status commit (409) is re-read and retried once", async () => {
  // Someone pushes to the doc between the bot's read and its write.
  pr.scenario.beforeNext("putFile", () => {
    pr.scenario.github.push(REPO, PR, {
      files: { [DOC]: `${IN_REVIEW}More, and more.\r\n` },
    });
  });
  await pr.scenario.label("Approved");
  expect(
    pr.scenario.calls.filter((call) => call.method === "putFile"),
  ).toHaveLength(2);
  expect(pr.botCommits()).toHaveLength(1);
  expect(pr.scenario.github.headText(REPO, PR, DOC)).toBe(
    `${APPROVED}More, and more.\r\n`,
  );
});

test("a file list that still lags behind the bot's commit does not undo the status", async () => {
  pr.scenario.github.lagAfterCommits(REPO, 1);
  await pr.scenario.label("Approved");
  expect(pr.state().labels).toEqual(["Approved"]);
  expect(pr.state().checkRuns).toEqual([
    expect.objectContaining({
      head_sha: pr.scenario.github.headOf(REPO, PR),
      conclusion: "success",
    }),
  ]);
});

test("a doc already moved into a restricted status: the label's commit comes first, and no approvals are read for the move it ends", async () => {
  pr.scenario.github
    .repo(REPO)
    .files.set(
      ".github/design-docs.yml",
      "statuses:\n  WIP:\n  In Review:\n  Approved: { requireApprovals: 1 }\n  Obsolete:\n",
    );
  pr.scenario.github.push(REPO, PR, { files: { [DOC]: APPROVED } });
  const mark = pr.scenario.mark();
  await pr.scenario.label("Obsolete");
  expect(pr.scenario.github.headText(REPO, PR, DOC)).toContain(
    "**Status:** Obsolete",
  );
  const calls = pr.scenario.calls.slice(mark).map((call) => call.method);
  // Obsolete is not restricted: once the doc says it, there is no move to approve.
  expect(calls.filter((method) => method === "listReviews")).toEqual([]);
  expect(pr.state().labels).toEqual(["Obsolete"]);
});
