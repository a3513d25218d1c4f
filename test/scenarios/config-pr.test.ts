import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { fixture } from "../helpers/engine.js";
import { PR, REPO, startScenario, type Scenario } from "../helpers/scenario.js";

// A PR that edits the repo's config, or a template it names, has the proposal checked too,
// with every error at its line, so a broken config is caught before it merges. The PR's docs
// are still judged by the default branch's rules.

const DOC = fixture("docs/filled-design-doc.md");
const CONFIG = ".github/design-docs.yml";

let scenario: Scenario;
beforeEach(async () => {
  scenario = await startScenario();
});
afterEach(async () => {
  await scenario.stop();
});

const latestCheckRun = () =>
  scenario.github.pullRequestState(REPO, PR).checkRuns.at(-1);

test("a proposed config with two errors: both listed with their lines, the check run fails, and the docs are judged by the default branch's rules", async () => {
  scenario.github.setPullRequest(REPO, PR, {
    files: {
      "docs/design/a.md": DOC,
      [CONFIG]:
        "paths: [rfcs/**]\nstatuses:\n  WIP: { colour: red }\nmode: loud\n",
    },
  });
  await scenario.deliver(scenario.event("opened"));
  const checkRun = latestCheckRun();
  expect(checkRun).toMatchObject({ conclusion: "failure" });
  expect(checkRun?.output.title).toBe(
    "1 design doc checked: every requirement met; the proposed .github/design-docs.yml is invalid",
  );
  const body =
    scenario.github.pullRequestState(REPO, PR).comments[0]?.body ?? "";
  expect(body).toContain(
    [
      "#### The proposed configuration",
      "",
      "This PR changes `.github/design-docs.yml`: checked here as the App will read it once merged. The design docs in this PR are judged by the default branch's rules until then.",
      "",
      "- [ ] `.github/design-docs.yml` line 3: `statuses.WIP.colour`: unknown key; known keys are aliases, strict, label, color, description, setBy, requireApprovals, reviewers",
      "- [ ] `.github/design-docs.yml` line 4: `mode`: must be one of live, dry-run",
    ].join("\n"),
  );
  // Judged by the default branch's rules: docs/design/** (not the proposed rfcs/**).
  expect(body).toContain("docs/design/a.md");
  expect(checkRun?.output.annotations).toEqual([
    expect.objectContaining({
      path: CONFIG,
      start_line: 3,
      annotation_level: "failure",
    }),
    expect.objectContaining({
      path: CONFIG,
      start_line: 4,
      annotation_level: "failure",
    }),
  ]);
});

test("a valid proposed config: the check says so, and a PR that changes no design doc still gets its check run", async () => {
  scenario.github.setPullRequest(REPO, PR, {
    files: { [CONFIG]: "merge:\n  statuses: [Approved]\n" },
  });
  await scenario.deliver(scenario.event("opened"));
  const checkRun = latestCheckRun();
  expect(checkRun).toMatchObject({ conclusion: "success" });
  expect(checkRun?.output.summary).toContain(
    "- [x] The proposed configuration is valid",
  );
  expect(scenario.github.pullRequestState(REPO, PR).comments).toEqual([]);
});

test("a PR that removes a template the config names: the proposal is checked, and says the template is gone", async () => {
  scenario.github
    .repo(REPO)
    .files.set(CONFIG, "templates: [docs/rfc-template.md]\n");
  scenario.github
    .repo(REPO)
    .files.set("docs/rfc-template.md", fixture("docs/filled-design-doc.md"));
  scenario.github.setPullRequest(REPO, PR, {
    base: {
      [CONFIG]: "templates: [docs/rfc-template.md]\n",
      "docs/rfc-template.md": fixture("docs/filled-design-doc.md"),
    },
    files: { "docs/rfc-template.md": null },
  });
  await scenario.deliver(scenario.event("opened"));
  const checkRun = latestCheckRun();
  expect(checkRun).toMatchObject({ conclusion: "failure" });
  expect(checkRun?.output.summary).toContain(
    '- [ ] `.github/design-docs.yml` line 1: `templates`: "docs/rfc-template.md" is not a file at the PR\'s head',
  );
});

test("a PR whose valid proposal fixes the default branch's broken config: the check is neutral, so a branch rule lets the fix merge", async () => {
  scenario.github.repo(REPO).files.set(CONFIG, "mode: loud\n");
  scenario.github.setPullRequest(REPO, PR, {
    base: { [CONFIG]: "mode: loud\n" },
    files: { [CONFIG]: "mode: live\n", "docs/design/a.md": DOC },
  });
  await scenario.deliver(scenario.event("opened"));
  const checkRun = latestCheckRun();
  expect(checkRun).toMatchObject({ conclusion: "neutral" });
  expect(checkRun?.output.title).toBe(
    "Invalid .github/design-docs.yml; this PR's proposal fixes it",
  );
  expect(checkRun?.output.summary).toContain(
    "- [x] The proposed configuration is valid",
  );
});
