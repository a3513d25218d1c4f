import { expect, test } from "@jest/globals";
import { parseConfig } from "../../src/config/parse-config.js";
import { BUILTIN_TEMPLATE_IDS } from "../../src/templates/builtin-templates.js";

const parse = (raw: unknown) => parseConfig(raw, BUILTIN_TEMPLATE_IDS);

test("an empty or absent file gives the defaults", () => {
  for (const raw of [undefined, null, {}]) {
    expect(parse(raw)).toEqual({
      config: {
        paths: ["docs/design/**/*.md"],
        templates: ["design-doc", "design-review"],
        mappings: [],
        aliases: {},
        optionalSections: [],
        statuses: undefined,
        labels: {},
        rules: {},
        reviewers: {},
        checkRun: true,
        dismissStaleApprovals: false,
        comment: "always",
        drafts: "check",
        maxFileSize: 262144,
        mode: "live",
        merge: undefined,
      },
      errors: [],
    });
  }
});

test("every key is read", () => {
  const { config, errors } = parse({
    paths: "rfcs/*.md",
    templates: {
      "rfcs/reviews/**": "design-review",
      "rfcs/**": "docs/rfc-template.md",
    },
    aliases: { Alternatives: ["Options"] },
    optionalSections: ["Migration Plan"],
    statuses: {
      Draft: { aliases: ["sketch"], strict: false, label: "status: draft" },
      Accepted: {
        color: "#0E8A16",
        description: "Agreed, ready to build",
        reviewers: ["alice", "@acme/architects"],
      },
      Dropped: null,
    },
    checkRun: false,
    dismissStaleApprovals: true,
    comment: "on-failure",
    drafts: "wip",
    maxFileSize: 200000,
    mode: "dry-run",
    merge: { statuses: ["Accepted", "dropped"] },
    _extends: ".github",
  });
  expect(errors).toEqual([]);
  expect(config).toEqual({
    paths: ["rfcs/*.md"],
    templates: ["design-review", "docs/rfc-template.md"],
    mappings: [
      { pattern: "rfcs/reviews/**", template: "design-review" },
      { pattern: "rfcs/**", template: "docs/rfc-template.md" },
    ],
    aliases: { Alternatives: ["Options"] },
    optionalSections: ["Migration Plan"],
    statuses: [
      { name: "Draft", aliases: ["sketch"], strict: false },
      { name: "Accepted", aliases: [], strict: true },
      { name: "Dropped", aliases: [], strict: true },
    ],
    labels: {
      Draft: { name: "status: draft" },
      Accepted: { color: "0e8a16", description: "Agreed, ready to build" },
    },
    rules: {},
    reviewers: {
      Accepted: [
        { kind: "user", login: "alice" },
        { kind: "team", org: "acme", slug: "architects" },
      ],
    },
    checkRun: false,
    dismissStaleApprovals: true,
    comment: "on-failure",
    drafts: "wip",
    maxFileSize: 200000,
    mode: "dry-run",
    merge: { statuses: ["Accepted", "dropped"] },
  });
});

test.each([
  {
    merge: "Approved",
    errors: [
      {
        key: "merge",
        message: "must be a mapping, e.g. merge: { statuses: [Approved] }",
      },
    ],
  },
  {
    merge: {},
    errors: [
      {
        key: "merge.statuses",
        message: "must list the statuses a design doc may be merged in",
      },
    ],
  },
  {
    merge: { statuses: [], when: "always" },
    errors: [
      {
        key: "merge.when",
        message: "unknown key; known keys are statuses",
      },
      {
        key: "merge.statuses",
        message: "must be a non-empty string or a list of them",
      },
    ],
  },
])(
  "merge: $merge is an error, and any status may merge",
  ({ merge, errors }) => {
    const parsed = parse({ merge });
    expect(parsed.errors).toEqual(errors);
    expect(parsed.config.merge).toBeUndefined();
  },
);

