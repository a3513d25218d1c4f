import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { rerunEvent } from "../helpers/app.js";
import { fixture } from "../helpers/engine.js";
import { PR, REPO, startScenario, type Scenario } from "../helpers/scenario.js";

// A branch rule can require `Design docs`: every head the bot has reported on gets a verdict,
// and no verdict says `success` about docs nobody checked.

const DOC = fixture("docs/filled-design-doc.md");

let scenario: Scenario;
beforeEach(async () => {
  scenario = await startScenario();
});
afterEach(async () => {
  await scenario.stop();
});

test("a PR that stops touching design docs gets a success check run on its new head, and loses its status label", async () => {
  scenario.github.setPullRequest(REPO, PR, {
    files: { "docs/design/a.md": DOC, "src/app.ts": "x\n" },
  });
  await scenario.deliver(scenario.event("opened"));
  expect(scenario.github.pullRequestState(REPO, PR).labels).toEqual([
    "In Review",
  ]);
  await scenario.push({ "docs/design/a.md": null });
  const state = scenario.github.pullRequestState(REPO, PR);
  expect(state.checkRuns).toEqual([
    expect.objectContaining({
      conclusion: "success",
      output: expect.objectContaining({
        title: "No design docs in this PR any more",
      }),
    }),
  ]);
  expect(state.labels).toEqual([]);
  expect(state.comments).toHaveLength(1);
  expect(state.comments[0]?.body).toContain(
    "This pull request no longer changes any design doc",
  );
});

test("checkRun: always reports success on a PR that never touched a design doc, once per head", async () => {
  scenario.github
    .repo(REPO)
    .files.set(".github/design-docs.yml", "checkRun: always");
  scenario.github.setPullRequest(REPO, PR, { files: { "src/app.ts": "x\n" } });
  await scenario.deliver(scenario.event("opened"));
  await scenario.deliver(scenario.event("opened"));
  const state = scenario.github.pullRequestState(REPO, PR);
  expect(state.checkRuns).toEqual([
    expect.objectContaining({
      conclusion: "success",
      output: expect.objectContaining({ title: "No design docs in this PR" }),
    }),
  ]);
  expect(state.comments).toEqual([]);
  expect(state.labels).toEqual([]);
});

test.each([
  {
    name: "not a repository",
    extend: "not a repo!",
    message:
      '`_extends`: "not a repo\\!" is not a repository: write .github, a repository name, or owner/name \\(optionally :path.yml\\)',
  },
  {
    name: "a repository the app cannot read",
    extend: "acme/secret",
    message:
      "`_extends`: acme/secret has no .github/design-docs.yml the app can read \\(the repository does not exist, the app is not installed on it, or the file is missing\\)",
  },
  {
    name: "two repositories extending each other",
    extend: "Codertocat/shared",
    other: "_extends: Hello-World",
    message:
      "`_extends`: the chain of files loops: Codertocat/Hello-World → Codertocat/shared → Codertocat/Hello-World",
  },
])("a bad _extends ($name) is a config error on the PR", async (row) => {
  scenario.github
    .repo(REPO)
    .files.set(".github/design-docs.yml", `_extends: ${row.extend}`);
  if (row.other)
    scenario.github
      .repo("Codertocat/shared")
      .files.set(".github/design-docs.yml", row.other);
  scenario.github.setPullRequest(REPO, PR, {
    files: { "docs/design/a.md": DOC },
  });
  await scenario.deliver(scenario.event("opened"));
  const state = scenario.github.pullRequestState(REPO, PR);
  expect(state.comments[0]?.body).toContain(`- [ ] ${row.message}`);
  expect(state.checkRuns.at(-1)).toMatchObject({ conclusion: "failure" });
  expect(state.labels).toEqual([]);
});

