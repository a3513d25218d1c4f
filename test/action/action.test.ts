import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, jest, test } from "@jest/globals";
import { FakeGitHub } from "../fake-github/fake-github.js";
import { runStep, type StepRun } from "../helpers/action-step.js";
import { pullRequestEvent, reviewEvent } from "../helpers/app.js";
import { fixture } from "../helpers/engine.js";

// The Action as a workflow runs it: the committed bundle as a child process, with the
// environment a runner gives, against a stateful fake GitHub on loopback that answers as
// it would for the workflow's token (the GitHub Actions app, its bot github-actions[bot]).

// Each step waits out GitHub's spacing of writes (one a second, comments three apart).
jest.setTimeout(60_000);

const REPO = "Codertocat/Hello-World";
const PR = 2;
const DOC = "docs/design/audit-export.md";
const FILLED = fixture("docs/filled-design-doc.md");
const MISSING = fixture("docs/section-missing/not-ok.md");
const BOT = "github-actions[bot]";

let github: FakeGitHub;
let apiUrl: string;
beforeEach(async () => {
  github = new FakeGitHub({ appId: 15368, appSlug: "github-actions" });
  apiUrl = await github.start();
});
afterEach(() => github.stop());

/** A real `pull_request` payload for PR 2 as the fake holds it. */
function event(
  action: string,
  change: (payload: Record<string, unknown>) => void = () => undefined,
) {
  return pullRequestEvent(action, (payload) => {
    payload.pull_request.head.sha = github.headOf(REPO, PR);
    change(payload as unknown as Record<string, unknown>);
  }).payload as unknown as Record<string, unknown>;
}

const step = (
  payload: unknown,
  options: Partial<Parameters<typeof runStep>[0]> = {},
): Promise<StepRun> =>
  runStep({ apiUrl, eventName: "pull_request", payload, ...options });

const state = () => github.pullRequestState(REPO, PR);
/** What the step asked GitHub to change: every request but reads and the identity query. */
const writes = (from = 0) =>
  github.requests
    .slice(from)
    .filter(
      (request) => request.method !== "GET" && request.path !== "/api/graphql",
    )
    .map((request) => `${request.method} ${request.path}`);

test("a complete doc: one checklist comment by github-actions[bot], its status label, the summary and outputs; exit 0", async () => {
  github.setPullRequest(REPO, PR, { files: { [DOC]: FILLED } });
  const run = await step(event("opened"));
  expect(run.code).toBe(0);
  const { comments, labels, checkRuns } = state();
  expect(comments).toHaveLength(1);
  expect(comments[0]?.user.login).toBe(BOT);
  const body = comments[0]?.body ?? "";
  expect(body.split("\n").slice(0, 4)).toEqual([
    "<!-- design-docs-bot: checklist -->",
    "### ✅ Design docs: 1 design doc checked: every requirement met",
    "",
    "Status label: **In Review**.",
  ]);
  expect(labels).toEqual(["In Review"]);
  // The job is the check: no check run unless asked for.
  expect(checkRuns).toEqual([]);
  expect(run.summary).toContain(
    "### ✅ Design docs: 1 design doc checked: every requirement met",
  );
  // No config of its own: the org's, if any, may be out of the workflow token's reach.
  expect(run.summary).toContain(
    "> This repository has no .github/design-docs.yml, and Codertocat/.github's .github/design-docs.yml, if there is one, is out of this token's reach",
  );
  expect(run.summary).toContain("#### ✅ docs/design/audit-export.md");
  expect(
    run.commands.filter((line) => /^::(error|warning)/u.test(line)),
  ).toEqual([]);
  expect(run.outputs).toMatchObject({
    outcome: "success",
    status: "In Review",
    docs: "1",
  });
  const report = JSON.parse(readFileSync(run.outputs.report ?? "", "utf8")) as {
    summary: unknown;
    reports: { path: string; outcome: string }[];
  };
  expect(
    report.reports.map(({ path, outcome }) => ({ path, outcome })),
  ).toEqual([{ path: DOC, outcome: "success" }]);
});

