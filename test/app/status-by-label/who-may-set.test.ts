import { beforeEach, expect, test } from "@jest/globals";
import {
  APPROVED,
  PR,
  REPO,
  openStatusLabelPr,
  type StatusLabelPr,
} from "../../helpers/status-label-pr.js";

// Who may set a status: people with write access by default, else the users and teams its
// rule names; a label from anyone else comes off again.

const TEAM_CONFIG = [
  "statuses:",
  "  WIP:",
  "  In Review:",
  "  Approved: { setBy: '@Codertocat/architects' }",
  "  Obsolete:",
].join("\n");

let pr: StatusLabelPr;
beforeEach(async () => {
  pr = await openStatusLabelPr();
});
const setConfig = (yaml: string) =>
  pr.scenario.github.repo(REPO).files.set(".github/design-docs.yml", yaml);

test("a status label from someone without write access comes off again, and the comment says who may set it", async () => {
  pr.scenario.github.setPermission(REPO, "mallory", "triage");
  await pr.scenario.label("Approved", "mallory");
  expect(pr.botCommits()).toEqual([]);
  expect(pr.state().labels).toEqual(["In Review"]);
  expect(pr.comment().split("\n").slice(3, 6)).toEqual([
    "@&#8203;mallory added **Approved**, but only people with write, maintain or admin access to the repository may set that status, so the label was taken off again.",
    "",
    "Status label: **In Review**.",
  ]);
});

test("a team rule: a member of the named team may set the status, and counts as its approval", async () => {
  setConfig(TEAM_CONFIG);
  pr.scenario.github.setTeam("Codertocat", "architects", ["Codertocat"]);
  await pr.scenario.label("Approved");
  expect(pr.botCommits()).toHaveLength(1);
  expect(pr.comment()).toContain(
    '- [x] Status "Approved" approved by @&#8203;Codertocat/architects',
  );
  expect(pr.state().checkRuns.at(-1)).toMatchObject({
    conclusion: "success",
  });
});

test("a team rule: someone outside the team is refused", async () => {
  setConfig(TEAM_CONFIG);
  pr.scenario.github.setTeam("Codertocat", "architects", ["alice"]);
  await pr.scenario.label("Approved");
  expect(pr.botCommits()).toEqual([]);
  expect(pr.state().labels).toEqual(["In Review"]);
  expect(pr.comment().split("\n")[3]).toBe(
    "@&#8203;Codertocat added **Approved**, but only @&#8203;Codertocat/architects may set that status, so the label was taken off again.",
  );
});

test("a doc created as Approved needs requireApprovals from allowed people, and a dismissed approval stops counting", async () => {
  const { github } = pr.scenario;
  setConfig(
    "statuses:\n  WIP:\n  In Review:\n  Approved: { setBy: [alice, carol], requireApprovals: 2 }\n  Obsolete:\n",
  );
  github.setPullRequest(REPO, PR, {
    files: { "docs/design/new.md": APPROVED },
  });
  github.addReview(REPO, PR, { user: "alice", state: "APPROVED" });
  github.addReview(REPO, PR, { user: "bob", state: "APPROVED" });
  const carol = github.addReview(REPO, PR, {
    user: "carol",
    state: "APPROVED",
  });
  github.dismissReview(REPO, carol.id);
  await pr.scenario.deliver(pr.scenario.event("opened"));
  // bob may not set Approved, so his approval does not count; carol's was dismissed.
  expect(pr.state().checkRuns.at(-1)).toMatchObject({
    conclusion: "failure",
  });
  expect(pr.comment()).toContain(
    '- [ ] Status set to "Approved"; that needs 2 approving reviews from @&#8203;alice or @&#8203;carol, 1 so far',
  );
  await pr.scenario.review("carol", "APPROVED");
  expect(pr.state().checkRuns.at(-1)).toMatchObject({
    conclusion: "success",
  });
  expect(pr.comment()).toContain(
    '- [x] Status "Approved" approved by @&#8203;alice or @&#8203;carol',
  );
});
