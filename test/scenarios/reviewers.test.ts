import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { fixture } from "../helpers/engine.js";
import { PR, REPO, startScenario, type Scenario } from "../helpers/scenario.js";

// statuses.<name>.reviewers: when a doc on the PR reaches that Status, reviews are requested
// once per PR and status, never from the author, and the checklist says who was asked.

const IN_REVIEW = fixture("docs/filled-design-doc.md");
const WIP = IN_REVIEW.replace("**Status:** In Review", "**Status:** WIP");
const REQUEST = {
  method: "POST",
  path: `/repos/${REPO}/pulls/${PR}/requested_reviewers`,
};

let scenario: Scenario;
beforeEach(async () => {
  scenario = await startScenario();
  scenario.github.setPermission(REPO, "alice", "write");
  scenario.github.setTeam("Codertocat", "architects", ["carol"]);
});
afterEach(async () => {
  await scenario.stop();
});

function configure(reviewers: string): void {
  scenario.github
    .repo(REPO)
    .files.set(
      ".github/design-docs.yml",
      `statuses:\n  WIP:\n  In Review: { reviewers: ${reviewers} }\n  Approved:\n  Obsolete:\n`,
    );
}

test("a doc opened In Review: its reviewers are asked once, the author never; the checklist names them and, later, who approved", async () => {
  configure('[alice, Codertocat, "@Codertocat/architects"]');
  scenario.github.setPullRequest(REPO, PR, {
    files: { "docs/design/a.md": IN_REVIEW },
  });
  const mark = scenario.mark();
  await scenario.deliver(scenario.event("opened"));
  expect(scenario.writesSince(mark)[0]).toEqual(REQUEST);
  const state = scenario.github.pullRequestState(REPO, PR);
  expect(state.requestedReviewers).toEqual(["alice"]);
  expect(state.requestedTeams).toEqual(["architects"]);
  expect(state.comments[0]?.body).toContain(
    "Reviewers for **In Review**: reviews requested from @&#8203;alice, @&#8203;Codertocat/architects. Approved by nobody yet.",
  );

  // A redelivery, and a push: nothing is requested again.
  const again = scenario.mark();
  await scenario.deliver(scenario.event("opened"));
  await scenario.push({ "docs/design/a.md": `${IN_REVIEW}\nMore.\n` });
  expect(scenario.writesSince(again)).not.toContainEqual(REQUEST);

  await scenario.review("alice", "APPROVED");
  expect(
    scenario.github.pullRequestState(REPO, PR).comments[0]?.body,
  ).toContain(
    "Reviewers for **In Review**: reviews requested from @&#8203;alice, @&#8203;Codertocat/architects. Approved by @&#8203;alice.",
  );
});

test("a doc edited from WIP into In Review: its reviewers are asked then", async () => {
  configure("[alice]");
  scenario.github.setPullRequest(REPO, PR, {
    files: { "docs/design/a.md": WIP },
  });
  await scenario.deliver(scenario.event("opened"));
  expect(scenario.github.pullRequestState(REPO, PR).requestedReviewers).toEqual(
    [],
  );
  await scenario.push({ "docs/design/a.md": IN_REVIEW });
  expect(scenario.github.pullRequestState(REPO, PR).requestedReviewers).toEqual(
    ["alice"],
  );
});

test("a reviewer GitHub refuses (not a collaborator): the checklist says so, and it is not asked again", async () => {
  configure("[mallory]");
  scenario.github.setPullRequest(REPO, PR, {
    files: { "docs/design/a.md": IN_REVIEW },
  });
  const mark = scenario.mark();
  await scenario.deliver(scenario.event("opened"));
  await scenario.push({ "docs/design/a.md": `${IN_REVIEW}\nMore.\n` });
  expect(
    scenario.writesSince(mark).filter((write) => write.path === REQUEST.path),
  ).toHaveLength(1);
  expect(
    scenario.github.pullRequestState(REPO, PR).comments[0]?.body,
  ).toContain(
    "Reviewers for **In Review**: GitHub refused to ask @&#8203;mallory: Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the Codertocat/Hello-World repository. Approved by nobody yet.",
  );
});

test("the author as the only reviewer: nobody is asked, at no request", async () => {
  configure("[Codertocat]");
  scenario.github.setPullRequest(REPO, PR, {
    files: { "docs/design/a.md": IN_REVIEW },
  });
  const mark = scenario.mark();
  await scenario.deliver(scenario.event("opened"));
  expect(scenario.writesSince(mark)).not.toContainEqual(REQUEST);
  expect(
    scenario.github.pullRequestState(REPO, PR).comments[0]?.body,
  ).toContain(
    "Reviewers for **In Review**: nobody left to ask (each was requested already, is reviewing, or is the author). Approved by nobody yet.",
  );
});