test("an incomplete doc: an annotation per finding on its line, exit 1; with fail-on: never, exit 0", async () => {
  github.setPullRequest(REPO, PR, { files: { [DOC]: MISSING } });
  const run = await step(event("opened"));
  expect(run.code).toBe(1);
  const errors = run.commands.filter((line) => line.startsWith("::error "));
  expect(errors.length).toBeGreaterThan(0);
  expect(errors[0]).toBe(
    '::error title=Section "Alternatives",file=docs/design/audit-export.md,line=1,endLine=1::Section "Alternatives" is missing; expected a heading "Alternatives" under "Design"',
  );
  expect(run.outputs.outcome).toBe("failure");
  expect(state().comments[0]?.body).toContain("### ❌ Design docs");
  expect(run.summary).toContain(
    "### ❌ Design docs: 1 of 1 design doc fails the template (1 requirement unmet)",
  );

  const lenient = await step(event("opened"), {
    inputs: { "fail-on": "never" },
  });
  expect(lenient.code).toBe(0);
  expect(lenient.outputs.outcome).toBe("failure");
});

test("a re-run of the same event writes nothing, and says the same", async () => {
  github.setPullRequest(REPO, PR, { files: { [DOC]: FILLED } });
  const payload = event("opened");
  const first = await step(payload);
  const mark = github.requests.length;
  const again = await step(payload);
  expect(writes(mark)).toEqual([]);
  expect(again.code).toBe(0);
  expect(again.summary).toBe(first.summary);
  expect(state().comments).toHaveLength(1);
});

test("a status label set by a writer: the Status is committed, and the same run finishes the job on the new head, its check run included", async () => {
  const inReview = FILLED;
  github.setPullRequest(REPO, PR, {
    base: { [DOC]: inReview },
    files: { [DOC]: `${inReview}More.\n` },
    labels: ["In Review"],
  });
  await step(event("opened"));
  github.setPermission(REPO, "Codertocat", "write");
  github.addLabel(REPO, PR, "Approved", "Codertocat");
  const mark = github.requests.length;
  const run = await step(
    event("labeled", (payload) => {
      payload.label = { name: "Approved" };
      payload.sender = { login: "Codertocat", type: "User" };
    }),
    { inputs: { "check-run": "true" } },
  );
  expect(run.code).toBe(0);
  expect(github.headText(REPO, PR, DOC)).toContain("**Status:** Approved");
  // The commit starts no workflow run: this run's check run is on the new head.
  expect(state().checkRuns).toEqual([
    expect.objectContaining({
      head_sha: github.headOf(REPO, PR),
      conclusion: "success",
    }),
  ]);
  const commits = github
    .commitsOf(REPO, PR)
    .filter((commit) => commit.author.login === BOT);
  expect(commits.map((commit) => commit.message.split("\n")[0])).toEqual([
    "docs(design): set status of docs/design/audit-export.md to Approved",
  ]);
  expect(state().labels).toEqual(["Approved"]);
  expect(state().comments[0]?.body.split("\n")[3]).toBe(
    "Status label: **Approved**.",
  );
  expect(run.outputs.status).toBe("Approved");
  // One commit, then the comment edited: nothing written twice.
  expect(writes(mark).filter((write) => write.startsWith("PUT"))).toHaveLength(
    1,
  );
});

