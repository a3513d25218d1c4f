import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { fixture } from "../helpers/engine.js";
import { PR, REPO, startScenario, type Scenario } from "../helpers/scenario.js";

// Setting a doc's Status by putting a status label on the PR: each test sets up a state in the
// fake GitHub, delivers the event, and looks at the state GitHub ends up in.

const DOC = "docs/design/a.md";
// CRLF line endings, to show that a status commit keeps every other byte.
const IN_REVIEW = fixture("docs/filled-design-doc.md").replace(/\n/gu, "\r\n");
const APPROVED = IN_REVIEW.replace(
  "**Status:** In Review",
  "**Status:** Approved",
);
const TEAM_CONFIG = [
  "statuses:",
  "  WIP:",
  "  In Review:",
  "  Approved: { setBy: '@Codertocat/architects' }",
  "  Obsolete:",
].join("\n");

let scenario: Scenario;
beforeEach(async () => {
  scenario = await startScenario();
  scenario.github.setPullRequest(REPO, PR, {
    base: { [DOC]: IN_REVIEW },
    files: { [DOC]: `${IN_REVIEW}More.\r\n` },
    labels: ["In Review"],
  });
});
afterEach(async () => {
  await scenario.stop();
});

/** The same PR, its head in a fork: no app can push to it. */
function openFromFork(): void {
  scenario.github.setPullRequest(REPO, PR, {
    base: { [DOC]: IN_REVIEW },
    files: { [DOC]: `${IN_REVIEW}More.\r\n` },
    labels: ["In Review"],
    fork: true,
  });
}

const state = () => scenario.github.pullRequestState(REPO, PR);
const comment = () => state().comments[0]?.body ?? "";
const botCommits = () =>
  scenario.github
    .commitsOf(REPO, PR)
    .filter((commit) => commit.author.login === scenario.github.botLogin);

test("a writer's status label is written into the doc on the PR branch, one commit, only the Status changed", async () => {
  scenario.github.setPermission(REPO, "Codertocat", "write");
  await scenario.label("Approved");
  expect(botCommits()).toHaveLength(1);
  expect(botCommits()[0]?.message.split("\n")[0]).toBe(
    "docs(design): set status of docs/design/a.md to Approved",
  );
  expect(scenario.github.headText(REPO, PR, DOC)).toBe(`${APPROVED}More.\r\n`);
  expect(state().labels).toEqual(["Approved"]);
  expect(comment().split("\n")[3]).toBe("Status label: **Approved**.");
  expect(state().checkRuns).toEqual([
    expect.objectContaining({ conclusion: "success" }),
  ]);
});

test("a status label from someone without write access comes off again, and the comment says who may set it", async () => {
  scenario.github.setPermission(REPO, "mallory", "triage");
  await scenario.label("Approved", "mallory");
  expect(botCommits()).toEqual([]);
  expect(state().labels).toEqual(["In Review"]);
  expect(comment().split("\n").slice(3, 6)).toEqual([
    "@&#8203;mallory added **Approved**, but only people with write, maintain or admin access to the repository may set that status, so the label was taken off again.",
    "",
    "Status label: **In Review**.",
  ]);
});

test("a team rule: a member of the named team may set the status, and counts as its approval", async () => {
  scenario.github.repo(REPO).files.set(".github/design-docs.yml", TEAM_CONFIG);
  scenario.github.setTeam("Codertocat", "architects", ["Codertocat"]);
  await scenario.label("Approved");
  expect(botCommits()).toHaveLength(1);
  expect(comment()).toContain(
    '- [x] Status "Approved" approved by @&#8203;Codertocat/architects',
  );
  expect(state().checkRuns.at(-1)).toMatchObject({ conclusion: "success" });
});

test("a team rule: someone outside the team is refused", async () => {
  scenario.github.repo(REPO).files.set(".github/design-docs.yml", TEAM_CONFIG);
  scenario.github.setTeam("Codertocat", "architects", ["alice"]);
  await scenario.label("Approved");
  expect(botCommits()).toEqual([]);
  expect(state().labels).toEqual(["In Review"]);
  expect(comment().split("\n")[3]).toBe(
    "@&#8203;Codertocat added **Approved**, but only @&#8203;Codertocat/architects may set that status, so the label was taken off again.",
  );
});

