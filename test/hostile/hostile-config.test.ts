import { afterAll, afterEach, beforeEach, expect, test } from "@jest/globals";
import { createWorkerPool } from "../../src/workers/worker-pool.js";
import nock from "nock";
import { createTestProbot, pullRequestEvent } from "../helpers/app.js";
import {
  REPO,
  capture,
  changedFile,
  contentsReply,
  mockGitHub,
  mockReads,
} from "../helpers/nock-github.js";
import { fixture } from "../helpers/engine.js";
import { GENERATED_HOSTILE_DOCS, hostileFile } from "../helpers/hostile.js";

/** A short budget, so that the pathological template overruns it quickly. */
const short = createWorkerPool({ timeBudgetMs: 2000, workers: 1 });
afterAll(() => short.close());

beforeEach(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
});

/** The checklist comment a PR gets when the repo's config is this file. */
async function commentFor(configFile: string): Promise<string> {
  const probot = await createTestProbot();
  const comments: { body: string }[] = [];
  const scope = mockReads(mockGitHub(), {
    config: hostileFile(configFile).toString("utf8"),
    files: [changedFile("docs/design/a.md", "a1")],
    blobs: { a1: fixture("docs/filled-design-doc.md") },
  })
    .post(`${REPO}/issues/2/comments`, capture(comments))
    .reply(201, {})
    .post(`${REPO}/check-runs`)
    .reply(201, { id: 1 });
  await probot.receive(pullRequestEvent("opened"));
  expect(scope.pendingMocks()).toEqual([]);
  expect(Object.keys(Object.prototype)).toEqual([]);
  return (comments[0]?.body ?? "").split("\n").slice(1).join("\n");
}

const INVALID =
  "No design doc was checked and no label was changed. Fix this key on the default branch (or in the organisation's `.github` repository it extends):";

test.each([
  {
    name: "config-alias-bomb.yml",
    error:
      "- [ ] `(file)`: not valid YAML: Excessive alias count indicates a resource exhaustion attack",
  },
  {
    name: "config-list-root.yml",
    error: "- [ ] `(root)`: the file must be a mapping of keys to values",
  },
  {
    name: "config-scalar-root.yml",
    error: "- [ ] `(file)`: the file must be a mapping of keys to values",
  },
])("$name is reported as an invalid config", async ({ name, error }) => {
  expect((await commentFor(name)).split("\n")).toEqual([
    "### ❌ Design docs: `.github/design-docs.yml` is invalid",
    "",
    INVALID,
    "",
    error,
  ]);
});

test("config-merge-key.yml: a `<<` merge key is an unknown key, not a way in", async () => {
  const comment = await commentFor("config-merge-key.yml");
  expect(comment).toContain(
    "- [ ] `<<`: unknown key; known keys are paths, templates",
  );
  expect(comment).toContain("- [ ] `defaults`: unknown key;");
});

test("config-proto.yml: `__proto__` keys are dropped, the rest is read, and nothing is polluted", async () => {
  const comment = await commentFor("config-proto.yml");
  expect(comment).toContain(
    '- [ ] Status "In Review" is not one of WIP, Approved \\(line 4\\)',
  );
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

test("a repo template that takes micromark past the budget is a config error, parsed off the event loop", async () => {
  const probot = await createTestProbot({ workers: short });
  const comments: { body: string }[] = [];
  const scope = mockReads(mockGitHub(), {
    config: "templates: docs/template.md\n",
    files: [changedFile("docs/design/a.md", "a1")],
    blobs: { a1: fixture("docs/filled-design-doc.md") },
  })
    .get(`${REPO}/contents/docs%2Ftemplate.md`)
    .reply(
      200,
      contentsReply(GENERATED_HOSTILE_DOCS["nested-brackets.md"](), "t1"),
    )
    .post(`${REPO}/issues/2/comments`, capture(comments))
    .reply(201, {})
    .post(`${REPO}/check-runs`)
    .reply(201, { id: 1 });
  // The event loop keeps turning while the template is parsed.
  let ticks = 0;
  const ticker = setInterval(() => (ticks += 1), 10);
  try {
    await probot.receive(pullRequestEvent("opened"));
  } finally {
    clearInterval(ticker);
  }
  expect(scope.pendingMocks()).toEqual([]);
  expect(ticks).toBeGreaterThan(50);
  expect(comments[0]?.body.split("\n").slice(1)).toEqual([
    "### ❌ Design docs: `.github/design-docs.yml` is invalid",
    "",
    INVALID,
    "",
    '- [ ] `templates`: "docs/template.md" is too complex to check in 2 s \\(PARSE\\_TIME\\_BUDGET\\_MS on the bot\'s server\\); split or simplify it',
  ]);
});
