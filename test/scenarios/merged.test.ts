import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { fixture } from "../helpers/engine.js";
import { PR, REPO, startScenario, type Scenario } from "../helpers/scenario.js";

// A merged PR's checklist comment says with which Status each doc went in, and nothing else
// is written; a PR closed unmerged is left alone.

const DOC = fixture("docs/filled-design-doc.md");
const APPROVED = DOC.replace("**Status:** In Review", "**Status:** Approved");

let scenario: Scenario;
beforeEach(async () => {
  scenario = await startScenario();
  scenario.github.setPullRequest(REPO, PR, {
    files: { "docs/design/a.md": DOC, "docs/design/b.md": APPROVED },
  });
  await scenario.deliver(scenario.event("opened"));
});
afterEach(async () => {
  await scenario.stop();
});

/** GitHub closes the PR, merged or not, and sends `closed`. */
function close(
  merged: boolean,
  sender = { login: "Codertocat", type: "User" },
) {
  const pull = scenario.github.repo(REPO).pulls.get(PR);
  if (pull) Object.assign(pull, { state: "closed", merged });
  return scenario.event("closed", (payload) => {
    Object.assign(payload.pull_request as object, { merged, state: "closed" });
    payload.sender = sender;
  });
}

test("merged: the checklist comment gains one line, with each doc's Status, and nothing else is written; a redelivery writes nothing", async () => {
  const before = structuredClone(scenario.github.pullRequestState(REPO, PR));
  const mark = scenario.mark();
  const closed = close(true);
  await scenario.deliver(closed);
  expect(scenario.writesSince(mark)).toEqual([
    {
      method: "PATCH",
      path: `/repos/${REPO}/issues/comments/${before.comments[0]?.id}`,
    },
  ]);
  const state = scenario.github.pullRequestState(REPO, PR);
  expect(state.comments).toHaveLength(1);
  expect(state.comments[0]?.body).toBe(
    `${before.comments[0]?.body}\n\n**Merged** with docs/design/a.md at **In Review**, docs/design/b.md at **Approved**.`,
  );
  expect(state.labels).toEqual(before.labels);
  expect(state.checkRuns).toEqual(before.checkRuns);

  const again = scenario.mark();
  await scenario.deliver(closed);
  expect(scenario.writesSince(again)).toEqual([]);
});

test("merged by a merge queue (a bot): the line is added all the same", async () => {
  await scenario.deliver(
    close(true, { login: "github-merge-queue[bot]", type: "Bot" }),
  );
  expect(
    scenario.github.pullRequestState(REPO, PR).comments[0]?.body,
  ).toContain("**Merged** with docs/design/a.md at **In Review**");
});

test("closed without merging: nothing is read or written", async () => {
  const mark = scenario.mark();
  await scenario.deliver(close(false));
  expect(scenario.github.requests.slice(mark)).toEqual([]);
});
