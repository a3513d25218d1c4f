import { readFileSync } from "node:fs";
import { expect, test } from "@jest/globals";
import { parseConfig } from "../../src/config/parse-config.js";
import { readConfigText } from "../../src/config/read-config-text.js";
import { BUILTIN_TEMPLATE_IDS } from "../../src/templates/builtin-templates.js";

const README = readFileSync(
  new URL("../../README.md", import.meta.url),
  "utf8",
);

test("the README's example config is valid and sets every key", () => {
  const section = README.slice(README.indexOf("## Configuration"));
  const block = /```yaml\n([\s\S]*?)```/u.exec(section)?.[1];
  expect(block).toBeDefined();
  // Read as the App and the command line read the file.
  const read = readConfigText(block ?? "");
  expect(read).not.toHaveProperty("error");
  const raw = ("raw" in read ? read.raw : {}) as Record<string, unknown>;
  const { config, errors } = parseConfig(raw, BUILTIN_TEMPLATE_IDS);
  expect(errors).toEqual([]);
  expect(Object.keys(raw).sort()).toEqual(
    [
      "aliases",
      "checkRun",
      "comment",
      "dismissStaleApprovals",
      "drafts",
      "maxFileSize",
      "merge",
      "mode",
      "optionalSections",
      "paths",
      "statuses",
      "templates",
    ].sort(),
  );
  expect(config.rules).toEqual({
    Approved: {
      setBy: [{ kind: "team", org: "acme", slug: "architects" }],
      requireApprovals: 1,
    },
  });
  expect(config.reviewers).toEqual({
    "In Review": [
      { kind: "user", login: "alice" },
      { kind: "team", org: "acme", slug: "architects" },
    ],
  });
  expect(config.merge).toEqual({ statuses: ["Approved", "Obsolete"] });
  expect(config.labels).toEqual({
    WIP: { color: "fbca04" },
    "In Review": { name: "design: in review" },
    Approved: { description: "Signed off by the architects" },
  });
});
