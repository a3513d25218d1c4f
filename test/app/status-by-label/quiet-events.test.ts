import { expect, test } from "@jest/globals";
import { REPO, openStatusLabelPr } from "../../helpers/status-label-pr.js";

// Label events that have nothing to write cost little and write nothing.

test("a label that is not a status label costs the config read and nothing more", async () => {
  const pr = await openStatusLabelPr();
  const mark = pr.scenario.mark();
  await pr.scenario.label("bug");
  expect(
    pr.scenario.calls
      .slice(mark)
      .map((call) => [call.method, ...call.args].join(" ")),
  ).toEqual([
    "getConfigFile Codertocat Hello-World .github/design-docs.yml",
    "getConfigFile Codertocat .github .github/design-docs.yml",
  ]);
});

test("the synchronize that follows the bot's own commit is ignored, and run as a person's it finds nothing to change", async () => {
  const pr = await openStatusLabelPr();
  const { scenario } = pr;
  scenario.github.setPermission(REPO, "Codertocat", "write");
  await scenario.label("Approved");
  expect(pr.botCommits()).toHaveLength(1);
  const mark = scenario.mark();
  await scenario.deliver(
    scenario.event("synchronize", (payload) => {
      payload.sender = { login: scenario.github.botLogin, type: "Bot" };
    }),
  );
  expect(scenario.calls.slice(mark)).toEqual([]);
  await scenario.deliver(scenario.event("synchronize"));
  expect(scenario.writesSince(mark)).toEqual([]);
});
