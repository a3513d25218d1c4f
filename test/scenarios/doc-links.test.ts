import { readFileSync } from "node:fs";
import { afterEach, expect, test } from "@jest/globals";
import { gitHubError } from "../helpers/client-calls.js";
import { fixture } from "../helpers/engine.js";
import { MAX_LINKED_READS } from "../../src/handlers/read-linked-docs.js";
import { startInMemory } from "../helpers/in-memory-scenario.js";
import { PR, REPO, startScenario, type Scenario } from "../helpers/scenario.js";

// A doc on a PR that links to other docs by relative path: each target is read at the PR's
// head, and what is wrong with the links is in the checklist and the check run.

const FILLED = fixture("docs/filled-design-doc.md");

/** The filled doc at `status`, with header `fields` (`Requires: a.md`) under its Owner. */
const doc = (status: string, ...fields: string[]): string =>
  FILLED.replace("**Status:** In Review", `**Status:** ${status}`).replace(
    /^(\*\*Owner:\*\*.*)$/mu,
    [`$1`, ...fields.map((field) => `**${field.replace(": ", ":** ")}`)].join(
      "\n",
    ),
  );

let scenario: Scenario | undefined;
afterEach(async () => {
  await scenario?.stop();
  scenario = undefined;
});

/** The block of the comment about one doc: from its heading to the next doc's. */
function blockOf(body: string, path: string): string[] {
  const lines = body.split("\n");
  const start = lines.findIndex((line) => line.endsWith(` ${path}`));
  const end = lines.findIndex(
    (line, index) => index > start && line.startsWith("#### "),
  );
  return lines.slice(start, end < 0 ? undefined : end);
}

test("the checklist shows each link's finding, targets read at the PR's head", async () => {
  scenario = await startScenario();
  scenario.github.setPullRequest(REPO, PR, {
    base: {
      "docs/design/quotas.md": doc("In Review"),
      "docs/design/auth.md": doc("Approved"),
    },
    files: {
      "docs/design/exports.md": doc(
        "Approved",
        "Requires: [Quotas](quotas.md), ./auth.md, missing.md, /notes/plan.md",
        "Related: Token buckets",
      ),
      "docs/design/old.md": doc("Obsolete", "Superseded by: v2.md"),
      "docs/design/new.md": doc("WIP", "Supersedes: old.md"),
      // Not a design doc, and only on the PR's branch.
      "notes/plan.md": doc("WIP"),
    },
  });
  await scenario.deliver(scenario.event("opened"));
  const state = scenario.github.pullRequestState(REPO, PR);
  const body = state.comments[0]?.body ?? "";
  expect(blockOf(body, "docs/design/exports.md").slice(-5)).toEqual([
    "- [ ] Approved, but it requires docs/design/quotas.md, which is still In Review _(warning)_",
    '- [x] Requires "./auth.md"',
    '- [ ] Requires "missing.md" names no doc: there is no file docs/design/missing.md at the PR\'s head _(warning)_',
    "- [ ] Approved, but it requires notes/plan.md, which is still WIP _(warning)_",
    "",
  ]);
  expect(blockOf(body, "docs/design/old.md").at(-1)).toBe(
    '- [ ] Obsolete, but its successor "v2.md" does not exist: there is no file docs/design/v2.md at the PR\'s head _(warning)_',
  );
  // A PR doc is read from the PR itself, not again.
  expect(blockOf(body, "docs/design/new.md").slice(-2)).toEqual([
    '- [x] Supersedes "old.md"',
    "",
  ]);
  // A title is left to the index: on a PR it is not checked.
  expect(body).not.toContain("Token buckets");
  expect(state.checkRuns.at(-1)).toMatchObject({
    conclusion: "neutral",
    output: {
      annotations: expect.arrayContaining([
        {
          path: "docs/design/exports.md",
          start_line: 1,
          end_line: 1,
          annotation_level: "warning",
          title: 'Requires "quotas.md"',
          message:
            "Approved, but it requires docs/design/quotas.md, which is still In Review",
        },
      ]),
    },
  });
  // Each file linked to that is not a doc of the PR read once, at the head.
  const reads = scenario.github.requests.filter(
    (request) =>
      request.path.startsWith(`/repos/${REPO}/contents/`) &&
      !request.path.endsWith("/design-docs.yml"),
  );
  expect(
    reads
      .map((request) => [request.path.split("/contents/")[1], request.status])
      .sort(),
  ).toEqual([
    ["docs/design/auth.md", 200],
    ["docs/design/missing.md", 404],
    ["docs/design/quotas.md", 200],
    ["docs/design/v2.md", 404],
    ["notes/plan.md", 200],
  ]);
});

