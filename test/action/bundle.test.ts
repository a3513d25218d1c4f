import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@jest/globals";
import { parse } from "yaml";
import { BUNDLE } from "../helpers/action-step.js";

// action.yml runs the committed dist/index.mjs as it is: a change to the code that is not
// bundled again (npm run build:action) would not reach any workflow.

test("the committed bundle is the one the code builds (npm run build:action)", () => {
  const out = join(
    mkdtempSync(join(tmpdir(), "design-docs-bundle-")),
    "index.mjs",
  );
  execFileSync(process.execPath, ["scripts/build-action.js", "--out", out], {
    cwd: new URL("../..", import.meta.url).pathname,
  });
  const fresh = readFileSync(out, "utf8");
  const committed = readFileSync(BUNDLE, "utf8");
  // Not toBe: a diff of a megabyte says nothing; the sizes and the message do.
  expect({ bytes: committed.length, same: committed === fresh }).toEqual({
    bytes: fresh.length,
    same: true,
  });
});

test("action.yml runs the bundle on GitHub's current JavaScript runtime", () => {
  const action = parse(
    readFileSync(new URL("../../action.yml", import.meta.url), "utf8"),
  ) as { runs: { using: string; main: string } };
  expect(action.runs).toEqual({ using: "node24", main: "dist/index.mjs" });
});