test("a status set by label: once the bot has written it, that status's reviewers are asked", async () => {
  scenario.github
    .repo(REPO)
    .files.set(
      ".github/design-docs.yml",
      "statuses:\n  WIP:\n  In Review:\n  Approved: { reviewers: [alice] }\n  Obsolete:\n",
    );
  scenario.github.setPermission(REPO, "lead", "write");
  scenario.github.setPullRequest(REPO, PR, {
    files: { "docs/design/a.md": IN_REVIEW },
  });
  await scenario.deliver(scenario.event("opened"));
  expect(scenario.github.pullRequestState(REPO, PR).requestedReviewers).toEqual(
    [],
  );
  await scenario.label("Approved", "lead");
  expect(scenario.github.headText(REPO, PR, "docs/design/a.md")).toContain(
    "**Status:** Approved",
  );
  expect(scenario.github.pullRequestState(REPO, PR).requestedReviewers).toEqual(
    ["alice"],
  );
});

test("a doc already In Review at the base, only edited: nobody is asked", async () => {
  configure("[alice]");
  scenario.github.setPullRequest(REPO, PR, {
    base: { "docs/design/a.md": IN_REVIEW },
    files: { "docs/design/a.md": `${IN_REVIEW}\nA typo fixed.\n` },
  });
  const mark = scenario.mark();
  await scenario.deliver(scenario.event("opened"));
  expect(scenario.writesSince(mark)).not.toContainEqual(REQUEST);
  expect(
    scenario.github.pullRequestState(REPO, PR).comments[0]?.body,
  ).not.toContain("Reviewers for");
});

test("comment: on-failure, a passing doc: the comment is written to remember who was asked, so they are not asked again after a person withdraws the request", async () => {
  scenario.github
    .repo(REPO)
    .files.set(
      ".github/design-docs.yml",
      "comment: on-failure\nstatuses:\n  WIP:\n  In Review: { reviewers: [alice] }\n  Approved:\n  Obsolete:\n",
    );
  scenario.github.setPullRequest(REPO, PR, {
    files: { "docs/design/a.md": IN_REVIEW },
  });
  await scenario.deliver(scenario.event("opened"));
  expect(
    scenario.github.pullRequestState(REPO, PR).comments[0]?.body,
  ).toContain(
    "Reviewers for **In Review**: reviews requested from @&#8203;alice.",
  );
  const pull = scenario.github.repo(REPO).pulls.get(PR);
  if (pull) pull.requestedReviewers = [];
  const mark = scenario.mark();
  await scenario.push({ "docs/design/a.md": `${IN_REVIEW}\nMore.\n` });
  expect(scenario.writesSince(mark)).not.toContainEqual(REQUEST);
});

test("one reviewer GitHub refuses: the others are still asked, and the checklist names the one refused", async () => {
  configure("[alice, mallory]");
  scenario.github.setPullRequest(REPO, PR, {
    files: { "docs/design/a.md": IN_REVIEW },
  });
  await scenario.deliver(scenario.event("opened"));
  const state = scenario.github.pullRequestState(REPO, PR);
  expect(state.requestedReviewers).toEqual(["alice"]);
  expect(state.comments[0]?.body).toContain(
    "Reviewers for **In Review**: reviews requested from @&#8203;alice. GitHub refused to ask @&#8203;mallory: Reviews may only be requested from collaborators.",
  );
});

test("GitHub failing the review request (a 5xx): the check run and comment are still written, and the next event asks again", async () => {
  configure("[alice]");
  scenario.github.setPullRequest(REPO, PR, {
    files: { "docs/design/a.md": IN_REVIEW },
  });
  scenario.github.inject({
    method: "POST",
    path: /\/requested_reviewers$/u,
    status: 502,
  });
  await scenario.deliver(scenario.event("opened"));
  const state = scenario.github.pullRequestState(REPO, PR);
  expect(state.checkRuns.at(-1)).toMatchObject({ conclusion: "success" });
  expect(state.comments[0]?.body).toContain(
    "Could not request reviews: GitHub answered 502. The next event asks again.",
  );
  await scenario.push({ "docs/design/a.md": `${IN_REVIEW}\nMore.\n` });
  expect(scenario.github.pullRequestState(REPO, PR).requestedReviewers).toEqual(
    ["alice"],
  );
});