test("a linked file that cannot be read is a line saying so, and the run goes on", async () => {
  const memory = await startInMemory();
  memory.github.setPullRequest(REPO, PR, {
    base: { "docs/design/auth.md": doc("Approved") },
    files: { "docs/design/a.md": doc("Approved", "Requires: auth.md") },
  });
  memory.failNext(
    "getFile",
    gitHubError(502, "GET", `/repos/${REPO}/contents/docs/design/auth.md`),
  );
  await memory.deliver(memory.event("opened"));
  const body = memory.github.pullRequestState(REPO, PR).comments[0]?.body;
  expect(body).toContain(
    `- [ ] Requires "auth.md" could not be checked: docs/design/auth.md could not be read at the PR's head: GitHub answered 502 to \\\`GET /repos/${REPO}/contents/docs/design/auth.md\\\` _(warning)_`,
  );
});

test("a linked file too large, or not text, is not read into the checklist", async () => {
  const memory = await startInMemory();
  memory.github
    .repo(REPO)
    .files.set(".github/design-docs.yml", "maxFileSize: 20000\n");
  memory.github.setPullRequest(REPO, PR, {
    base: {
      "docs/design/big.md": `# Big\n\n${"word ".repeat(5000)}\n`,
      "docs/design/bin.md": Buffer.from([0xff, 0xfe, 0x00]),
    },
    files: { "docs/design/a.md": doc("WIP", "Related: big.md, bin.md") },
  });
  await memory.deliver(memory.event("opened"));
  const body = memory.github.pullRequestState(REPO, PR).comments[0]?.body;
  expect(body).toContain(
    '- [ ] Related "big.md" could not be checked: docs/design/big.md: The file is 25008 bytes, over the 20000-byte limit',
  );
  expect(body).toContain(
    '- [ ] Related "bin.md" could not be checked: docs/design/bin.md is not UTF-8 text _(warning)_',
  );
});

test("a PR whose docs link to nothing makes no read for links", async () => {
  const memory = await startInMemory();
  memory.github.setPullRequest(REPO, PR, {
    files: { "docs/design/a.md": doc("WIP", "Related: Token buckets") },
  });
  await memory.deliver(memory.event("opened"));
  expect(memory.calls.map((call) => call.method)).not.toContain("getFile");
  expect(
    memory.github.pullRequestState(REPO, PR).comments[0]?.body,
  ).not.toContain("Related");
});

test(`at most ${MAX_LINKED_READS} linked files are read; the rest say so`, async () => {
  const memory = await startInMemory();
  const targets = Array.from(
    { length: MAX_LINKED_READS + 1 },
    (_, index) => `d${String(index).padStart(2, "0")}.md`,
  );
  memory.github.setPullRequest(REPO, PR, {
    files: {
      "docs/design/a.md": doc(
        "WIP",
        `Related: ${targets.join(", ")}, ../../../x.md`,
      ),
    },
  });
  await memory.deliver(memory.event("opened"));
  const reads = memory.calls.filter((call) => call.method === "getFile");
  expect(reads).toHaveLength(MAX_LINKED_READS);
  const body = memory.github.pullRequestState(REPO, PR).comments[0]?.body;
  expect(body).toContain(
    `- [ ] Related "d${MAX_LINKED_READS}.md" could not be checked: the PR's docs link to more than ${MAX_LINKED_READS} other files, and docs/design/d${MAX_LINKED_READS}.md is past them _(warning)_`,
  );
  const readme = readFileSync(
    new URL("../../README.md", import.meta.url),
    "utf8",
  );
  expect(readme.replace(/\s+/gu, " ")).toContain(
    `at most ${MAX_LINKED_READS} other files are read per run`,
  );
  // A path out of the repository is said without a read.
  expect(body).toContain(
    '- [ ] Related "../../../x.md" names no doc: the path leads out of the repository _(warning)_',
  );
});
