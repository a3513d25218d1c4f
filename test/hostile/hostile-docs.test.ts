import { afterAll, expect, jest, test } from "@jest/globals";
import { createWorkerPool } from "../../src/workers/worker-pool.js";
import {
  DEFAULT_MAX_FILE_SIZE,
  parseConfig,
} from "../../src/config/parse-config.js";
import { readBlob } from "../../src/github/read-docs.js";
import { reportOf } from "../../src/handlers/read-doc-reports.js";
import { parseDesignDoc } from "../../src/markdown/parse-design-doc.js";
import { BUILTIN_TEMPLATE_IDS } from "../../src/templates/builtin-templates.js";
import type { DocReport } from "../../src/validate/check-design-doc.js";
import { engineFor, fixture } from "../helpers/engine.js";
import { GENERATED_HOSTILE_DOCS, hostileFile } from "../helpers/hostile.js";

// Pathological docs take the time budget they are given, by design.
jest.setTimeout(120_000);

/** A budget no doc here needs unless it is pathological: shows what the engine makes of it. */
const roomy = createWorkerPool({ timeBudgetMs: 30_000, workers: 1 });
/** A short budget, so that pathological docs overrun it quickly. */
const short = createWorkerPool({ timeBudgetMs: 2000, workers: 1 });

afterAll(async () => {
  await Promise.all([roomy.close(), short.close()]);
});

/** What the App reports for a doc with these bytes: the same steps as a PR run. */
async function checkAsApp(
  name: string,
  bytes: Buffer,
  options: {
    workers?: typeof roomy;
    config?: Record<string, unknown>;
  } = {},
): Promise<DocReport> {
  const raw = options.config ?? {};
  const { config } = parseConfig(raw, BUILTIN_TEMPLATE_IDS);
  return reportOf(
    `docs/design/${name}`,
    readBlob({ bytes, size: bytes.length }),
    config,
    engineFor(raw),
    options.workers ?? roomy,
  );
}

const unmet = (report: DocReport): string[] =>
  report.checks
    .filter((check) => !check.met)
    .map((check) => check.message ?? check.requirement);

const generated = (name: keyof typeof GENERATED_HOSTILE_DOCS): Buffer =>
  Buffer.from(GENERATED_HOSTILE_DOCS[name]());

const filled = async (): Promise<DocReport> =>
  checkAsApp("filled.md", Buffer.from(fixture("docs/filled-design-doc.md")));

test.each([
  {
    name: "nul-bytes.md",
    finding: [
      "The file holds NUL bytes, so it is binary, not Markdown; save it as UTF-8 Markdown",
    ],
  },
  {
    name: "invalid-utf8.md",
    finding: ["The file is not UTF-8 text; save it as UTF-8 Markdown"],
  },
  {
    name: "front-matter-list-root.md",
    finding: ["Front matter is not a mapping of keys to values (line 2)"],
  },
  {
    name: "front-matter-scalar-root.md",
    finding: ["Front matter is not a mapping of keys to values (line 2)"],
  },
  {
    name: "only-emoji-headings.md",
    finding: [
      'The doc follows no known template: the nearest, design-doc, has 16 sections it lacks ("Description", "Overview", "Goals", and 13 more); expected those, or front matter "template: <id>"',
    ],
  },
])("$name: $finding", async ({ name, finding }) => {
  expect(unmet(await checkAsApp(name, hostileFile(name)))).toEqual(finding);
});

test("BOM and CRLF: the same report as the plain doc", async () => {
  const report = await checkAsApp("bom-crlf.md", hostileFile("bom-crlf.md"));
  expect(report).toEqual({
    ...(await filled()),
    path: "docs/design/bom-crlf.md",
  });
});

test.each(["emoji-headings.md", "zero-width-headings.md"])(
  "%s: headings still name their sections, so every requirement is met",
  async (name) => {
    const report = await checkAsApp(name, hostileFile(name));
    expect(unmet(report)).toEqual([]);
    expect(report.checks.map((check) => check.requirement)).toEqual(
      (await filled()).checks.map((check) => check.requirement),
    );
  },
);

