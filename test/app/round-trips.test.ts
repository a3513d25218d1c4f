import { expect, test } from "@jest/globals";
import type { ClientCall } from "../helpers/client-calls.js";
import { fixture } from "../helpers/engine.js";
import { PR, REPO, startInMemory } from "../helpers/in-memory-scenario.js";

// What a delivery waits on is the number of round trips to GitHub one after another. Each
// call here is held until every call made meanwhile has joined it, so the calls GitHub would
// see at once share a round.

const DOC = fixture("docs/filled-design-doc.md");

/** Each call with its round, in the order the calls were made. */
const rounds = (calls: readonly ClientCall[]) =>
  calls.map((call) => `${call.round}: ${call.method}`);

test("a PR opened with one doc: config, org config, files and comments at once; then the PR, its check runs and the blob; then the check run first, the comment, the label", async () => {
  const scenario = await startInMemory({ inRounds: true });
  scenario.github.setPullRequest(REPO, PR, {
    files: { "docs/design/a.md": DOC, "src/app.ts": "x\n" },
  });
  await scenario.deliver(scenario.event("opened"));
  expect(rounds(scenario.calls)).toEqual([
    "1: getConfigFile",
    "1: getConfigFile",
    "1: listChangedFiles",
    "1: listComments",
    "2: getPullRequest",
    "2: getBlob",
    "2: listCheckRuns",
    "3: createCheckRun",
    "4: createComment",
    "5: addLabels",
    // GitHub created the label grey: it is given its colour.
    "6: updateLabel",
  ]);
  expect(
    scenario.calls
      .slice(0, 2)
      .map((call) => call.args.join(" "))
      .sort(),
  ).toEqual([
    "Codertocat .github .github/design-docs.yml",
    "Codertocat Hello-World .github/design-docs.yml",
  ]);
});

test("the same event redelivered: two rounds of reads, nothing written", async () => {
  const scenario = await startInMemory({ inRounds: true });
  scenario.github.setPullRequest(REPO, PR, {
    files: { "docs/design/a.md": DOC, "src/app.ts": "x\n" },
  });
  await scenario.deliver(scenario.event("opened"));
  const mark = scenario.mark();
  await scenario.deliver(scenario.event("opened"));
  // The blob is not read again: its sha was checked before.
  expect(rounds(scenario.calls.slice(mark))).toEqual([
    "7: getConfigFile",
    "7: getConfigFile",
    "7: listChangedFiles",
    "7: listComments",
    "8: getPullRequest",
    "8: listCheckRuns",
  ]);
});

test("a PR without docs costs one round trip: both configs, the files and the comments at once", async () => {
  const scenario = await startInMemory({ inRounds: true });
  scenario.github.setPullRequest(REPO, PR, { files: { "src/app.ts": "x\n" } });
  await scenario.deliver(scenario.event("opened"));
  expect(rounds(scenario.calls)).toEqual([
    "1: getConfigFile",
    "1: getConfigFile",
    "1: listChangedFiles",
    "1: listComments",
  ]);
});

test("100 docs: every blob in one round, and the writes after the last check", async () => {
  const scenario = await startInMemory({ inRounds: true });
  const files = Object.fromEntries(
    Array.from({ length: 100 }, (_, index) => [
      `docs/design/doc-${index}.md`,
      DOC.replace(/^# (.*)$/mu, `# $1 ${index}`),
    ]),
  );
  scenario.github.setPullRequest(REPO, PR, { files });
  await scenario.deliver(scenario.event("opened"));
  const blobs = scenario.calls.filter((call) => call.method === "getBlob");
  expect(blobs).toHaveLength(100);
  expect(new Set(blobs.map((call) => call.round))).toEqual(new Set([2]));
  expect(rounds(scenario.calls.filter((call) => call.round !== 2))).toEqual([
    "1: getConfigFile",
    "1: getConfigFile",
    "1: listChangedFiles",
    "1: listComments",
    "3: createCheckRun",
    "4: createComment",
    "5: addLabels",
    "6: updateLabel",
  ]);
});

/** The App on an in-memory GitHub whose owner's `.github` config checks `rfcs/**`, and the repo's own file if `own`. */
async function withOwnerConfig(own?: string) {
  const scenario = await startInMemory();
  scenario.github
    .repo("Codertocat/.github")
    .files.set(".github/design-docs.yml", "paths: [rfcs/**]");
  if (own !== undefined)
    scenario.github.repo(REPO).files.set(".github/design-docs.yml", own);
  return scenario;
}

/** The summary of the PR's latest check run. */
const summaryOf = (scenario: Awaited<ReturnType<typeof withOwnerConfig>>) =>
  scenario.github.pullRequestState(REPO, PR).checkRuns.at(-1)?.output.summary;

test("the owner's `.github` config judges a repo without a file of its own", async () => {
  const scenario = await withOwnerConfig();
  scenario.github.setPullRequest(REPO, PR, {
    files: { "rfcs/a.md": DOC, "docs/design/b.md": DOC },
  });
  await scenario.deliver(scenario.event("opened"));
  expect(summaryOf(scenario)).toContain("rfcs/a.md");
  expect(summaryOf(scenario)).not.toContain("docs/design/b.md");
});

test("a repo with a file of its own and no `_extends` is judged by it alone; the owner's file, read beside it, is dropped", async () => {
  const scenario = await withOwnerConfig("comment: on-failure");
  scenario.github.setPullRequest(REPO, PR, {
    files: { "rfcs/a.md": DOC, "docs/design/b.md": DOC },
  });
  await scenario.deliver(scenario.event("opened"));
  expect(summaryOf(scenario)).toContain("docs/design/b.md");
  expect(summaryOf(scenario)).not.toContain("rfcs/a.md");
});

test("a repo whose file extends the owner's reads the owner's file once, the read made beside its own", async () => {
  const scenario = await withOwnerConfig("_extends: .github");
  scenario.github.setPullRequest(REPO, PR, { files: { "rfcs/a.md": DOC } });
  await scenario.deliver(scenario.event("opened"));
  const configReads = scenario.calls.filter(
    (call) => call.method === "getConfigFile",
  );
  expect(configReads.map((call) => call.args[1]).sort()).toEqual([
    ".github",
    "Hello-World",
  ]);
  expect(summaryOf(scenario)).toContain("rfcs/a.md");
});
