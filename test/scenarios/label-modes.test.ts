import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { fixture } from "../helpers/engine.js";
import { PR, REPO, startScenario, type Scenario } from "../helpers/scenario.js";

// A status label goes through the same rules as every other event: dry-run and skipped drafts
// write nothing but what the README says, and an invalid config writes its report only.

const IN_REVIEW = fixture("docs/filled-design-doc.md");

let scenario: Scenario;
beforeEach(async () => {
  scenario = await startScenario();
  scenario.github.setPermission(REPO, "lead", "write");
  scenario.github.setPermission(REPO, "mallory", "read");
});
afterEach(async () => {
  await scenario.stop();
});

function setUp(config: string, draft = false): void {
  scenario.github.repo(REPO).files.set(".github/design-docs.yml", config);
  scenario.github.setPullRequest(REPO, PR, {
    base: { "docs/design/a.md": IN_REVIEW },
    files: { "docs/design/a.md": `${IN_REVIEW}\nMore.\n` },
    draft,
  });
}

test("mode: dry-run: a permitted label commits nothing and a refused one stays; only a neutral check run", async () => {
  setUp("mode: dry-run");
  const mark = scenario.mark();
  await scenario.label("Approved", "lead");
  await scenario.label("Obsolete", "mallory");
  expect(scenario.writesSince(mark)).toEqual([
    { method: "POST", path: `/repos/${REPO}/check-runs` },
  ]);
  const state = scenario.github.pullRequestState(REPO, PR);
  expect(state.labels).toEqual(["Approved", "Obsolete"]);
  expect(state.checkRuns.at(-1)).toMatchObject({ conclusion: "neutral" });
  expect(scenario.github.headText(REPO, PR, "docs/design/a.md")).toContain(
    "**Status:** In Review",
  );
});

test("drafts: skip: a status label on a draft PR writes nothing at all", async () => {
  setUp("drafts: skip", true);
  const mark = scenario.mark();
  await scenario.label("Approved", "lead");
  await scenario.label("Obsolete", "mallory");
  expect(scenario.writesSince(mark)).toEqual([]);
});

test("an invalid config: a status label writes the config report and nothing else", async () => {
  setUp("mode: sometimes\nchecks: true");
  const mark = scenario.mark();
  await scenario.label("Approved", "lead");
  await scenario.label("Obsolete", "mallory");
  expect(scenario.writesSince(mark)).toEqual([
    { method: "POST", path: `/repos/${REPO}/check-runs` },
    { method: "POST", path: `/repos/${REPO}/issues/${PR}/comments` },
  ]);
  const state = scenario.github.pullRequestState(REPO, PR);
  expect(state.labels).toEqual(["Approved", "Obsolete"]);
  expect(state.comments[0]?.body).toContain(
    "### ❌ Design docs: `.github/design-docs.yml` is invalid",
  );
  expect(state.checkRuns.at(-1)).toMatchObject({
    conclusion: "failure",
    output: { title: "Invalid .github/design-docs.yml" },
  });
});
