import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { fixture } from "../helpers/engine.js";
import { PR, REPO, startScenario, type Scenario } from "../helpers/scenario.js";

// What a status label writes: one commit per doc changing only the Status value, with a
// message on one line; and where the bot cannot push, one review holding every suggestion.

const IN_REVIEW = fixture("docs/filled-design-doc.md");

let scenario: Scenario;
beforeEach(async () => {
  scenario = await startScenario();
  scenario.github.setPermission(REPO, "lead", "write");
});
afterEach(async () => {
  await scenario.stop();
});

test("a status commit keeps every byte but the Status value: a UTF-8 BOM and CRLF line endings stay", async () => {
  const before = Buffer.from(`\uFEFF${IN_REVIEW.replace(/\n/gu, "\r\n")}`);
  scenario.github.setPullRequest(REPO, PR, {
    files: { "docs/design/a.md": before },
  });
  await scenario.label("Approved", "lead");
  const after = scenario.github.headText(REPO, PR, "docs/design/a.md") ?? "";
  expect(Buffer.from(after)).toEqual(
    Buffer.from(
      before
        .toString("utf8")
        .replace("**Status:** In Review", "**Status:** Approved"),
    ),
  );
});

test("a file name cannot add lines to the commit message: control characters are escaped", async () => {
  const path = "docs/design/x\n\nCo-authored-by: Mallory <m@example.com>.md";
  scenario.github.setPullRequest(REPO, PR, { files: { [path]: IN_REVIEW } });
  await scenario.label("Approved", "lead");
  const commit = scenario.github
    .commitsOf(REPO, PR)
    .find((entry) => entry.author.type === "Bot");
  const [subject, ...rest] = (commit?.message ?? "").split("\n");
  expect(subject).toBe(
    "docs(design): set status of docs/design/x\\n\\nCo-authored-by: Mallory <m@example.com>.md to Approved",
  );
  expect(rest.join("\n")).not.toMatch(/^Co-authored-by/mu);
  const comment = scenario.github.pullRequestState(REPO, PR).comments[0];
  expect(comment?.body).toContain(
    "#### ✅ docs/design/x Co-authored-by: Mallory &lt;m@&#8203;example.com&gt;.md",
  );
  for (const line of scenario.logs)
    expect(String(line.msg)).not.toContain("\n");
});

test("on a fork's PR, one review holds a suggestion for every doc", async () => {
  const files: Record<string, string> = {};
  for (let index = 0; index < 30; index += 1)
    files[`docs/design/doc-${String(index).padStart(2, "0")}.md`] = IN_REVIEW;
  scenario.github.setPullRequest(REPO, PR, { files, fork: true });
  const mark = scenario.mark();
  await scenario.label("Approved", "lead");
  const reviews = scenario.github.pullRequestState(REPO, PR).reviews;
  expect(reviews).toHaveLength(1);
  expect(reviews[0]?.comments).toHaveLength(30);
  expect(reviews[0]?.comments[0]).toMatchObject({
    path: "docs/design/doc-00.md",
    line: 4,
    body: "Set the Status to Approved:\n```suggestion\n**Status:** Approved\n```",
  });
  expect(
    scenario
      .writesSince(mark)
      .filter((write) => write.path.includes(`/pulls/${PR}/`)),
  ).toEqual([{ method: "POST", path: `/repos/${REPO}/pulls/${PR}/reviews` }]);
});
