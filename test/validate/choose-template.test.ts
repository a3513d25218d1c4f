import { expect, test } from "@jest/globals";
import { checkDesignDoc } from "../../src/validate/check-design-doc.js";
import { engineFor, fixture } from "../helpers/engine.js";

const filled = fixture("docs/filled-design-doc.md");

test("the best structural match wins and says how well it matched", () => {
  const report = checkDesignDoc("docs/design/a.md", filled, engineFor());
  expect(report.template).toEqual({ id: "design-doc", origin: "built-in" });
  expect(report.templateReason).toBe("it has 16 of 16 sections of design-doc");
});

test("front matter template: wins over the structure", () => {
  const report = checkDesignDoc(
    "docs/design/a.md",
    `---\ntemplate: design-review\n---\n${filled}`,
    engineFor(),
  );
  expect(report.template?.id).toBe("design-review");
  expect(report.templateReason).toBe(
    "named in the front matter (template: design-review)",
  );
});

test("a path mapping wins over the structure", () => {
  const engine = engineFor({
    templates: {
      "docs/design/reviews/**": "design-review",
      "**": "design-doc",
    },
  });
  expect(
    checkDesignDoc("docs/design/reviews/a.md", filled, engine),
  ).toMatchObject({
    template: { id: "design-review" },
    templateReason: "the path matches docs/design/reviews/**",
  });
  expect(checkDesignDoc("docs/design/a.md", filled, engine).template?.id).toBe(
    "design-doc",
  );
});

test("an unknown template named in front matter fails the doc and says which exist", () => {
  const report = checkDesignDoc(
    "docs/design/a.md",
    `---\ntemplate: rfc\n---\n${filled}`,
    engineFor(),
  );
  expect(report.template).toBeUndefined();
  expect(report.checks[0]?.message).toBe(
    `The doc follows no known template: template "rfc" (named in the front matter (template: rfc)) is not one of: design-doc, design-review; expected the sections of one of design-doc, design-review, or front matter "template: <id>"`,
  );
});
