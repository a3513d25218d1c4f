import { describe, expect, test } from "@jest/globals";
import { parseDesignDoc } from "../../src/markdown/parse-design-doc.js";

/** The doc's front matter fields as [key, value, line]. */
const fieldsOf = (frontMatter: string): [string, string, number][] =>
  parseDesignDoc(`---\n${frontMatter}---\n# T\n`)
    .fields.filter((field) => field.form === "frontmatter")
    .map((field) => [field.key, field.value, field.line]);

describe("each field reports its own line", () => {
  test("a key that ends another key's name is not found on that key's line", () => {
    expect(fieldsOf("co-owner: Ana\nowner: Bo\n")).toEqual([
      ["co-owner", "Ana", 2],
      ["owner", "Bo", 3],
    ]);
  });

  test("quoted keys", () => {
    expect(
      fieldsOf(
        `title: T\n"owner": Ana\n'status': Draft\n"created" : 2026-01-08\n`,
      ),
    ).toEqual([
      ["title", "T", 2],
      ["owner", "Ana", 3],
      ["status", "Draft", 4],
      ["created", "2026-01-08", 5],
    ]);
  });

  test("a key repeated in a nested mapping is not the field", () => {
    expect(
      fieldsOf(
        "reviewers:\n  owner: Ana\n  status: done\nowner: Bo\nstatus: WIP\n",
      ),
    ).toEqual([
      ["owner", "Bo", 5],
      ["status", "WIP", 6],
    ]);
  });

  test("comments, blank lines and block scalars before a field move it down", () => {
    expect(
      fieldsOf("# set by the bot\n\nsummary: |\n  one\n  two\n\nstatus: WIP\n"),
    ).toEqual([
      ["summary", "one\ntwo", 4],
      ["status", "WIP", 8],
    ]);
  });
});

test("every scalar stays the string it was written as", () => {
  const doc = parseDesignDoc(
    "---\ncreated: 2021-04-11\nstatus: 'implemented' # set by the bot\ndraft: yes\nversion: 1.10\nreviewer: ~\nowner:\n---\n# T\n",
  );
  expect(doc.frontMatter).toEqual({
    created: "2021-04-11",
    status: "implemented",
    draft: "yes",
    version: "1.10",
    reviewer: "~",
    owner: "",
  });
  expect(doc.problems).toEqual([]);
});

test("an alias to a scalar is that scalar; one to a mapping or a list is no field", () => {
  expect(
    fieldsOf(
      "owner: &me Ana\nreviewers: &all [Ana, Bo]\napprover: *me\nwatchers: *all\n",
    ),
  ).toEqual([
    ["owner", "Ana", 2],
    ["approver", "Ana", 4],
  ]);
});

test("a `<<` merge key takes nothing in: it is a key whose value is not a string", () => {
  const doc = parseDesignDoc(
    "---\nbase: &base {status: Approved, owner: mallory}\n<<: *base\ntemplate: design-doc\n---\n# T\n",
  );
  expect(doc.problems).toEqual([]);
  expect(doc.frontMatter).toEqual({ template: "design-doc" });
});

test("an alias bomb is never expanded: the doc is read at once, fields and all", () => {
  const levels = Array.from(
    { length: 20 },
    (_, level) =>
      `l${level + 1}: &l${level + 1} [${Array(10).fill(`*l${level}`).join(", ")}]\n`,
  );
  const started = Date.now();
  const doc = parseDesignDoc(
    `---\nl0: &l0 x\n${levels.join("")}status: WIP\nall: *l20\n---\n# T\n`,
  );
  // 10^20 nodes, were the aliases expanded.
  expect(Date.now() - started).toBeLessThan(2000);
  expect(doc.problems).toEqual([]);
  expect(doc.frontMatter).toEqual({ l0: "x", status: "WIP" });
});

test("many keys and aliases take time in proportion: one walk, not one per alias or key", () => {
  const aliases = Array.from(
    { length: 30_000 },
    (_, index) => `k${index}: *v\n`,
  ).join("");
  const started = Date.now();
  const doc = parseDesignDoc(`---\nv: &v x\n${aliases}---\n# T\n`);
  expect(Date.now() - started).toBeLessThan(4000);
  expect(doc.fields.filter((field) => field.value === "x")).toHaveLength(
    30_001,
  );
});

test("`__proto__` and `constructor` keys are data: nothing is polluted", () => {
  const doc = parseDesignDoc(
    "---\n__proto__: polluted\nconstructor:\n  prototype:\n    polluted: yes\nstatus: Draft\n---\n# T\n",
  );
  expect(Object.getPrototypeOf(doc.frontMatter)).toBe(Object.prototype);
  expect(
    Object.getOwnPropertyDescriptor(doc.frontMatter, "__proto__"),
  ).toMatchObject({ value: "polluted", enumerable: true });
  expect(doc.frontMatter.status).toBe("Draft");
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe("what cannot be read is a problem with its line, never an exception", () => {
  test.each([
    [
      "reviewers: [ana, bo\n",
      "Front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
      2,
    ],
    [
      "status: WIP\nowner: Ana\nstatus: Approved\n",
      "Front matter is not valid YAML: Map keys must be unique",
      4,
    ],
    [
      "status: WIP\nowner:\n\t- Ana\n",
      "Front matter is not valid YAML: Tabs are not allowed as indentation",
      4,
    ],
    [
      "status: *unknown\n",
      "Front matter is not valid YAML: Unresolved alias (the anchor must be set before the alias): unknown",
      2,
    ],
    [
      "status: WIP\nreviewers: [Ana, *bo]\nowner: &bo Bo\n",
      "Front matter is not valid YAML: Unresolved alias (the anchor must be set before the alias): bo",
      3,
    ],
    ["- a\n- b\n", "Front matter is not a mapping of keys to values", 2],
    ["just a string\n", "Front matter is not a mapping of keys to values", 2],
  ])("%j: %s (line %d)", (frontMatter, message, line) => {
    const doc = parseDesignDoc(`---\n${frontMatter}---\n# T\n`);
    expect(doc.problems).toEqual([{ message, line }]);
    expect(doc.frontMatter).toEqual({});
  });

  test("a list nested 10,000 deep", () => {
    const doc = parseDesignDoc(`---\na: ${"[".repeat(10_000)}\n---\n# T\n`);
    expect(doc.problems).toEqual([
      {
        message: expect.stringMatching(/^Front matter is not valid YAML: /u),
        line: expect.any(Number),
      },
    ]);
  });

  test("front matter of only comments is empty, not a problem", () => {
    const doc = parseDesignDoc("---\n# nothing yet\n---\n# T\n");
    expect(doc.problems).toEqual([]);
    expect(doc.frontMatter).toEqual({});
  });
});
