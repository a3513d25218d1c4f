import { expect, test } from "@jest/globals";
import { planStatusLabels } from "../../src/report/plan-labels.js";

const STATUS_LABELS = ["WIP", "In Review", "Approved", "Obsolete"];

test.each([
  { current: [], wanted: "WIP", add: ["WIP"], remove: [] },
  { current: ["WIP"], wanted: "WIP", add: [], remove: [] },
  { current: ["wip"], wanted: "WIP", add: [], remove: [] },
  {
    current: ["bug", "WIP"],
    wanted: "Approved",
    add: ["Approved"],
    remove: ["WIP"],
  },
  {
    current: ["In Review", "Approved"],
    wanted: "Approved",
    add: [],
    remove: ["In Review"],
  },
  {
    current: ["bug", "Approved"],
    wanted: undefined,
    add: [],
    remove: ["Approved"],
  },
  { current: ["bug", "needs review"], wanted: undefined, add: [], remove: [] },
])(
  "labels $current, wanted $wanted: add $add, remove $remove",
  ({ current, wanted, add, remove }) => {
    expect(planStatusLabels(current, wanted, STATUS_LABELS)).toEqual({
      add,
      remove,
    });
  },
);
