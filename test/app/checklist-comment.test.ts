import { beforeEach, expect, test } from "@jest/globals";
import { APP_ID, HEAD_SHA, marked, rerunEvent } from "../helpers/app.js";
import { fixture } from "../helpers/engine.js";
import {
  PR,
  REPO,
  startInMemory,
  type InMemoryScenario,
} from "../helpers/in-memory-scenario.js";

// The checklist comment, the status label and the check run a PR gets: each test sets up a
// PR in an in-memory GitHub, delivers an event, and looks at what GitHub holds after.

const DOC = "docs/design/audit-export.md";
const FILLED = fixture("docs/filled-design-doc.md");

let scenario: InMemoryScenario;
beforeEach(async () => {
  scenario = await startInMemory();
});

const state = () => scenario.github.pullRequestState(REPO, PR);
const openWithDoc = (labels?: string[]) =>
  scenario.github.setPullRequest(REPO, PR, {
    headSha: HEAD_SHA,
    files: { [DOC]: FILLED },
    ...(labels && { labels }),
  });

/** The checklist comment the bot posts on a fresh PR that adds the filled-in doc. */
async function firstComment(): Promise<string> {
  const fresh = await startInMemory();
  fresh.github.setPullRequest(REPO, PR, { files: { [DOC]: FILLED } });
  await fresh.deliver(fresh.event("opened"));
  return fresh.github.pullRequestState(REPO, PR).comments[0]?.body ?? "";
}

test("a PR that adds a design doc gets one checklist comment, its status label and a check run", async () => {
  openWithDoc();
  await scenario.deliver(scenario.event("opened"));
  const { comments, labels, checkRuns } = state();
  expect(comments).toEqual([
    expect.objectContaining({ performed_via_github_app: { id: APP_ID } }),
  ]);
  const lines = (comments[0]?.body ?? "").split("\n");
  expect(lines.slice(0, 10)).toEqual([
    "<!-- design-docs-bot: checklist -->",
    "### ✅ Design docs: 1 design doc checked: every requirement met",
    "",
    "Status label: **In Review**.",
    "",
    "#### ✅ docs/design/audit-export.md",
    "Template: design-doc \\(it has 16 of 16 sections of design-doc\\) · Status: In Review → In Review",
    "",
    "- [x] Title",
    '- [x] Field "Owner"',
  ]);
  expect(lines).toContain('- [x] Section "Alternatives"');
  expect(lines.filter((line) => line.startsWith("- [ ]"))).toEqual([]);
  expect(labels).toEqual(["In Review"]);
  // GitHub created the label, grey; the bot gave it its colour.
  expect(scenario.github.repo(REPO).labels.get("in review")).toEqual({
    name: "In Review",
    color: "1d76db",
    description: "Design doc: ready for review",
  });
  expect(checkRuns).toEqual([
    expect.objectContaining({
      name: "Design docs",
      head_sha: HEAD_SHA,
      status: "completed",
      conclusion: "success",
      output: {
        title: "1 design doc checked: every requirement met",
        summary: lines.slice(1).join("\n"),
        annotations: [],
      },
    }),
  ]);
});

test("a redelivered event makes reads only", async () => {
  openWithDoc(["bug"]);
  await scenario.deliver(scenario.event("opened"));
  const before = structuredClone(state());
  const mark = scenario.mark();
  await scenario.deliver(scenario.event("opened"));
  expect(scenario.writesSince(mark)).toEqual([]);
  expect(state()).toEqual(before);
});

test("Re-run on the check: the PR is checked again and a fresh check run written, though the latest says the same", async () => {
  openWithDoc();
  await scenario.deliver(scenario.event("opened"));
  const [first] = state().checkRuns;
  await scenario.deliver(
    rerunEvent((checkRun) => {
      Object.assign(checkRun, { id: first?.id });
    }),
  );
  const { id: _first, ...verdict } = first ?? { id: 0 };
  expect(state().checkRuns).toEqual([
    first,
    { ...verdict, id: expect.any(Number) },
  ]);
  expect(state().comments).toHaveLength(1);
});

test("a re-run of another app's check, or of another check, is left alone", async () => {
  openWithDoc();
  await scenario.deliver(
    rerunEvent((checkRun) => {
      checkRun.app = { id: 999 };
    }),
  );
  await scenario.deliver(
    rerunEvent((checkRun) => {
      checkRun.name = "build";
    }),
  );
  expect(scenario.calls).toEqual([]);
});

