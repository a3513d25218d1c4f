import { readFileSync } from "node:fs";
import { beforeEach, expect, test } from "@jest/globals";
import { fixture } from "../helpers/engine.js";
import {
  PR,
  REPO,
  startInMemory,
  type InMemoryScenario,
} from "../helpers/in-memory-scenario.js";

const FILLED = fixture("docs/filled-design-doc.md");
const TEMPLATE = readFileSync(
  new URL("../../templates/design-doc.md", import.meta.url),
  "utf8",
);

let scenario: InMemoryScenario;
beforeEach(async () => {
  scenario = await startInMemory();
});

const state = () => scenario.github.pullRequestState(REPO, PR);
const setConfig = (yaml: string) =>
  scenario.github.repo(REPO).files.set(".github/design-docs.yml", yaml);

test("a WIP doc with unmet requirements gets a neutral check run with warning annotations", async () => {
  const doc = FILLED.replace(
    "**Status:** In Review",
    "**Status:** WIP",
  ).replace(/### Alternatives\n[^#]*/u, "");
  scenario.github.setPullRequest(REPO, PR, {
    files: { "docs/design/a.md": doc },
    labels: ["WIP"],
  });
  await scenario.deliver(scenario.event("synchronize"));
  expect(state().checkRuns).toEqual([
    expect.objectContaining({
      conclusion: "neutral",
      output: expect.objectContaining({
        title: "1 design doc checked: warnings only (1 requirement unmet)",
        annotations: [
          {
            path: "docs/design/a.md",
            start_line: 1,
            end_line: 1,
            annotation_level: "warning",
            title: 'Section "Alternatives"',
            message:
              'Section "Alternatives" is missing; expected a heading "Alternatives" under "Design"',
          },
        ],
      }),
    }),
  ]);
});

test("a failing PR's annotations are sent 50 at a time", async () => {
  // GitHub refuses more than 50 annotations in one request: the run would fail.
  scenario.github.setPullRequest(REPO, PR, {
    files: Object.fromEntries(
      ["a", "b", "c", "d"].map((name) => [`docs/design/${name}.md`, TEMPLATE]),
    ),
  });
  await scenario.deliver(scenario.event("opened"));
  const [run, ...others] = state().checkRuns;
  expect(others).toEqual([]);
  expect(run?.conclusion).toBe("failure");
  expect(run?.output.annotations.length).toBeGreaterThan(50);
  expect(run?.output.annotations[0]).toMatchObject({
    path: "docs/design/a.md",
    annotation_level: "failure",
  });
  expect(
    new Set(run?.output.annotations.map((annotation) => annotation.path)),
  ).toEqual(
    new Set(["a", "b", "c", "d"].map((name) => `docs/design/${name}.md`)),
  );
  // Adding annotations keeps the run's title and summary.
  expect(run?.output.summary).toBe(
    state().comments[0]?.body.split("\n").slice(1).join("\n"),
  );
});

test("dry-run mode writes a neutral check run and nothing else", async () => {
  setConfig("mode: dry-run\n");
  scenario.github.setPullRequest(REPO, PR, {
    files: { "docs/design/a.md": TEMPLATE },
  });
  await scenario.deliver(scenario.event("opened"));
  const { checkRuns, ...rest } = state();
  expect(rest).toEqual({
    comments: [],
    labels: [],
    reviews: [],
    requestedReviewers: [],
    requestedTeams: [],
  });
  expect(checkRuns).toEqual([
    expect.objectContaining({
      conclusion: "neutral",
      output: expect.objectContaining({
        title: expect.stringMatching(/^Dry run: 1 of 1 design doc fails/u),
      }),
    }),
  ]);
});

test("checkRun: false leaves check runs alone", async () => {
  setConfig("checkRun: false\n");
  scenario.github.setPullRequest(REPO, PR, {
    files: { "docs/design/a.md": FILLED },
    labels: ["In Review"],
  });
  await scenario.deliver(scenario.event("opened"));
  expect(state().checkRuns).toEqual([]);
  expect(state().comments).toHaveLength(1);
  expect(scenario.calls.map((call) => call.method)).not.toContain(
    "listCheckRuns",
  );
});

test("a push that lands while the PR is read: the file list read before it is read again, and the verdict on the new head is the new head's", async () => {
  scenario.github.setPullRequest(REPO, PR, {
    files: { "docs/design/a.md": FILLED },
    labels: ["In Review"],
  });
  const opened = scenario.event("opened");
  // The file list is read at the event's head; the push lands before the PR itself is read.
  scenario.beforeNext("getPullRequest", () => {
    scenario.github.push(REPO, PR, {
      files: {
        "docs/design/a.md": FILLED.replace("## Alternatives", "## Other"),
      },
    });
  });
  await scenario.deliver(opened);
  expect(state().checkRuns).toEqual([
    expect.objectContaining({
      head_sha: scenario.github.headOf(REPO, PR),
      conclusion: "failure",
    }),
  ]);
});

test("a PR whose head moved on since the event is read again at its new head, and gets its check run there", async () => {
  scenario.github.setPullRequest(REPO, PR, {
    files: { "docs/design/a.md": FILLED },
    labels: ["In Review"],
  });
  const opened = scenario.event("opened");
  const old = scenario.github.headOf(REPO, PR);
  scenario.github.push(REPO, PR, {
    files: {
      "docs/design/a.md": FILLED.replace("## Alternatives", "## Other"),
    },
  });
  await scenario.deliver(opened);
  expect(state().checkRuns).toEqual([
    expect.objectContaining({
      head_sha: scenario.github.headOf(REPO, PR),
      conclusion: "failure",
    }),
  ]);
  expect(
    scenario.github.repo(REPO).checkRuns.filter((run) => run.head_sha === old),
  ).toEqual([]);
});