test("a fork's PR on pull_request: nothing written, the summary and annotations say it all and why, exit per fail-on", async () => {
  github.setPullRequest(REPO, PR, { files: { [DOC]: MISSING }, fork: true });
  const run = await step(
    event("opened", (payload) => {
      const pr = payload.pull_request as {
        head: { repo: { full_name: string } };
      };
      pr.head.repo.full_name = "mallory/Hello-World";
    }),
  );
  expect(writes()).toEqual([]);
  expect(run.code).toBe(1);
  expect(run.summary).toContain("This pull request comes from a fork");
  expect(run.summary).toContain("`pull_request_target`");
  expect(run.summary).toContain("#### ❌ docs/design/audit-export.md");
  expect(run.commands).toContain(
    '::error title=Section "Alternatives",file=docs/design/audit-export.md,line=1,endLine=1::Section "Alternatives" is missing; expected a heading "Alternatives" under "Design"',
  );
  expect(run.commands).toContainEqual(
    expect.stringMatching(/^::warning::This pull request comes from a fork/u),
  );
});

test("a fork's PR on pull_request_target: the comment is written from the docs read through the API, and nothing of the PR is checked out or run", async () => {
  github.setPullRequest(REPO, PR, { files: { [DOC]: FILLED }, fork: true });
  // What a checkout of the PR would hold: a different doc, and a config that turns checks off.
  const workspace = mkdtempSync(join(tmpdir(), "design-docs-workspace-"));
  mkdirSync(join(workspace, "docs/design"), { recursive: true });
  writeFileSync(join(workspace, DOC), "# Not what the PR says\n");
  mkdirSync(join(workspace, ".github"));
  writeFileSync(
    join(workspace, ".github/design-docs.yml"),
    "paths: [nowhere/**]\n",
  );
  const run = await step(
    event("opened", (payload) => {
      const pr = payload.pull_request as {
        head: { repo: { full_name: string } };
      };
      pr.head.repo.full_name = "mallory/Hello-World";
    }),
    {
      eventName: "pull_request_target",
      workspace,
      imports: [new URL("../helpers/no-processes.mjs", import.meta.url).href],
    },
  );
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  expect(state().comments[0]?.body).toContain(
    "### ✅ Design docs: 1 design doc checked: every requirement met",
  );
  expect(state().labels).toEqual(["In Review"]);
});

test("a status rule naming a team: the workflow's token cannot check it, so the label is not allowed, and the step says which team", async () => {
  github
    .repo(REPO)
    .files.set(
      ".github/design-docs.yml",
      'statuses:\n  WIP:\n  In Review:\n  Approved: { setBy: ["@acme/architects"] }\n  Obsolete:\n',
    );
  github.setTeam("acme", "architects", ["Codertocat"]);
  github.setPullRequest(REPO, PR, {
    files: { [DOC]: FILLED },
    labels: ["In Review"],
  });
  github.addLabel(REPO, PR, "Approved", "Codertocat");
  const run = await step(
    event("labeled", (payload) => {
      payload.label = { name: "Approved" };
      payload.sender = { login: "Codertocat", type: "User" };
    }),
  );
  expect(github.headText(REPO, PR, DOC)).toContain("**Status:** In Review");
  expect(state().labels).toEqual(["In Review"]);
  expect(
    github.requests.filter((request) => request.path.startsWith("/orgs/")),
  ).toEqual([]);
  expect(run.summary).toContain(
    "@Codertocat could not be checked against @acme/architects",
  );
  expect(run.commands).toContainEqual(
    expect.stringMatching(/^::warning::@Codertocat could not be checked/u),
  );
});

test("a config extending one the workflow's token cannot read: a line in the comment and the summary, and the repo's own settings still used", async () => {
  github
    .repo(REPO)
    .files.set(
      ".github/design-docs.yml",
      "_extends: acme/.github\ncomment: always\n",
    );
  github.setPullRequest(REPO, PR, { files: { [DOC]: FILLED } });
  const run = await step(event("opened"));
  expect(run.code).toBe(0);
  const line =
    ".github/design-docs.yml extends acme/.github, which this workflow's token cannot read";
  expect(state().comments[0]?.body).toContain(line);
  expect(run.summary).toContain(line);
  expect(state().labels).toEqual(["In Review"]);
});

