import { expect, test } from "@jest/globals";
import {
  parseLinkTarget,
  resolvePath,
} from "../../src/validate/link-target.js";

test.each([
  ["auth.md", { kind: "path", path: "auth.md" }],
  ["./auth", { kind: "path", path: "./auth" }],
  [
    "../auth/README.markdown",
    { kind: "path", path: "../auth/README.markdown" },
  ],
  ["/docs/auth.md", { kind: "path", path: "/docs/auth.md" }],
  ["docs/auth", { kind: "path", path: "docs/auth" }],
  ["auth.md#goals", { kind: "path", path: "auth.md" }],
  ["my%20doc.md", { kind: "path", path: "my doc.md" }],
  ["Token buckets v2", { kind: "title", title: "Token buckets v2" }],
  ["KEP-1234", { kind: "title", title: "KEP-1234" }],
  ["Input / output", { kind: "title", title: "Input / output" }],
  [
    "https://github.com/acme/api/blob/main/docs/a.md",
    {
      kind: "url",
      url: "https://github.com/acme/api/blob/main/docs/a.md",
      github: { repo: "acme/api", refAndPath: "main/docs/a.md" },
    },
  ],
  [
    "https://ghe.acme.com/acme/api/blob/release/1.2/docs/a%20b.md#x",
    {
      kind: "url",
      url: "https://ghe.acme.com/acme/api/blob/release/1.2/docs/a%20b.md#x",
      github: { repo: "acme/api", refAndPath: "release/1.2/docs/a b.md" },
    },
  ],
  [
    "https://github.com/acme/api/tree/main/docs",
    {
      kind: "url",
      url: "https://github.com/acme/api/tree/main/docs",
      github: undefined,
    },
  ],
])("%s is %j", (target, parsed) => {
  expect(parseLinkTarget(target)).toEqual(parsed);
});

test.each([
  ["docs/design/a.md", "b.md", "docs/design/b.md"],
  ["docs/design/a.md", "../../README.md", "README.md"],
  ["docs/design/a.md", "/x/./y/../z.md", "x/z.md"],
  ["a.md", "../b.md", undefined],
  ["docs/a.md", "..", undefined],
])("from %s, %s is %s", (from, path, resolved) => {
  expect(resolvePath(from, path)).toBe(resolved);
});
