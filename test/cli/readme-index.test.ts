import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@jest/globals";
import { COMMAND_USAGE } from "../../src/cli/usage.js";
import type { DesignDocIndex } from "../../src/index/types.js";
import { DEFAULT_TIME_BUDGET_MS } from "../../src/workers/worker-pool.js";
import { fixture } from "../helpers/engine.js";

/* The README's section on `design-docs index` says what the command accepts and writes. */
const README = readFileSync(
  new URL("../../README.md", import.meta.url),
  "utf8",
);
const SECTION = README.slice(
  README.indexOf("### `design-docs index`"),
  README.indexOf("## Logs"),
);

test("the README's usage lines are the command's own", () => {
  const words = (text: string | undefined) => text?.split(/\s+/u).join(" ");
  const usage = /```text\n(design-docs index [^`]*)\n```/u.exec(SECTION)?.[1];
  const synopsis = COMMAND_USAGE.index.slice(
    "Usage: ".length,
    COMMAND_USAGE.index.indexOf("\n\n"),
  );
  expect(usage?.split("\n")).toHaveLength(2);
  expect(words(usage)).toBe(words(synopsis));
  expect(SECTION).toContain(
    `\`PARSE_TIME_BUDGET_MS\` (${DEFAULT_TIME_BUDGET_MS / 1000} s by default)`,
  );
});

test("the README's table names every field of a doc in the JSON, in its order", () => {
  const cwd = mkdtempSync(join(tmpdir(), "design-docs-readme-index-"));
  mkdirSync(join(cwd, "docs/design"), { recursive: true });
  writeFileSync(
    join(cwd, "docs/design/a.md"),
    fixture("docs/filled-design-doc.md"),
  );
  const child = spawnSync(
    process.execPath,
    [
      new URL("../../bin/design-docs.js", import.meta.url).pathname,
      "index",
      "--format",
      "json",
    ],
    { cwd, encoding: "utf8" },
  );
  const index = JSON.parse(child.stdout) as DesignDocIndex;
  const fields = [...SECTION.matchAll(/^\| `(\w+)` +\|/gmu)].map(
    (match) => match[1],
  );
  expect(fields).toEqual(Object.keys(index.docs[0] ?? {}));
  expect(SECTION).toContain(`schemaVersion: ${index.schemaVersion}`);
});