test.each([
  { name: "front-matter-alias-bomb.md", status: "WIP" },
  // The merge key's "Approved" is not taken in: front matter is read without merge keys.
  { name: "front-matter-merge-key.md", status: "In Review" },
  { name: "front-matter-proto.md", status: "WIP" },
])(
  "$name: read as plain keys, Status $status, nothing polluted",
  async ({ name, status }) => {
    const report = await checkAsApp(name, hostileFile(name));
    expect(report.status.value).toBe(status);
    expect(unmet(report)).toEqual([]);
    // The App parses in a worker; parse here too, where a polluted prototype would show.
    parseDesignDoc(hostileFile(name).toString("utf8"));
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  },
);

test("a quote nested 10,000 deep is read without overflowing the stack", async () => {
  expect(
    unmet(await checkAsApp("deep.md", generated("deep-blockquote.md"))),
  ).toEqual([
    'The doc follows no known template: the nearest, design-doc, has 16 sections it lacks ("Description", "Overview", "Goals", and 13 more); expected those, or front matter "template: <id>"',
  ]);
});

test("10,000 headings: every section found, the extras ignored", async () => {
  const report = await checkAsApp(
    "headings.md",
    generated("ten-thousand-headings.md"),
  );
  expect(unmet(report)).toEqual([]);
  expect(report.checks).toHaveLength((await filled()).checks.length);
});

test("a single 1 MB line, allowed by maxFileSize, is checked like any paragraph", async () => {
  const report = await checkAsApp(
    "line.md",
    generated("one-megabyte-line.md"),
    {
      config: { maxFileSize: 2 * 1024 * 1024 },
    },
  );
  expect(unmet(report)).toEqual([]);
});

test("a 5 MB doc is over the default maxFileSize, and is not parsed", async () => {
  expect(
    unmet(await checkAsApp("big.md", generated("five-megabytes.md"))),
  ).toEqual([
    "The file is 5244398 bytes, over the 262144-byte limit (maxFileSize in .github/design-docs.yml); split it or raise the limit",
  ]);
});

test("a doc of exactly the default maxFileSize is checked; one byte more is not parsed", async () => {
  const doc = (size: number): Buffer => {
    const text = fixture("docs/filled-design-doc.md");
    return Buffer.from(
      `${text}\n${"x".repeat(size - Buffer.byteLength(text) - 2)}\n`,
    );
  };
  expect(
    unmet(await checkAsApp("at-cap.md", doc(DEFAULT_MAX_FILE_SIZE))),
  ).toEqual([]);
  expect(
    unmet(await checkAsApp("over-cap.md", doc(DEFAULT_MAX_FILE_SIZE + 1))),
  ).toEqual([
    `The file is ${DEFAULT_MAX_FILE_SIZE + 1} bytes, over the ${DEFAULT_MAX_FILE_SIZE}-byte limit (maxFileSize in .github/design-docs.yml); split it or raise the limit`,
  ]);
});

test("a 5 MB doc allowed by maxFileSize cannot take more than the worker's heap", async () => {
  const small = createWorkerPool({
    timeBudgetMs: 60_000,
    workers: 1,
    maxHeapMb: 128,
  });
  const report = await checkAsApp("big.md", generated("five-megabytes.md"), {
    workers: small,
    config: { maxFileSize: 10 * 1024 * 1024 },
  });
  await small.close();
  expect(unmet(report)).toEqual([
    "The doc is too large to check within 128 MB",
  ]);
});

test.each([
  "nested-brackets.md",
  "nested-lists.md",
  "unclosed-openers.md",
] as const)(
  "%s takes micromark far past a 2 s budget: too complex to check, and the next doc is checked",
  async (name) => {
    const report = await checkAsApp(name, generated(name), {
      workers: short,
    });
    expect(unmet(report)).toEqual([
      `The doc is too complex to check in 2 s (PARSE_TIME_BUDGET_MS on the bot's server); split or simplify it`,
    ]);
    const next = await checkAsApp(
      "filled.md",
      Buffer.from(fixture("docs/filled-design-doc.md")),
      { workers: short },
    );
    expect(unmet(next)).toEqual([]);
  },
);
