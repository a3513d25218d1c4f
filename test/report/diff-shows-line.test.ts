import { expect, test } from "@jest/globals";
import { diffShowsLine } from "../../src/report/diff-shows-line.js";

test("a line is in the diff when one of its hunks covers it on the new side", () => {
  const patch =
    "@@ -1,3 +1,4 @@\n a\n+b\n c\n d\n@@ -20,2 +21,3 @@ heading\n x\n+y\n z";
  expect(
    [1, 4, 5, 20, 21, 23, 24].map((line) => diffShowsLine(patch, line)),
  ).toEqual([true, true, false, false, true, true, false]);
  expect(diffShowsLine("@@ -0,0 +1 @@\n+only", 1)).toBe(true);
  expect(diffShowsLine(undefined, 1)).toBe(false);
});
