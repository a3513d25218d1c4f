import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { PR, REPO, startScenario, type Scenario } from "../helpers/scenario.js";

// A repo template brings its own Status vocabulary on its Status line: the checklist, the
// status label and the label flow all read the doc against it.

const TEMPLATE = `# RFC Template
**Owner:** Who writes it

**Status:** Draft, Accepted, Rejected

## Summary
What the RFC proposes, in two sentences.

## Decision
What was decided, and why.
`;

const doc = (status: string): string => `# Parallel exports
**Owner:** Ana Lima

**Status:** ${status}

## Summary
Exports run on four workers instead of one, so a month of audit events takes ten minutes.

## Decision
Approved by the platform team on 2026-10-02: the queue design was dropped.
`;

let scenario: Scenario;
beforeEach(async () => {
  scenario = await startScenario();
  scenario.github.setPermission(REPO, "lead", "admin");
  const files = scenario.github.repo(REPO).files;
  files.set(".github/design-docs.yml", "templates: [docs/templates/rfc.md]\n");
  files.set("docs/templates/rfc.md", TEMPLATE);
  scenario.github.setPullRequest(REPO, PR, {
    files: { "docs/design/exports.md": doc("Accepted") },
  });
});
afterEach(async () => {
  await scenario.stop();
});

test("a doc marked with its repo template's own status gets that status's label", async () => {
  await scenario.deliver(scenario.event("opened"));
  const state = scenario.github.pullRequestState(REPO, PR);
  expect(state.labels).toEqual(["Accepted"]);
  const body = state.comments[0]?.body ?? "";
  expect(body).toContain("Status label: **Accepted**.");
  expect(body).toContain("Status: Accepted → Accepted");
  expect(body).not.toContain("no doc has a recognised Status");
  expect(state.checkRuns.at(-1)).toMatchObject({ conclusion: "success" });
});

test("a status label of the repo template's vocabulary is written into the doc", async () => {
  await scenario.deliver(scenario.event("opened"));
  await scenario.label("Rejected", "lead");
  expect(
    scenario.github.headText(REPO, PR, "docs/design/exports.md"),
  ).toContain("**Status:** Rejected");
  expect(scenario.github.pullRequestState(REPO, PR).labels).toEqual([
    "Rejected",
  ]);
});
