import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { fixture } from "../helpers/engine.js";
import { PR, REPO, startScenario, type Scenario } from "../helpers/scenario.js";

// Who approved a doc's move into a restricted status comes from GitHub's own records (the
// label events, the bot's signed commits, reviews), never from text a PR participant can edit.

const IN_REVIEW = fixture("docs/filled-design-doc.md");
const APPROVED = IN_REVIEW.replace(
  "**Status:** In Review",
  "**Status:** Approved",
);
const EDITED = IN_REVIEW.replace(
  "Export each day's audit events",
  "Export every day's audit events",
);
const RESTRICTED = [
  "statuses:",
  "  WIP:",
  "  In Review:",
  "  Approved: { setBy: [lead] }",
  "  Obsolete:",
].join("\n");

let scenario: Scenario;
beforeEach(async () => {
  scenario = await startScenario();
});
afterEach(async () => {
  await scenario.stop();
});

function configure(yaml: string): void {
  scenario.github.repo(REPO).files.set(".github/design-docs.yml", yaml);
}

/** The PR's `Design docs` verdict and checklist now. */
function verdict(): { conclusion: string | undefined; comment: string } {
  const state = scenario.github.pullRequestState(REPO, PR);
  return {
    conclusion: state.checkRuns.at(-1)?.conclusion,
    comment: state.comments[0]?.body ?? "",
  };
}

test("hidden state pasted into the bot's comment grants no approval", async () => {
  configure(RESTRICTED);
  scenario.github.setPullRequest(REPO, PR, {
    base: { "docs/design/a.md": IN_REVIEW },
    files: { "docs/design/a.md": APPROVED },
  });
  await scenario.deliver(scenario.event("opened"));
  expect(verdict().conclusion).toBe("failure");

  const [comment] = scenario.github.pullRequestState(REPO, PR).comments;
  scenario.github.editComment(
    REPO,
    comment?.id ?? 0,
    `${comment?.body}\n<!-- design-docs-bot: state {"setBy":{"status":"Approved","by":"lead"}} -->`,
  );
  await scenario.deliver(scenario.event("edited"));
  expect(verdict().conclusion).toBe("failure");
  expect(verdict().comment).toContain(
    '- [ ] Status moved from "In Review" to "Approved"; that needs 1 approving review from @&#8203;lead, 0 so far',
  );
});

test("a setter's label covers the docs the bot's commit wrote, not a doc added later", async () => {
  configure(RESTRICTED);
  scenario.github.setPullRequest(REPO, PR, {
    base: { "docs/design/a.md": IN_REVIEW },
    files: { "docs/design/a.md": EDITED },
  });
  await scenario.label("Approved", "lead");
  expect(scenario.github.headText(REPO, PR, "docs/design/a.md")).toContain(
    "**Status:** Approved",
  );
  expect(verdict().conclusion).toBe("success");
  expect(verdict().comment).toContain(
    '- [x] Status "Approved" approved by @&#8203;lead',
  );

  await scenario.push({ "docs/design/b.md": APPROVED });
  expect(verdict().conclusion).toBe("failure");
  const comment = verdict().comment;
  const docB = comment.slice(comment.indexOf("docs/design/b.md"));
  expect(docB).toContain(
    '- [ ] Status set to "Approved"; that needs 1 approving review from @&#8203;lead, 0 so far',
  );
  const docA = comment.slice(
    comment.indexOf("docs/design/a.md"),
    comment.indexOf("docs/design/b.md"),
  );
  expect(docA).toContain('- [x] Status "Approved" approved by @&#8203;lead');
});

test("a covered doc keeps its approval through later edits, unless dismissStaleApprovals", async () => {
  for (const [dismiss, expected] of [
    [false, "success"],
    [true, "failure"],
  ] as const) {
    configure(`${RESTRICTED}\ndismissStaleApprovals: ${dismiss}`);
    scenario.github.setPullRequest(REPO, PR, {
      base: { "docs/design/a.md": IN_REVIEW },
      files: { "docs/design/a.md": EDITED },
      labels: [],
    });
    await scenario.label("Approved", "lead");
    expect(verdict().conclusion).toBe("success");
    const approved = scenario.github.headText(REPO, PR, "docs/design/a.md");
    await scenario.push({
      "docs/design/a.md": `${approved}\nOne more paragraph.\n`,
    });
    expect([dismiss, verdict().conclusion]).toEqual([dismiss, expected]);
    scenario.github.removeLabel(REPO, PR, "Approved", "lead");
  }
});

test.each([
  {
    name: "unsigned, in the bot's name",
    author: "bot",
    committer: "bot",
    verified: false,
  },
  // Her own signature vouches for her as committer, not for the author she wrote.
  {
    name: "signed by mallory, authored in the bot's name",
    author: "bot",
    committer: "mallory",
    verified: true,
  },
])("a commit copying the bot's message ($name) covers nothing", async (row) => {
  configure(RESTRICTED);
  scenario.github.setPullRequest(REPO, PR, {
    base: { "docs/design/a.md": IN_REVIEW },
    files: { "docs/design/a.md": EDITED },
  });
  await scenario.label("Approved", "lead");
  expect(verdict().conclusion).toBe("success");
  const [botCommit] = scenario.github
    .commitsOf(REPO, PR)
    .filter((commit) => commit.author.type === "Bot");
  const as = (who: string) => (who === "bot" ? scenario.github.botLogin : who);
  scenario.github.push(REPO, PR, {
    files: { "docs/design/b.md": APPROVED },
    message: (botCommit?.message ?? "").replaceAll("a.md", "b.md"),
    author: as(row.author),
    committer: as(row.committer),
    verified: row.verified,
  });
  await scenario.deliver(scenario.event("synchronize"));
  expect(verdict().conclusion).toBe("failure");
});

