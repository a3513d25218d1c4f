import { afterEach, expect, test } from "@jest/globals";
import { pushEvent } from "../helpers/app.js";
import { fixture } from "../helpers/engine.js";
import { REPO, startScenario, type Scenario } from "../helpers/scenario.js";

// A push to a default branch that changes the rules re-checks the open PRs they apply to,
// writing only what changed; any other push costs nothing.

const DOC = fixture("docs/filled-design-doc.md");
const WITHOUT_MIGRATION = DOC.replace(
  /## Migration Plan\n[\s\S]*?(?=\n## )/u,
  "",
);
const CONFIG = ".github/design-docs.yml";

let scenario: Scenario;
afterEach(async () => {
  await scenario.stop();
});

/** Three open PRs, checked under the repo's current rules: a doc failing, one passing, none. */
async function threePullRequests(): Promise<void> {
  scenario.github.setPullRequest(REPO, 2, {
    files: { "docs/design/a.md": WITHOUT_MIGRATION },
  });
  scenario.github.setPullRequest(REPO, 3, {
    files: { "docs/design/b.md": DOC },
  });
  scenario.github.setPullRequest(REPO, 4, { files: { "src/app.ts": "x\n" } });
  for (const number of [2, 3, 4])
    await scenario.deliver(scenario.event("opened", undefined, number));
}

const pushLines = () =>
  scenario.logs.filter((line) =>
    String(line.msg).includes("the push changed the rules:"),
  );

test("a push that changes neither the config nor Markdown costs no API call", async () => {
  scenario = await startScenario();
  await threePullRequests();
  const mark = scenario.mark();
  await scenario.deliver(pushEvent(["src/app.ts", "package.json"]));
  expect(scenario.github.requests.slice(mark)).toEqual([]);
});

test("a push to another branch costs no API call, whatever it changes", async () => {
  scenario = await startScenario();
  const mark = scenario.mark();
  await scenario.deliver(
    pushEvent([CONFIG], (payload) => {
      payload.ref = "refs/heads/feature";
    }),
  );
  expect(scenario.github.requests.slice(mark)).toEqual([]);
});

test("a push changing the config: each open PR is re-checked once, and only the one whose verdict changed is written; a redelivery writes nothing", async () => {
  scenario = await startScenario();
  await threePullRequests();
  expect(
    scenario.github.pullRequestState(REPO, 2).checkRuns.at(-1),
  ).toMatchObject({ conclusion: "failure" });
  scenario.github
    .repo(REPO)
    .files.set(CONFIG, "optionalSections: [Migration Plan]\n");
  const before = [3, 4].map((number) =>
    structuredClone(scenario.github.pullRequestState(REPO, number)),
  );
  const mark = scenario.mark();
  const push = pushEvent([CONFIG]);
  await scenario.deliver(push);
  expect(
    scenario.github.pullRequestState(REPO, 2).checkRuns.at(-1),
  ).toMatchObject({ conclusion: "success" });
  // The others show exactly what they showed, and #2 got its check run and comment only.
  expect(
    [3, 4].map((number) => scenario.github.pullRequestState(REPO, number)),
  ).toEqual(before);
  expect(scenario.writesSince(mark)).toHaveLength(2);
  // The new config was read once for all three (the repo's file, the org's).
  expect(
    scenario.github.requests
      .slice(mark)
      .filter((request) =>
        request.path.endsWith("/contents/.github/design-docs.yml"),
      ),
  ).toHaveLength(2);
  // Each PR's files were read once.
  const fileReads = scenario.github.requests
    .slice(mark)
    .filter((request) => request.path.endsWith("/files"))
    .map((request) => request.path);
  expect(fileReads.sort()).toEqual([
    `/repos/${REPO}/pulls/2/files`,
    `/repos/${REPO}/pulls/3/files`,
    `/repos/${REPO}/pulls/4/files`,
  ]);
  expect(pushLines()).toEqual([
    expect.objectContaining({
      level: 30,
      deliveryId: push.id,
      prs: [`${REPO}#2`, `${REPO}#3`, `${REPO}#4`],
      writes: 2,
      msg: `${REPO}: the push changed the rules: 3 open PR(s) re-checked, 2 write(s)`,
    }),
  ]);

  const again = scenario.mark();
  await scenario.deliver(push);
  expect(scenario.writesSince(again)).toEqual([]);
});

