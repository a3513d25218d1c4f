import { readFileSync } from "node:fs";
import { expect, test } from "@jest/globals";
import { parse } from "yaml";
import { ACTION_EVENTS } from "../../src/action/read-event.js";

// The README's two workflows are meant to be copied as they are: each must name events and
// actions the step runs on, ask for the permissions the README says and no more, and use
// only the inputs action.yml declares; the pull_request_target one must run nothing of the PR.

const README = readFileSync(
  new URL("../../README.md", import.meta.url),
  "utf8",
);
const section = README.slice(
  README.indexOf("## Run it as a GitHub Action"),
  README.indexOf("## Setting a doc's status"),
);
interface Workflow {
  on: Record<string, { types: string[] }>;
  permissions: Record<string, string>;
  jobs: Record<string, { steps: { uses?: string; with?: object }[] }>;
}
const workflows = [...section.matchAll(/```yaml\n([\s\S]*?)```/gu)].map(
  (match) => parse(match[1] ?? "") as Workflow,
);
const action = parse(
  readFileSync(new URL("../../action.yml", import.meta.url), "utf8"),
) as { inputs: Record<string, unknown> };

/** The actions the App takes on each event (src/index.ts), which the step takes too. */
const ACTIONS: Record<string, string[]> = {
  pull_request: [
    "opened",
    "reopened",
    "synchronize",
    "edited",
    "ready_for_review",
    "converted_to_draft",
    "labeled",
    "unlabeled",
    "closed",
  ],
  pull_request_review: ["submitted", "dismissed"],
};
ACTIONS.pull_request_target = ACTIONS.pull_request ?? [];

test("the README has the two workflows: same-repository PRs, and forks on pull_request_target", () => {
  expect(workflows.map((workflow) => Object.keys(workflow.on))).toEqual([
    ["pull_request", "pull_request_review"],
    ["pull_request_target", "pull_request_review"],
  ]);
});

test.each(workflows.map((workflow, index) => ({ index, workflow })))(
  "workflow $index: every action the step takes, the permissions the README gives, this action with its own inputs",
  ({ workflow }) => {
    for (const [name, { types }] of Object.entries(workflow.on)) {
      expect(ACTION_EVENTS).toContain(name);
      expect(types).toEqual(ACTIONS[name]);
    }
    expect(workflow.permissions).toEqual({
      contents: "write",
      "pull-requests": "write",
      issues: "write",
    });
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    // Nothing else in the job: above all no checkout of the PR's head.
    expect(steps.map((step) => step.uses)).toEqual([
      "OWNER/design-docs-bot@v1",
    ]);
    for (const step of steps)
      for (const input of Object.keys(step.with ?? {}))
        expect(Object.keys(action.inputs)).toContain(input);
  },
);

test("the README's input table is action.yml's inputs with their defaults", () => {
  const rows = [
    ...section.matchAll(/^\| `([a-z-]+)` +\| `([^`]*)` +\|/gmu),
  ].map((match) => [match[1], match[2]]);
  expect(rows).toEqual(
    Object.entries(action.inputs as Record<string, { default: string }>).map(
      ([name, input]) => [name, input.default],
    ),
  );
});