test("every error is collected, each naming its key", () => {
  const { errors } = parse({
    path: "docs/**",
    paths: 3,
    templates: ["rfc"],
    aliases: ["x"],
    statuses: { WIP: { strict: "yes", colour: "red", color: "red" } },
    checkRun: "yes",
    comment: "sometimes",
    maxFileSize: -1,
  });
  expect(errors).toEqual([
    {
      key: "path",
      message:
        "unknown key; known keys are paths, templates, aliases, optionalSections, statuses, checkRun, dismissStaleApprovals, comment, drafts, maxFileSize, mode, merge, _extends",
    },
    {
      key: "templates",
      message:
        'rfc" is neither a built-in template (design-doc, design-review) nor a .md file in the repo'.replace(
          /^/u,
          '"',
        ),
    },
    { key: "paths", message: "must be a non-empty string or a list of them" },
    {
      key: "aliases",
      message: "must map a template heading to the other names it may have",
    },
    {
      key: "statuses.WIP.colour",
      message:
        "unknown key; known keys are aliases, strict, label, color, description, setBy, requireApprovals, reviewers",
    },
    {
      key: "statuses.WIP.color",
      message: 'must be six hex digits, like "0e8a16"',
    },
    { key: "statuses.WIP.strict", message: "must be true or false" },
    { key: "checkRun", message: 'must be true, false or "always"' },
    { key: "comment", message: "must be one of always, on-failure" },
    {
      key: "maxFileSize",
      message: "must be a whole number of bytes from 1 to 104857600",
    },
  ]);
});

test("a file that is not a mapping is an error, and the defaults still apply", () => {
  const { config, errors } = parse(["paths"]);
  expect(errors).toEqual([
    { key: "(root)", message: "the file must be a mapping of keys to values" },
  ]);
  expect(config.paths).toEqual(["docs/design/**/*.md"]);
});

test("statuses name who may set them and how many approvals an edit needs", () => {
  const { config, errors } = parse({
    statuses: {
      WIP: null,
      "In Review": null,
      Approved: {
        setBy: ["@acme/architects", "alice", "acme/leads"],
        requireApprovals: 2,
      },
      Obsolete: { requireApprovals: 1 },
    },
  });
  expect(errors).toEqual([]);
  expect(config.rules).toEqual({
    Approved: {
      setBy: [
        { kind: "team", org: "acme", slug: "architects" },
        { kind: "user", login: "alice" },
        { kind: "team", org: "acme", slug: "leads" },
      ],
      requireApprovals: 2,
    },
    Obsolete: { setBy: undefined, requireApprovals: 1 },
  });
  expect(
    parse({
      statuses: { Approved: { setBy: ["not a user!"], requireApprovals: -1 } },
    }).errors,
  ).toEqual([
    {
      key: "statuses.Approved.setBy",
      message: '"not a user!" is neither a user (alice) nor a team (@org/team)',
    },
    {
      key: "statuses.Approved.requireApprovals",
      message: "must be a whole number from 0 to 10",
    },
  ]);
});

test("keys named after Object's prototype are plain keys: reported or read, never inherited", () => {
  // JSON.parse makes `__proto__` an own key, as the YAML loaders do.
  const raw: unknown = JSON.parse(
    '{"__proto__": {"polluted": "yes"}, "statuses": {"constructor": null, "toString": null, "WIP": null}}',
  );
  const { config, errors } = parseConfig(raw, BUILTIN_TEMPLATE_IDS);
  expect(errors).toEqual([
    {
      key: "__proto__",
      message:
        "unknown key; known keys are paths, templates, aliases, optionalSections, statuses, checkRun, dismissStaleApprovals, comment, drafts, maxFileSize, mode, merge, _extends",
    },
  ]);
  expect(config.statuses).toEqual([
    { name: "constructor", aliases: [], strict: true },
    { name: "toString", aliases: [], strict: true },
    { name: "WIP", aliases: expect.arrayContaining(["draft"]), strict: false },
  ]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});