test("a PR from a fork: the label stays, nothing is pushed, and the author gets the line to change", async () => {
  openFromFork();
  scenario.github.setPermission(REPO, "Codertocat", "maintain");
  await scenario.label("Approved");
  expect(botCommits()).toEqual([]);
  expect(state().labels).toEqual(["Approved"]);
  expect(state().reviews).toEqual([
    expect.objectContaining({
      commit_id: scenario.github.headOf(REPO, PR),
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
  const lines = comment().split("\n");
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
  openFromFork();
  scenario.github.setPermission(REPO, "Codertocat", "maintain");
  scenario.github.setPermission(REPO, "mallory", "read");
  await scenario.label("Obsolete", "mallory");
  // mallory's label came off; she pastes a pending state for it and adds it back unnoticed.
  const [own] = state().comments;
  scenario.github.editComment(
    REPO,
    own?.id ?? 0,
    `${own?.body}\n<!-- design-docs-bot: state {"pending":{"status":"Obsolete"}} -->`,
  );
  scenario.github.addLabel(REPO, PR, "Obsolete", "mallory");
  await scenario.deliver(scenario.event("edited"));
  expect(state().labels).toEqual(["In Review"]);
  expect(comment()).not.toContain("cannot push to this branch");
});

test("a stale sha on the status commit (409) is re-read and retried once", async () => {
  scenario.github.setPermission(REPO, "Codertocat", "admin");
  // Someone pushes to the doc between the bot's read and its write.
  scenario.github.beforeNext({
    method: "PUT",
    path: /\/contents\//u,
    run: () =>
      scenario.github.push(REPO, PR, {
        files: { [DOC]: `${IN_REVIEW}More, and more.\r\n` },
      }),
  });
  await scenario.label("Approved");
  expect(
    scenario.github.requests
      .filter((request) => request.method === "PUT")
      .map((request) => request.status),
  ).toEqual([409, 201]);
  expect(botCommits()).toHaveLength(1);
  expect(scenario.github.headText(REPO, PR, DOC)).toBe(
    `${APPROVED}More, and more.\r\n`,
  );
});

test("a branch rule that refuses the bot's push (409 on a fresh sha too) leaves the change to the author, not a failed run", async () => {
  scenario.github.setPermission(REPO, "Codertocat", "write");
  scenario.github.inject({
    method: "PUT",
    path: /\/contents\//u,
    status: 409,
    body: {
      message:
        "Could not create file: Changes must be made through a pull request.",
    },
    times: 2,
  });
  await scenario.label("Approved");
  expect(botCommits()).toEqual([]);
  expect(state().labels).toEqual(["Approved"]);
  expect(state().reviews).toHaveLength(1);
  expect(state().checkRuns.at(-1)?.output.title).not.toBe(
    "Could not finish checking",
  );
});

test("a status label a person removes comes back, and the comment says how to change status", async () => {
  await scenario.deliver(scenario.event("opened"));
  await scenario.unlabel("In Review");
  expect(state().labels).toEqual(["In Review"]);
  expect(comment().split("\n")[3]).toBe(
    "@&#8203;Codertocat removed the **In Review** label. The status label follows the Status written in the docs: to change it, edit the Status line of the doc, or add another status label.",
  );
});

test("a label that is not a status label costs the config read and nothing more", async () => {
  const mark = scenario.mark();
  await scenario.label("bug");
  expect(
    scenario.github.requests
      .slice(mark)
      .map((request) => `${request.method} ${request.path}`)
      .filter((request) => !request.endsWith("/access_tokens")),
  ).toEqual([
    `GET /repos/${REPO}/contents/.github/design-docs.yml`,
    "GET /repos/Codertocat/.github/contents/.github/design-docs.yml",
  ]);
});

test("the synchronize that follows the bot's own commit is ignored, and run as a person's it finds nothing to change", async () => {
  scenario.github.setPermission(REPO, "Codertocat", "write");
  await scenario.label("Approved");
  const mark = scenario.mark();
  await scenario.deliver(
    scenario.event("synchronize", (payload) => {
      payload.sender = { login: scenario.github.botLogin, type: "Bot" };
    }),
  );
  expect(scenario.github.requests.slice(mark)).toEqual([]);
  await scenario.deliver(scenario.event("synchronize"));
  expect(scenario.writesSince(mark)).toEqual([]);
});

test("without contents write (403 on the commit), the bot keeps the label and suggests the change instead", async () => {
  scenario.github.setPermission(REPO, "Codertocat", "write");
  scenario.github.repo(REPO).contentsWrite = false;
  await scenario.label("Approved");
  expect(botCommits()).toEqual([]);
  expect(state().labels).toEqual(["Approved"]);
  expect(state().reviews).toHaveLength(1);
  expect(comment()).toContain(
    "- docs/design/a.md, line 4: set the Status to `Approved`",
  );
});

test("a file list that still lags behind the bot's commit does not undo the status", async () => {
  scenario.github.setPermission(REPO, "Codertocat", "write");
  scenario.github.lagAfterCommits(REPO, 1);
  await scenario.label("Approved");
  expect(state().labels).toEqual(["Approved"]);
  expect(state().checkRuns).toEqual([
    expect.objectContaining({
      head_sha: scenario.github.headOf(REPO, PR),
      conclusion: "success",
    }),
  ]);
});

test("a doc created as Approved needs requireApprovals from allowed people, and a dismissed approval stops counting", async () => {
  scenario.github
    .repo(REPO)
    .files.set(
      ".github/design-docs.yml",
      "statuses:\n  WIP:\n  In Review:\n  Approved: { setBy: [alice, carol], requireApprovals: 2 }\n  Obsolete:\n",
    );
  scenario.github.setPullRequest(REPO, PR, {
    files: { "docs/design/new.md": APPROVED },
  });
  scenario.github.addReview(REPO, PR, { user: "alice", state: "APPROVED" });
  scenario.github.addReview(REPO, PR, { user: "bob", state: "APPROVED" });
  const carol = scenario.github.addReview(REPO, PR, {
    user: "carol",
    state: "APPROVED",
  });
  scenario.github.dismissReview(REPO, carol.id);
  await scenario.deliver(scenario.event("opened"));
  // bob may not set Approved, so his approval does not count; carol's was dismissed.
  expect(state().checkRuns.at(-1)).toMatchObject({ conclusion: "failure" });
  expect(comment()).toContain(
    '- [ ] Status set to "Approved"; that needs 2 approving reviews from @&#8203;alice or @&#8203;carol, 1 so far',
  );
  await scenario.review("carol", "APPROVED");
  expect(state().checkRuns.at(-1)).toMatchObject({ conclusion: "success" });
  expect(comment()).toContain(
    '- [x] Status "Approved" approved by @&#8203;alice or @&#8203;carol',
  );
});
