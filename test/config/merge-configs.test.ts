import { expect, test } from "@jest/globals";
import { mergeConfigs } from "../../src/config/merge-configs.js";

test("a later file's list replaces the earlier one; mappings merge key by key", () => {
  const org = {
    paths: ["docs/design/**/*.md"],
    optionalSections: ["Migration Plan"],
    statuses: { WIP: null, Approved: { setBy: ["@acme/architects"] } },
  };
  const repo = {
    _extends: ".github",
    paths: ["rfcs/*.md"],
    statuses: { Approved: { requireApprovals: 2 }, Obsolete: null },
  };
  expect(mergeConfigs([org, repo])).toEqual({
    paths: ["rfcs/*.md"],
    optionalSections: ["Migration Plan"],
    statuses: {
      WIP: null,
      Approved: { setBy: ["@acme/architects"], requireApprovals: 2 },
      Obsolete: null,
    },
  });
});

test("a statuses list replaces the organisation's statuses, it is not appended to them", () => {
  expect(
    mergeConfigs([
      { statuses: ["WIP", "In Review", "Approved", "Obsolete"] },
      { statuses: ["Draft", "Accepted", "Rejected"] },
    ]),
  ).toEqual({ statuses: ["Draft", "Accepted", "Rejected"] });
});

test("keys naming Object.prototype's members are dropped at every depth, and nothing is polluted", () => {
  const hostile = JSON.parse(
    '{"__proto__": {"polluted": 1}, "constructor": 2, "statuses": {"__proto__": {"polluted": 3}, "WIP": null}}',
  ) as unknown;
  const merged = mergeConfigs([hostile]) as Record<string, unknown>;
  expect(Object.keys(merged)).toEqual(["statuses"]);
  expect(Object.keys(merged.statuses as object)).toEqual(["WIP"]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

test("no files: nothing; a file that is not a mapping is passed on for parseConfig to report", () => {
  expect(mergeConfigs([])).toBeUndefined();
  expect(mergeConfigs([{ paths: "a" }, ["b"]])).toEqual(["b"]);
});
