import { expect, test } from "@jest/globals";
import { openStatusLabelPr } from "../../helpers/status-label-pr.js";

test("a status label a person removes comes back, and the comment says how to change status", async () => {
  const pr = await openStatusLabelPr();
  await pr.scenario.deliver(pr.scenario.event("opened"));
  await pr.scenario.unlabel("In Review");
  expect(pr.state().labels).toEqual(["In Review"]);
  expect(pr.comment().split("\n")[3]).toBe(
    "@&#8203;Codertocat removed the **In Review** label. The status label follows the Status written in the docs: to change it, edit the Status line of the doc, or add another status label.",
  );
});
