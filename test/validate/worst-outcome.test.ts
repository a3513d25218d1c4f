import { expect, test } from "@jest/globals";
import type { Outcome } from "../../src/validate/check-design-doc.js";
import { worstOutcome } from "../../src/validate/worst-outcome.js";

test.each<[Outcome[], Outcome]>([
  [[], "success"],
  [["success", "success"], "success"],
  [["success", "warning"], "warning"],
  [["warning", "success", "warning"], "warning"],
  [["success", "failure", "warning"], "failure"],
  [["failure", "failure"], "failure"],
])("the worst of %j is %s", (outcomes, worst) => {
  expect(worstOutcome(outcomes.map((outcome) => ({ outcome })))).toBe(worst);
});