test("docs past GitHub's 3,000-file list are said to be unchecked, and the verdict is neutral", async () => {
  const files: Record<string, string> = { "docs/design/a.md": DOC };
  for (let index = 0; index < 3005; index += 1)
    files[`vendor/${String(index).padStart(4, "0")}.js`] = `${index}\n`;
  scenario.github.setPullRequest(REPO, PR, { files });
  await scenario.deliver(scenario.event("opened"));
  const state = scenario.github.pullRequestState(REPO, PR);
  const notice =
    "This pull request changes 3,006 files; GitHub lists only the first 3,000, and design docs beyond them were not checked.";
  expect(state.comments[0]?.body).toContain(notice);
  expect(state.checkRuns.at(-1)).toMatchObject({
    conclusion: "neutral",
    output: expect.objectContaining({
      summary: expect.stringContaining(notice),
    }),
  });
});

test("a PR without design docs that a person labelled WIP is left alone: status label names are common words", async () => {
  scenario.github.setPullRequest(REPO, PR, { files: { "src/app.ts": "x\n" } });
  scenario.github.addLabel(REPO, PR, "WIP", "Codertocat");
  const mark = scenario.mark();
  await scenario.deliver(
    scenario.event("synchronize", (payload) => {
      (payload.pull_request as { labels: unknown[] }).labels = [
        { name: "WIP" },
      ];
    }),
  );
  expect(scenario.writesSince(mark)).toEqual([]);
  expect(scenario.github.pullRequestState(REPO, PR).labels).toEqual(["WIP"]);
});

test("with comment: on-failure, a PR that passed without a comment and drops its docs still gets its check run and loses the bot's label", async () => {
  scenario.github
    .repo(REPO)
    .files.set(".github/design-docs.yml", "comment: on-failure");
  scenario.github.setPullRequest(REPO, PR, {
    files: { "docs/design/a.md": DOC, "src/app.ts": "x\n" },
  });
  await scenario.deliver(scenario.event("opened"));
  expect(scenario.github.pullRequestState(REPO, PR)).toMatchObject({
    comments: [],
    labels: ["In Review"],
  });
  scenario.github.push(REPO, PR, { files: { "docs/design/a.md": null } });
  await scenario.deliver(
    scenario.event("synchronize", (payload) => {
      (payload.pull_request as { labels: unknown[] }).labels = [
        { name: "In Review" },
      ];
    }),
  );
  const state = scenario.github.pullRequestState(REPO, PR);
  expect(state.labels).toEqual([]);
  expect(state.comments).toEqual([]);
  expect(state.checkRuns).toEqual([
    expect.objectContaining({
      conclusion: "success",
      output: expect.objectContaining({
        title: "No design docs in this PR any more",
      }),
    }),
  ]);
});

test("a run that fails after the bot's own status commit says so on the new head, which no later event would check", async () => {
  scenario.github.setPermission(REPO, "lead", "write");
  scenario.github.setPullRequest(REPO, PR, {
    files: { "docs/design/a.md": DOC },
  });
  // The run after the commit cannot read the new head's check runs.
  scenario.github.beforeNext({
    method: "PUT",
    path: /\/contents\//u,
    run: () =>
      scenario.github.inject({
        method: "GET",
        path: /\/check-runs$/u,
        status: 502,
        times: 5,
      }),
  });
  await expect(scenario.label("Approved", "lead")).rejects.toThrow();
  const state = scenario.github.pullRequestState(REPO, PR);
  expect(scenario.github.headText(REPO, PR, "docs/design/a.md")).toContain(
    "**Status:** Approved",
  );
  expect(state.checkRuns).toEqual([
    expect.objectContaining({
      conclusion: "failure",
      output: expect.objectContaining({ title: "Could not finish checking" }),
    }),
  ]);
});

test("another app's check run named Design docs does not stand in for the bot's", async () => {
  scenario.github.setPullRequest(REPO, PR, {
    files: { "docs/design/a.md": DOC },
  });
  await scenario.deliver(scenario.event("opened"));
  const [ours] = scenario.github.pullRequestState(REPO, PR).checkRuns;
  // Someone else's workflow posts a run of the same name saying something else.
  scenario.github.push(REPO, PR, { files: { "README.md": "x\n" } });
  scenario.github.repo(REPO).checkRuns.push({
    ...structuredClone(ours),
    id: 999_999,
    head_sha: scenario.github.headOf(REPO, PR),
    app: { id: 15368 },
  } as never);
  await scenario.deliver(scenario.event("synchronize"));
  const runs = scenario.github.pullRequestState(REPO, PR).checkRuns;
  expect(runs.map((run) => run.app?.id)).toEqual([15368, 1]);
});

