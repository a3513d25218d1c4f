import { readFileSync } from "node:fs";
import { expect, test } from "@jest/globals";
import { BUILTIN_TEMPLATES_JSON } from "../../src/templates/built-templates-file.js";
import {
  BUILTIN_TEMPLATE_IDS,
  loadBuiltinTemplates,
  readBuiltinTemplateSource,
} from "../../src/templates/builtin-templates.js";
import { flattenSections } from "../../src/templates/flatten-sections.js";
import { parseTemplate } from "../../src/templates/parse-template.js";
import {
  restoreTemplate,
  storeTemplate,
  type StoredTemplate,
} from "../../src/templates/stored-template.js";

const built = JSON.parse(
  readFileSync(BUILTIN_TEMPLATES_JSON, "utf8"),
) as StoredTemplate[];

test("the built templates are a fresh parse of templates/*.md (a stale build fails here: npm run build)", () => {
  expect(built.map(restoreTemplate)).toStrictEqual(
    BUILTIN_TEMPLATE_IDS.map((id) =>
      parseTemplate(id, readBuiltinTemplateSource(id)),
    ),
  );
});

test("loadBuiltinTemplates reads the built form, in BUILTIN_TEMPLATE_IDS order", () => {
  expect(loadBuiltinTemplates().map((template) => template.id)).toEqual([
    ...BUILTIN_TEMPLATE_IDS,
  ]);
  expect(loadBuiltinTemplates()).toStrictEqual(built.map(restoreTemplate));
});

test("a restored checklist item points at the template's own section object", () => {
  const review = loadBuiltinTemplates().find(
    (template) => template.id === "design-review",
  );
  const sections = flattenSections(review?.sections ?? []);
  const pointed = (review?.checklist ?? []).filter((item) => item.section);
  expect(pointed.length).toBeGreaterThan(0);
  for (const item of pointed)
    expect(sections.some((section) => section === item.section)).toBe(true);
});

test("store and restore keep a template with no title and an item matching no section", () => {
  const template = {
    ...parseTemplate(
      "t.md",
      "## Plan\n\nText\n\n## Checklist\n\n- [ ] Plan written\n- [ ] Zebras fed\n",
      "t.md",
    ),
    title: undefined,
  };
  expect(template.checklist.map((item) => item.section?.title)).toEqual([
    "Plan",
    undefined,
  ]);
  const restored = restoreTemplate(
    JSON.parse(JSON.stringify(storeTemplate(template))) as StoredTemplate,
  );
  expect(restored).toStrictEqual(template);
  expect(restored.checklist[0]?.section).toBe(restored.sections[0]);
});
