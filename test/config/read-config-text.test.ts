import { expect, test } from "@jest/globals";
import { readConfigText } from "../../src/config/read-config-text.js";

test("anchors and aliases are read: an alias is its anchor's value", () => {
  expect(
    readConfigText(
      "optionalSections: &optional [Migration Plan]\ntemplates:\n  rfcs/**: &review design-review\n  proposals/**: *review\n",
    ),
  ).toEqual({
    raw: {
      optionalSections: ["Migration Plan"],
      templates: {
        "rfcs/**": "design-review",
        "proposals/**": "design-review",
      },
    },
  });
});

test("`<<` is a plain key, as Probot reads config: YAML 1.2 has no merge keys", () => {
  expect(
    readConfigText(
      "base: &base\n  comment: on-failure\n<<: *base\nmode: live\n",
    ),
  ).toEqual({
    raw: {
      base: { comment: "on-failure" },
      "<<": { comment: "on-failure" },
      mode: "live",
    },
  });
});

test("YAML 1.2 scalars: yes stays a string, an empty file is an empty mapping", () => {
  expect(readConfigText("drafts: yes\nmaxFileSize: 10\n")).toEqual({
    raw: { drafts: "yes", maxFileSize: 10 },
  });
  expect(readConfigText("")).toEqual({ raw: {} });
});

test("text that is not YAML is one line naming the reason", () => {
  const read = readConfigText("paths: [rfcs/*.md\n");
  expect(read).toEqual({
    error: {
      key: "(file)",
      message: expect.stringMatching(/^not valid YAML: Flow sequence/u),
    },
  });
  expect("error" in read && read.error.message).not.toContain("\n");
});
