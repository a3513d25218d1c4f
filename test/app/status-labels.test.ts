import { beforeEach, expect, test } from "@jest/globals";
import { fixture } from "../helpers/engine.js";
import {
  PR,
  REPO,
  startInMemory,
  type InMemoryScenario,
} from "../helpers/in-memory-scenario.js";

const FILLED = fixture("docs/filled-design-doc.md");
const withStatus = (status: string): string =>
  FILLED.replace("**Status:** In Review", `**Status:** ${status}`);

let scenario: InMemoryScenario;
beforeEach(async () => {
  scenario = await startInMemory();
});

const state = () => scenario.github.pullRequestState(REPO, PR);
const commentLines = () => (state().comments[0]?.body ?? "").split("\n");
const repoLabel = (name: string) =>
  scenario.github.repo(REPO).labels.get(name.toLowerCase());

test("stale status labels are removed and other labels left alone", async () => {
  scenario.github.setPullRequest(REPO, PR, {
    files: { "docs/design/a.md": withStatus("Approved") },
    labels: ["bug", "wip", "In Review", "Approved"],
  });
  await scenario.deliver(scenario.event("synchronize"));
  expect(state().labels).toEqual(["bug", "Approved"]);
});

test("with several docs the least advanced Status wins, and the comment names the doc", async () => {
  // A WIP label the repo already has keeps its own colour and words.
  const own = { name: "WIP", color: "ededed", description: "Our own words" };
  scenario.github.repo(REPO).labels.set("wip", { ...own });
  scenario.github.setPullRequest(REPO, PR, {
    files: {
      "docs/design/a.md": withStatus("Approved"),
      "docs/design/b.md": withStatus("Draft"),
      "docs/design/c.md": withStatus("Obsolete"),
    },
    labels: ["Approved"],
  });
  await scenario.deliver(scenario.event("synchronize"));
  expect(state().labels).toEqual(["WIP"]);
  expect(repoLabel("WIP")).toEqual(own);
  expect(commentLines()[3]).toBe(
    "Status label: **WIP**, held back by docs/design/b.md, the least advanced doc.",
  );
});

test("a doc without a Status adds no status label and has an unmet line", async () => {
  scenario.github.setPullRequest(REPO, PR, {
    files: {
      "docs/design/a.md": FILLED.replace("**Status:** In Review\n", ""),
    },
    labels: ["In Review"],
  });
  await scenario.deliver(scenario.event("synchronize"));
  expect(state().labels).toEqual([]);
  const lines = commentLines();
  expect(lines[3]).toBe(
    "Status label: none, as no doc has a recognised Status.",
  );
  expect(lines.filter((line) => line.startsWith("- [ ]"))).toEqual([
    '- [ ] Field "Status" is missing; expected a header line "\\*\\*Status:\\*\\* …"',
  ]);
});

test("label names, colours and descriptions come from the config", async () => {
  scenario.github
    .repo(REPO)
    .files.set(
      ".github/design-docs.yml",
      [
        "statuses:",
        "  WIP: { label: 'design: draft', color: '#EEEEEE', description: Still being written }",
        "  In Review: { label: 'design: review' }",
        "  Approved:",
        "  Obsolete:",
      ].join("\n"),
    );
  scenario.github.setPullRequest(REPO, PR, {
    files: { "docs/design/a.md": withStatus("WIP") },
    labels: ["design: review", "In Review"],
  });
  await scenario.deliver(scenario.event("synchronize"));
  expect(state().labels).toEqual(["In Review", "design: draft"]);
  expect(repoLabel("design: draft")).toEqual({
    name: "design: draft",
    color: "eeeeee",
    description: "Still being written",
  });
});