test("a genuine status commit brought over from another PR covers nothing here", async () => {
  configure(RESTRICTED);
  // On PR 3 lead sets Approved, and the bot commits it into b.md there.
  scenario.github.setPullRequest(REPO, 3, {
    files: { "docs/design/b.md": IN_REVIEW },
  });
  scenario.github.addLabel(REPO, 3, "Approved", "lead");
  await scenario.deliver(
    scenario.event(
      "labeled",
      (payload) => {
        payload.sender = { login: "lead", type: "User" };
        payload.label = { name: "Approved" };
      },
      3,
    ),
  );
  const [elsewhere] = scenario.github
    .commitsOf(REPO, 3)
    .filter((commit) => commit.author.type === "Bot");
  expect(elsewhere?.message).toContain("Design-Docs-Label-Event:");
  // lead also once labelled PR 2 Approved; mallory brings PR 3's commit over to it.
  scenario.github.setPullRequest(REPO, PR, {
    base: { "docs/design/a.md": IN_REVIEW },
    files: { "docs/design/a.md": EDITED },
  });
  scenario.github.addLabel(REPO, PR, "Approved", "lead");
  scenario.github.removeLabel(REPO, PR, "Approved", "lead");
  scenario.github.push(REPO, PR, {
    files: { "docs/design/b.md": APPROVED },
    message: elsewhere?.message ?? "",
    author: scenario.github.botLogin,
    verified: true,
  });
  await scenario.deliver(scenario.event("synchronize"));
  expect(verdict().conclusion).toBe("failure");
});

test("a label event handled late sets only the docs the person saw: a doc pushed since waits for a new label", async () => {
  configure(RESTRICTED);
  scenario.github.setPullRequest(REPO, PR, {
    base: { "docs/design/a.md": IN_REVIEW },
    files: { "docs/design/a.md": EDITED },
  });
  scenario.github.addLabel(REPO, PR, "Approved", "lead");
  const labeled = scenario.event("labeled", (payload) => {
    payload.sender = { login: "lead", type: "User" };
    payload.label = { name: "Approved" };
  });
  // Before the bot gets to the event, mallory pushes a doc of her own.
  scenario.github.push(REPO, PR, {
    files: { "docs/design/c.md": IN_REVIEW },
    author: "mallory",
  });
  await scenario.deliver(labeled);
  expect(scenario.github.headText(REPO, PR, "docs/design/a.md")).toContain(
    "**Status:** Approved",
  );
  expect(scenario.github.headText(REPO, PR, "docs/design/c.md")).toContain(
    "**Status:** In Review",
  );
  expect(verdict().comment).toContain(
    "@&#8203;lead added **Approved** before docs/design/c.md changed, so the bot did not set it: add the label again to set that doc too.",
  );
});

test("with dismissStaleApprovals, a review given on an older head no longer counts", async () => {
  configure(`${RESTRICTED}\ndismissStaleApprovals: true`);
  scenario.github.setPullRequest(REPO, PR, {
    base: { "docs/design/a.md": IN_REVIEW },
    files: { "docs/design/a.md": APPROVED },
  });
  await scenario.review("lead", "APPROVED");
  expect(verdict().conclusion).toBe("success");
  await scenario.push({ "docs/design/a.md": `${APPROVED}\nMore.\n` });
  expect(verdict().conclusion).toBe("failure");
});

test("a doc renamed into the checked paths from outside them is a new doc there", async () => {
  configure(RESTRICTED);
  scenario.github.setPullRequest(REPO, PR, {
    base: { "notes/x.md": APPROVED, "docs/design/old.md": APPROVED },
    files: {
      "notes/x.md": null,
      "docs/design/x.md": APPROVED,
      "docs/design/old.md": null,
      "docs/design/new.md": APPROVED,
    },
    renames: {
      "docs/design/x.md": "notes/x.md",
      "docs/design/new.md": "docs/design/old.md",
    },
  });
  await scenario.deliver(scenario.event("opened"));
  const comment = verdict().comment;
  const renamedInside = comment.slice(
    comment.indexOf("docs/design/new.md"),
    comment.indexOf("docs/design/x.md"),
  );
  expect(renamedInside).not.toContain("approving review");
  expect(comment.slice(comment.indexOf("docs/design/x.md"))).toContain(
    '- [ ] Status set to "Approved"; that needs 1 approving review from @&#8203;lead, 0 so far',
  );
  expect(verdict().conclusion).toBe("failure");
});

test("an allowed reviewer's approval counts; a dismissed one stops counting", async () => {
  configure(RESTRICTED);
  scenario.github.setPullRequest(REPO, PR, {
    base: { "docs/design/a.md": IN_REVIEW },
    files: { "docs/design/a.md": APPROVED },
  });
  await scenario.review("bob", "APPROVED");
  expect(verdict().conclusion).toBe("failure");
  const { id } = scenario.github.addReview(REPO, PR, {
    user: "lead",
    state: "APPROVED",
  });
  await scenario.deliver(scenario.event("edited"));
  expect(verdict().conclusion).toBe("success");
  scenario.github.dismissReview(REPO, id);
  await scenario.deliver(scenario.event("edited"));
  expect(verdict().conclusion).toBe("failure");
});
