import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { expect, test } from "@jest/globals";
import { DEFAULT_MAX_FILE_SIZE } from "../src/config/parse-config.js";
import { DEFAULT_TIME_BUDGET_MS } from "../src/workers/worker-pool.js";

const read = (path: string): string =>
  readFileSync(new URL(`../${path}`, import.meta.url), "utf8");

/** Every number the pattern's first group captures in `text`; none is a failure. */
function stated(text: string, pattern: RegExp): number[] {
  const values = [...text.matchAll(pattern)].map((match) =>
    Number((match[1] ?? "").replaceAll(",", "")),
  );
  expect(values.length).toBeGreaterThan(0);
  return values;
}

const same = (values: number[], value: number) =>
  expect(values).toEqual(values.map(() => value));

test.each([
  {
    file: "README.md",
    size: [
      /^maxFileSize: (\d+) #/gmu,
      /^\| `maxFileSize` +\| `(\d+)` /gmu,
      /size cap, `maxFileSize`, ([\d,]+) bytes/gu,
    ],
    budgetSeconds: [/`PARSE_TIME_BUDGET_MS` \((\d+) s\)/gu],
  },
  {
    file: "SECURITY.md",
    size: [/`maxFileSize` \(([\d,]+) bytes by default\)/gu],
    budgetSeconds: [/`PARSE_TIME_BUDGET_MS`, (\d+) s\)/gu],
  },
  {
    file: ".env.example",
    size: [],
    budgetSeconds: [],
    budgetMs: [/^PARSE_TIME_BUDGET_MS=(\d+)$/gmu],
  },
])(
  "$file states the code's default size cap and time budget",
  ({ file, size, budgetSeconds, budgetMs = [] }) => {
    const text = read(file);
    for (const pattern of size)
      same(stated(text, pattern), DEFAULT_MAX_FILE_SIZE);
    for (const pattern of budgetSeconds)
      same(stated(text, pattern), DEFAULT_TIME_BUDGET_MS / 1000);
    for (const pattern of budgetMs)
      same(stated(text, pattern), DEFAULT_TIME_BUDGET_MS);
  },
);

test("the README's bench figures are for the defaults the code has", () => {
  const bench = read("README.md").slice(
    read("README.md").indexOf("### Size cap and time budget"),
  );
  same(
    stated(bench, /^Cap \(maxFileSize default\): ([\d,]+) bytes/gmu),
    DEFAULT_MAX_FILE_SIZE,
  );
  same(
    stated(bench, /budget \(PARSE_TIME_BUDGET_MS default\): ([\d,]+) ms/gu),
    DEFAULT_TIME_BUDGET_MS,
  );
});

const CORPUS = new URL("../../shared/corpus/", import.meta.url);

test("every doc of the shared corpus is under the default cap, with a third of it to spare", () => {
  if (!existsSync(CORPUS)) return;
  const sizes = readdirSync(CORPUS)
    .filter((name) => name.endsWith(".md"))
    .map((name) => statSync(new URL(name, CORPUS)).size);
  expect(sizes.length).toBeGreaterThan(0);
  expect(Math.max(...sizes)).toBeLessThan((DEFAULT_MAX_FILE_SIZE * 2) / 3);
});