test("a push changing a template the config names re-checks; one changing other Markdown reads the config and re-checks nothing", async () => {
  scenario = await startScenario();
  scenario.github
    .repo(REPO)
    .files.set(CONFIG, "templates: [docs/rfc-template.md]\n");
  scenario.github.repo(REPO).files.set("docs/rfc-template.md", DOC);
  scenario.github.setPullRequest(REPO, 2, {
    files: { "docs/design/a.md": DOC },
  });
  await scenario.deliver(scenario.event("opened"));
  const mark = scenario.mark();
  await scenario.deliver(pushEvent(["README.md"]));
  expect(
    scenario.github.requests
      .slice(mark)
      .filter((request) => !request.path.includes("/contents/"))
      .map((request) => request.path),
  ).toEqual([]);
  await scenario.deliver(pushEvent(["docs/rfc-template.md"]));
  expect(pushLines()).toEqual([
    expect.objectContaining({
      msg: `${REPO}: the push changed the rules: 1 open PR(s) re-checked, 0 write(s)`,
    }),
  ]);
});

test("MAX_RECHECK_PRS: past it, the rest wait for their next event, and a warning says so", async () => {
  scenario = await startScenario({ maxRecheckPrs: 2 });
  await threePullRequests();
  await scenario.deliver(pushEvent([CONFIG]));
  expect(scenario.logs).toContainEqual(
    expect.objectContaining({
      level: 40,
      msg: `${REPO}: the push changed the rules of more than MAX_RECHECK_PRS (2) open PRs; the rest are checked on their next event`,
    }),
  );
  expect(pushLines()).toEqual([
    expect.objectContaining({ prs: [`${REPO}#2`, `${REPO}#3`] }),
  ]);
});

test("the organisation's .github config: the open PRs of the repos that extend it are re-checked, not those with a file of their own", async () => {
  scenario = await startScenario();
  const own = "Codertocat/own-rules";
  const extending = "Codertocat/extends-org";
  scenario.github.repo(own).files.set(CONFIG, "comment: on-failure\n");
  scenario.github.repo(extending).files.set(CONFIG, "_extends: .github\n");
  scenario.github.repo("Codertocat/archived").archived = true;
  for (const repo of [REPO, own, extending, "Codertocat/archived"])
    scenario.github.setPullRequest(repo, 7, {
      files: { "docs/design/a.md": DOC },
    });
  scenario.github
    .repo("Codertocat/.github")
    .files.set(CONFIG, "optionalSections: [Migration Plan]\n");
  await scenario.deliver(
    pushEvent([CONFIG], (payload) => {
      payload.repository = {
        ...payload.repository,
        name: ".github",
        full_name: "Codertocat/.github",
      };
    }),
  );
  expect(pushLines().map((line) => (line.prs as string[]).sort())).toEqual([
    [`${REPO}#7`, `${extending}#7`],
  ]);
});

test("a force-push to the default branch (which lists no commits of what it undid) re-checks: the rules may have changed", async () => {
  scenario = await startScenario();
  await threePullRequests();
  await scenario.deliver(
    pushEvent([], (payload) => {
      payload.forced = true;
      payload.commits = [];
      payload.head_commit = null;
    }),
  );
  expect(pushLines()).toEqual([
    expect.objectContaining({ prs: [`${REPO}#2`, `${REPO}#3`, `${REPO}#4`] }),
  ]);
});

test("MAX_RECHECK_PRS=0: a push that changes the rules re-checks no PR, and reads none", async () => {
  scenario = await startScenario({ maxRecheckPrs: 0 });
  await threePullRequests();
  const mark = scenario.mark();
  await scenario.deliver(pushEvent([CONFIG]));
  expect(
    scenario.github.requests
      .slice(mark)
      .filter((request) => !request.path.includes("/access_tokens")),
  ).toEqual([]);
});