test("check-run: true writes the Design docs check run as the App does, and a re-run finds it its own", async () => {
  github.setPullRequest(REPO, PR, { files: { [DOC]: FILLED } });
  const payload = event("opened");
  await step(payload, { inputs: { "check-run": "true" } });
  expect(state().checkRuns).toEqual([
    expect.objectContaining({
      name: "Design docs",
      conclusion: "success",
      app: expect.objectContaining({ slug: "github-actions" }),
    }),
  ]);
  const mark = github.requests.length;
  await step(payload, { inputs: { "check-run": "true" } });
  expect(writes(mark)).toEqual([]);
});

test("a review is an event it runs on; a push is not: a notice, exit 0, no call to GitHub", async () => {
  github.setPullRequest(REPO, PR, { files: { [DOC]: FILLED } });
  const reviewed = await runStep({
    apiUrl,
    eventName: "pull_request_review",
    payload: reviewEvent("submitted", (payload) => {
      payload.pull_request.head.sha = github.headOf(REPO, PR);
    }).payload,
  });
  expect(reviewed.code).toBe(0);
  expect(state().comments).toHaveLength(1);

  const mark = github.requests.length;
  const pushed = await runStep({
    apiUrl,
    eventName: "push",
    payload: { ref: "refs/heads/main" },
  });
  expect(pushed.code).toBe(0);
  expect(pushed.commands).toEqual([
    "::notice::Design Docs Bot runs on pull_request, pull_request_target, pull_request_review; this is a push event, so there is nothing to check.",
  ]);
  expect(github.requests.length).toBe(mark);
  expect(pushed.outputs.outcome).toBe("skipped");
});

test("a bad input fails the step with a sentence, before any call to GitHub", async () => {
  github.setPullRequest(REPO, PR, { files: { [DOC]: FILLED } });
  const run = await step(event("opened"), { inputs: { "fail-on": "warning" } });
  expect(run.code).toBe(1);
  expect(run.commands).toEqual([
    '::error::Design Docs Bot: the fail-on input must be failure or never, not "warning"',
  ]);
  expect(github.requests).toEqual([]);
});

test("an event a bot sent is not run on, as with the App: a notice, exit 0", async () => {
  github.setPullRequest(REPO, PR, { files: { [DOC]: FILLED } });
  const run = await step(
    event("synchronize", (payload) => {
      payload.sender = { login: "dependabot[bot]", type: "Bot" };
    }),
  );
  expect(run.code).toBe(0);
  expect(run.commands).toEqual([
    "::notice::Sent by a bot (dependabot[bot]): nothing to do.",
  ]);
  expect(github.requests).toEqual([]);
});

test("a run GitHub refuses fails the step with GitHub's answer, whatever fail-on says", async () => {
  github.setPullRequest(REPO, PR, { files: { [DOC]: FILLED } });
  github.inject({ method: "GET", path: /\/pulls\/2\/files$/u, status: 403 });
  const run = await step(event("opened"), { inputs: { "fail-on": "never" } });
  expect(run.code).toBe(1);
  expect(run.commands).toContainEqual(
    expect.stringMatching(
      /^::error::Design Docs Bot could not check this pull request: GitHub answered 403: /u,
    ),
  );
  expect(writes()).toEqual([]);
});

test("a review on a fork's PR: the token is read-only on any event but pull_request_target, so nothing is written and the summary says when the comment catches up", async () => {
  github.setPullRequest(REPO, PR, { files: { [DOC]: FILLED }, fork: true });
  const run = await runStep({
    apiUrl,
    eventName: "pull_request_review",
    payload: reviewEvent("submitted", (payload) => {
      const pr = payload.pull_request as unknown as {
        head: { sha: string; repo: { full_name: string } };
      };
      pr.head.sha = github.headOf(REPO, PR);
      pr.head.repo.full_name = "mallory/Hello-World";
    }).payload,
  });
  expect(run.code).toBe(0);
  expect(writes()).toEqual([]);
  expect(run.summary).toContain(
    "the comment and labels catch up at the PR's next `pull_request_target` event",
  );
});
