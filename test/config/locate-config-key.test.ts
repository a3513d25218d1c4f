import { expect, test } from "@jest/globals";
import { locateConfigKey } from "../../src/config/locate-config-key.js";

const TEXT = [
  "paths: docs/**",
  "statuses:",
  "  WIP:",
  "    colour: red",
  "  In Review: { color: nope }",
  "merge:",
  "  statuses: [Merged]",
].join("\n");

test.each([
  { key: "paths", line: 1 },
  { key: "statuses.WIP.colour", line: 4 },
  { key: "statuses.In Review.color", line: 5 },
  { key: "merge.statuses", line: 7 },
  // A key the file lacks below what it has: the deepest it has.
  { key: "statuses.Approved", line: 2 },
  { key: "templates", line: undefined },
  { key: "(file)", line: undefined },
])("$key is on line $line", ({ key, line }) => {
  expect(locateConfigKey(TEXT, key)).toBe(line);
});

test("a file that is not YAML locates nothing: its message says where", () => {
  expect(locateConfigKey("paths: [a\nmode: x", "mode")).toBeUndefined();
});
