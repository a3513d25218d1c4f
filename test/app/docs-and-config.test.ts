import { beforeEach, expect, test } from "@jest/globals";
import { blobSha } from "../fake-github/github-model.js";
import { fixture } from "../helpers/engine.js";
import {
  PR,
  REPO,
  startInMemory,
  type InMemoryScenario,
} from "../helpers/in-memory-scenario.js";

const FILLED = fixture("docs/filled-design-doc.md");
const NO_ALTERNATIVES = FILLED.replace(/### Alternatives\n[^#]*/u, "");

let scenario: InMemoryScenario;
beforeEach(async () => {
  scenario = await startInMemory();
});

const state = () => scenario.github.pullRequestState(REPO, PR);
const comment = () => state().comments[0]?.body ?? "";
/** The unmet lines of the comment the bot posted. */
const unmetLines = () =>
  comment()
    .split("\n")
    .filter((line) => line.startsWith("- [ ]"));
const setConfig = (yaml: string) =>
  scenario.github.repo(REPO).files.set(".github/design-docs.yml", yaml);
const openWith = (
  files: Record<string, string | Buffer>,
  pull: { labels?: string[]; draft?: boolean; state?: "closed" } = {},
) => scenario.github.setPullRequest(REPO, PR, { files, ...pull });

test("an invalid config is reported in the comment and the check run, with every key, and no label changes", async () => {
  setConfig("paths: 3\ncomment: sometimes\ncolour: red\n");
  openWith({ "docs/design/a.md": FILLED }, { labels: ["WIP"] });
  await scenario.deliver(scenario.event("opened"));
  const report = comment().split("\n").slice(1);
  expect(report).toEqual([
    "### ❌ Design docs: `.github/design-docs.yml` is invalid",
    "",
    "No design doc was checked and no label was changed. Fix these keys on the default branch (or in the organisation's `.github` repository it extends):",
    "",
    "- [ ] `colour`: unknown key; known keys are paths, templates, aliases, optionalSections, statuses, checkRun, dismissStaleApprovals, comment, drafts, maxFileSize, mode, merge, \\_extends",
    "- [ ] `paths`: must be a non-empty string or a list of them",
    "- [ ] `comment`: must be one of always, on-failure",
  ]);
  expect(state().labels).toEqual(["WIP"]);
  expect(state().checkRuns).toEqual([
    expect.objectContaining({
      conclusion: "failure",
      output: expect.objectContaining({ summary: report.join("\n") }),
    }),
  ]);
});

test("a config that is not YAML says so, with the parser's message", async () => {
  setConfig("paths: [docs/**\n");
  openWith({ "docs/design/a.md": FILLED });
  await scenario.deliver(scenario.event("opened"));
  expect(unmetLines()).toEqual([
    expect.stringMatching(/^- \[ \] `\(file\)`: not valid YAML: .+/u),
  ]);
});

test("renamed docs are checked under their new path, removed ones skipped", async () => {
  scenario.github.setPullRequest(REPO, PR, {
    base: { "docs/design/old-name.md": FILLED, "docs/design/gone.md": FILLED },
    files: {
      "docs/design/new-name.md": FILLED,
      "docs/design/gone.md": null,
      "src/app.ts": "x\n",
    },
    renames: { "docs/design/new-name.md": "docs/design/old-name.md" },
    labels: ["In Review"],
  });
  await scenario.deliver(scenario.event("synchronize"));
  expect(comment()).toContain("#### ✅ docs/design/new-name.md");
  expect(comment()).not.toContain("old-name");
  expect(comment()).not.toContain("gone");
});

test("a doc that is not UTF-8 text, or holds NUL bytes, gets an unmet line", async () => {
  openWith({
    "docs/design/latin1.md": Buffer.from("# Caf\xe9\n", "latin1"),
    "docs/design/binary.md": Buffer.from("# A\u0000B\n"),
  });
  await scenario.deliver(scenario.event("opened"));
  expect(unmetLines()).toEqual([
    "- [ ] The file holds NUL bytes, so it is binary, not Markdown; save it as UTF-8 Markdown",
    "- [ ] The file is not UTF-8 text; save it as UTF-8 Markdown",
  ]);
});

test("a doc over maxFileSize gets an unmet line saying so", async () => {
  setConfig("maxFileSize: 1000\n");
  openWith({ "docs/design/big.md": "x".repeat(1001) });
  await scenario.deliver(scenario.event("opened"));
  expect(unmetLines()).toEqual([
    "- [ ] The file is 1001 bytes, over the 1000-byte limit \\(maxFileSize in .github/design-docs.yml\\); split it or raise the limit",
  ]);
});

test("a doc whose blob did not change since the last event is not fetched again", async () => {
  openWith({ "docs/design/a.md": FILLED }, { labels: ["In Review"] });
  await scenario.deliver(scenario.event("opened"));
  const mark = scenario.mark();
  const second = `${FILLED}\nMore.\n`;
  await scenario.push({ "docs/design/b.md": second });
  expect(
    scenario.calls
      .slice(mark)
      .filter((call) => call.method === "getBlob")
      .map((call) => call.args),
  ).toEqual([[blobSha(Buffer.from(second))]]);
  expect(comment()).toContain("#### ✅ docs/design/a.md");
  expect(comment()).toContain("#### ✅ docs/design/b.md");
});

test("a template file named in the config is read from the repo's default branch", async () => {
  setConfig("templates: docs/rfc-template.md\n");
  scenario.github
    .repo(REPO)
    .files.set(
      "docs/rfc-template.md",
      "# Title\n\n## Problem\nWhat is wrong.\n\n## Plan\nWhat we do.\n",
    );
  openWith({
    "docs/design/a.md":
      "# Faster builds\n\n## Problem\nBuilds take an hour.\n\n## Plan\nWhat we do.\n",
    // The PR's own copy of the template is not the one it is judged by.
    "docs/rfc-template.md": "# Title\n\n## Anything\n",
  });
  await scenario.deliver(scenario.event("opened"));
  expect(comment()).toContain(
    "Template: docs/rfc-template.md \\(it has 2 of 2 sections of docs/rfc-template.md\\)",
  );
  expect(unmetLines()).toEqual([
    expect.stringMatching(/^- \[ \] Section "Plan" .*placeholder/u),
  ]);
});

test("drafts: skip leaves draft PRs alone", async () => {
  setConfig("drafts: skip\n");
  openWith({ "docs/design/a.md": NO_ALTERNATIVES }, { draft: true });
  await scenario.deliver(scenario.event("converted_to_draft"));
  expect(scenario.writesSince(0)).toEqual([]);
});

test("drafts: wip turns failures into warnings", async () => {
  setConfig("drafts: wip\n");
  openWith(
    { "docs/design/a.md": NO_ALTERNATIVES },
    { draft: true, labels: ["In Review"] },
  );
  await scenario.deliver(scenario.event("converted_to_draft"));
  expect(state().checkRuns).toEqual([
    expect.objectContaining({ conclusion: "neutral" }),
  ]);
});

test("a closed PR is left alone", async () => {
  openWith({ "docs/design/a.md": FILLED }, { state: "closed" });
  await scenario.deliver(scenario.event("reopened"));
  expect(scenario.writesSince(0)).toEqual([]);
});