test("a re-run GitHub lists no PR for (the PR's branch is in a fork) is logged, and nothing called", async () => {
  await scenario.deliver(
    rerunEvent((checkRun) => {
      checkRun.pull_requests = [];
    }),
  );
  expect(scenario.calls).toEqual([]);
  expect(scenario.logs).toContainEqual(
    expect.objectContaining({
      deliveryId: "delivery-rerequested",
      repo: "Codertocat/Hello-World",
      msg: "Re-run of a check with no pull request in this repository (a fork's PR is checked on its next push or edit)",
    }),
  );
});

test("a PR that changes no design doc gets no comment, label or check run", async () => {
  scenario.github.setPullRequest(REPO, PR, {
    base: { "docs/design/old.md": FILLED },
    files: {
      "README.md": "# Hello\n",
      "docs/design/diagram.png": Buffer.from([0x89, 0x50, 0x4e, 0x47]),
      "docs/design/old.md": null,
    },
  });
  await scenario.deliver(scenario.event("synchronize"));
  expect(state()).toEqual({
    comments: [],
    labels: [],
    checkRuns: [],
    reviews: [],
    requestedReviewers: [],
    requestedTeams: [],
  });
});

test("a PR that no longer changes a design doc has its comment edited to say so, a passing check run and no status label", async () => {
  scenario.github.setPullRequest(REPO, PR, {
    files: { "README.md": "# Hello\n" },
    labels: ["In Review", "bug"],
  });
  const own = scenario.github.addComment(
    REPO,
    PR,
    marked("### ✅ Design docs: …"),
    { appId: APP_ID },
  );
  await scenario.deliver(scenario.event("synchronize"));
  const text = [
    "### Design docs: nothing to check",
    "",
    "This pull request no longer changes any design doc (`docs/design/**/*.md`).",
  ].join("\n");
  expect(state().comments).toEqual([{ ...own, body: marked(text) }]);
  expect(state().labels).toEqual(["bug"]);
  expect(state().checkRuns).toEqual([
    expect.objectContaining({
      name: "Design docs",
      status: "completed",
      conclusion: "success",
      output: {
        title: "No design docs in this PR any more",
        summary: text,
        annotations: [],
      },
    }),
  ]);
});

test("a comment where a user pasted the marker is not the bot's: the bot posts its own", async () => {
  const comment = await firstComment();
  openWithDoc(["In Review"]);
  const pasted = scenario.github.addComment(
    REPO,
    PR,
    comment.replace("✅", "❌"),
  );
  const otherApp = scenario.github.addComment(REPO, PR, comment, {
    appId: 12345,
  });
  await scenario.deliver(scenario.event("reopened"));
  expect(state().comments).toEqual([
    pasted,
    otherApp,
    expect.objectContaining({
      body: comment,
      performed_via_github_app: { id: APP_ID },
    }),
  ]);
});

test("several checklist comments: the oldest is kept and brought up to date, the rest deleted", async () => {
  const comment = await firstComment();
  openWithDoc(["In Review"]);
  const add = (body: string, createdAt: string) =>
    scenario.github.addComment(REPO, PR, body, { appId: APP_ID, createdAt });
  add(comment, "2026-11-23T10:00:02Z");
  const oldest = add(marked("stale"), "2026-11-23T10:00:01Z");
  add(comment, "2026-11-23T10:00:03Z");
  await scenario.deliver(scenario.event("synchronize"));
  expect(state().comments).toEqual([{ ...oldest, body: comment }]);
});

test("deliveries for one PR that arrive together still leave one comment", async () => {
  openWithDoc();
  await Promise.all([
    scenario.deliver(scenario.event("opened")),
    scenario.deliver(scenario.event("synchronize")),
    scenario.deliver(scenario.event("reopened")),
  ]);
  expect(state().comments).toHaveLength(1);
  expect(state().labels).toEqual(["In Review"]);
  expect(state().checkRuns).toHaveLength(1);
});

test("events sent by bots, this app included, are ignored without a call", async () => {
  openWithDoc();
  await scenario.deliver(
    scenario.event("synchronize", (payload) => {
      payload.sender = { login: scenario.github.botLogin, type: "Bot" };
    }),
  );
  await scenario.deliver(
    scenario.event("opened", (payload) => {
      payload.sender = { login: "renovate[bot]", type: "Bot" };
    }),
  );
  expect(scenario.calls).toEqual([]);
});

test("with comment: on-failure, a passing PR gets no comment", async () => {
  scenario.github
    .repo(REPO)
    .files.set(".github/design-docs.yml", "comment: on-failure\n");
  openWithDoc(["In Review"]);
  await scenario.deliver(scenario.event("opened"));
  expect(state().comments).toEqual([]);
  expect(state().checkRuns).toEqual([
    expect.objectContaining({ conclusion: "success" }),
  ]);
});
