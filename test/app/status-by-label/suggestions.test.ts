import { expect, test } from "@jest/globals";
import {
  DOC,
  PR,
  REPO,
  openStatusLabelPr,
} from "../../helpers/status-label-pr.js";

// Where the bot cannot push (a fork's branch, read-only contents, a branch rule), the label
// stays and the author gets the change to make, as a suggestion on the Status line.

test("a PR from a fork: the label stays, nothing is pushed, and the author gets the line to change", async () => {
  const pr = await openStatusLabelPr({ fork: true });
  pr.scenario.github.setPermission(REPO, "Codertocat", "maintain");
  await pr.scenario.label("Approved");
  expect(pr.botCommits()).toEqual([]);
  expect(pr.state().labels).toEqual(["Approved"]);
  expect(pr.state().reviews).toEqual([
    expect.objectContaining({
      commit_id: pr.scenario.github.headOf(REPO, PR),
      comments: [
        {
          path: DOC,
          line: 4,
          side: "RIGHT",
          body: "Set the Status to Approved:\n```suggestion\n**Status:** Approved\n```",
        },
      ],
    }),
  ]);
  const lines = pr.comment().split("\n");
  expect(lines.slice(3, 7)).toEqual([
    "@&#8203;Codertocat set **Approved**, but Design Docs Bot cannot push to this branch. To apply it, change:",
    "- docs/design/a.md, line 4: set the Status to `Approved`",
    "",
    "Status label: **Approved**.",
  ]);
  expect(lines.at(-1)).toBe(
    '<!-- design-docs-bot: state {"pending":{"status":"Approved"}} -->',
  );
});

test("a pending status the comment remembers stands only while GitHub shows an allowed person put its label on", async () => {
  const pr = await openStatusLabelPr({ fork: true });
  const { github } = pr.scenario;
  github.setPermission(REPO, "Codertocat", "maintain");
  github.setPermission(REPO, "mallory", "read");
  await pr.scenario.label("Obsolete", "mallory");
  // mallory's label came off; she pastes a pending state for it and adds it back unnoticed.
  const [own] = pr.state().comments;
  github.editComment(
    REPO,
    own?.id ?? 0,
    `${own?.body}\n<!-- design-docs-bot: state {"pending":{"status":"Obsolete"}} -->`,
  );
  github.addLabel(REPO, PR, "Obsolete", "mallory");
  await pr.scenario.deliver(pr.scenario.event("edited"));
  expect(pr.state().labels).toEqual(["In Review"]);
  expect(pr.comment()).not.toContain("cannot push to this branch");
});

test("a branch rule that refuses the bot's push (409 on a fresh sha too) leaves the change to the author, not a failed run", async () => {
  const pr = await openStatusLabelPr();
  pr.scenario.github.setPermission(REPO, "Codertocat", "write");
  pr.scenario.github.repo(REPO).protectedBranches.add("changes");
  await pr.scenario.label("Approved");
  expect(pr.botCommits()).toEqual([]);
  expect(pr.state().labels).toEqual(["Approved"]);
  expect(pr.state().reviews).toHaveLength(1);
  expect(pr.state().checkRuns.at(-1)?.output.title).not.toBe(
    "Could not finish checking",
  );
});

test("without contents write (403 on the commit), the bot keeps the label and suggests the change instead", async () => {
  const pr = await openStatusLabelPr();
  pr.scenario.github.setPermission(REPO, "Codertocat", "write");
  pr.scenario.github.repo(REPO).contentsWrite = false;
  await pr.scenario.label("Approved");
  expect(pr.botCommits()).toEqual([]);
  expect(pr.state().labels).toEqual(["Approved"]);
  expect(pr.state().reviews).toHaveLength(1);
  expect(pr.comment()).toContain(
    "- docs/design/a.md, line 4: set the Status to `Approved`",
  );
});