test("a config read GitHub rate-limits is a failed run to re-run, not an invalid config", async () => {
  scenario.github.setPullRequest(REPO, PR, {
    files: { "docs/design/a.md": DOC },
  });
  scenario.github.inject({
    method: "GET",
    path: /\/contents\/\.github\/design-docs\.yml$/u,
    status: 403,
    body: { message: "You have exceeded a secondary rate limit." },
    headers: { "retry-after": "60" },
  });
  await expect(scenario.deliver(scenario.event("opened"))).rejects.toThrow();
  const state = scenario.github.pullRequestState(REPO, PR);
  expect(state.comments).toEqual([]);
  expect(state.checkRuns).toEqual([
    expect.objectContaining({
      conclusion: "failure",
      output: expect.objectContaining({ title: "Could not finish checking" }),
    }),
  ]);
});

test("Re-run on the check of a PR without design docs gets a check run, comment or not", async () => {
  scenario.github.setPullRequest(REPO, PR, { files: { "src/app.ts": "x\n" } });
  await scenario.deliver(
    rerunEvent((checkRun) => {
      Object.assign(checkRun, {
        id: 5,
        head_sha: scenario.github.headOf(REPO, PR),
      });
    }),
  );
  expect(scenario.github.pullRequestState(REPO, PR).checkRuns).toEqual([
    expect.objectContaining({
      conclusion: "success",
      output: expect.objectContaining({
        title: "No design docs in this PR any more",
      }),
    }),
  ]);
});

test("merge: a doc In Review fails the check run with one line saying why; once a writer labels it Approved, the check passes", async () => {
  scenario.github
    .repo(REPO)
    .files.set(
      ".github/design-docs.yml",
      "merge:\n  statuses: [Approved, Obsolete]\n",
    );
  scenario.github.setPermission(REPO, "lead", "write");
  scenario.github.setPullRequest(REPO, PR, {
    files: { "docs/design/a.md": DOC },
  });
  await scenario.deliver(scenario.event("opened"));
  const blocked = scenario.github.pullRequestState(REPO, PR);
  expect(blocked.checkRuns.at(-1)).toMatchObject({ conclusion: "failure" });
  expect(blocked.comments[0]?.body).toContain(
    "- [ ] docs/design/a.md is In Review; this repository merges design docs when Approved or Obsolete \\(line 4\\)",
  );
  await scenario.label("Approved", "lead");
  const state = scenario.github.pullRequestState(REPO, PR);
  expect(scenario.github.headText(REPO, PR, "docs/design/a.md")).toContain(
    "**Status:** Approved",
  );
  expect(state.checkRuns.at(-1)).toMatchObject({ conclusion: "success" });
  expect(state.labels).toEqual(["Approved"]);
  expect(state.comments[0]?.body).toContain(
    "- [x] Status Approved or Obsolete to merge",
  );
});

test("merge naming a status the repository does not have is a config error on the PR", async () => {
  scenario.github
    .repo(REPO)
    .files.set(".github/design-docs.yml", "merge: { statuses: [Merged] }\n");
  scenario.github.setPullRequest(REPO, PR, {
    files: { "docs/design/a.md": DOC },
  });
  await scenario.deliver(scenario.event("opened"));
  const state = scenario.github.pullRequestState(REPO, PR);
  expect(state.checkRuns.at(-1)).toMatchObject({ conclusion: "failure" });
  expect(state.comments[0]?.body).toContain(
    '- [ ] `merge.statuses`: "Merged" is not a status here; the statuses are WIP, In Review, Approved, Obsolete',
  );
});
