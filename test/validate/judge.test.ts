import { readFileSync } from "node:fs";
import { afterAll, expect, test } from "@jest/globals";
import {
  checkDesignDoc,
  type DocReport,
} from "../../src/validate/check-design-doc.js";
import { parseDesignDoc } from "../../src/markdown/parse-design-doc.js";
import {
  createRuleContext,
  MIN_COMPARED_WORDS,
  PLACEHOLDER_SHARE,
} from "../../src/validate/rule-context.js";
import {
  meaningfulWords,
  shareOfPrompt,
} from "../../src/validate/similarity.js";
import { engineFor, fixture } from "../helpers/engine.js";

/**
 * Judge the judge: docs of our own, each with the verdict and findings a careful reviewer
 * expects, written down before the engine was run on them (test/fixtures/judge/README.md).
 * Prints how many the engine judges as the reviewer did; the README says the same figure.
 */
interface Expectation {
  file: string;
  template: string | null;
  verdict: DocReport["outcome"];
  findings: string[];
}

const README = readFileSync(
  new URL("../../README.md", import.meta.url),
  "utf8",
).replace(/\s+/gu, " ");
/** The agreement the README states: `docs judged as expected: N/M`. */
const README_FIGURE = /docs judged as expected: (\d+)\/(\d+)/u.exec(README);

const expectations = JSON.parse(
  readFileSync(
    new URL("../fixtures/judge/expected.json", import.meta.url),
    "utf8",
  ),
) as Expectation[];
const engine = engineFor();

/** What the engine said about a doc, in the form the expectations are written in. */
function judgementOf(file: string): Omit<Expectation, "file"> {
  const report = checkDesignDoc(file, fixture(`judge/${file}`), engine);
  return {
    template: report.template?.id ?? null,
    verdict: report.outcome,
    findings: report.checks
      .filter((check) => !check.met)
      .map(
        (check) =>
          `${check.ruleId}:${subjectOf(check.ruleId, check.requirement)}`,
      )
      .sort(),
  };
}

/** `Section "Alternatives"` → `Alternatives`; `Checklist item "Testing plan defined"` → its text. */
function subjectOf(ruleId: string, requirement: string): string {
  if (ruleId === "template") return "template";
  return /"(.*)"/u.exec(requirement)?.[1] ?? requirement;
}

const disagreements: string[] = [];

test("there are at least 40 judged docs, of both templates and of none", () => {
  expect(expectations.length).toBeGreaterThanOrEqual(40);
  const templates = new Set(expectations.map((entry) => entry.template));
  expect(templates).toEqual(new Set(["design-doc", "design-review", null]));
});

test("the engine agrees with the reviewer as often as the README says", () => {
  for (const { file, template, verdict, findings } of expectations) {
    const expected = { template, verdict, findings };
    const actual = judgementOf(file);
    if (JSON.stringify(actual) !== JSON.stringify(expected))
      disagreements.push(
        `${file}: expected ${JSON.stringify(expected)}, judged ${JSON.stringify(actual)}`,
      );
  }
  const agreed = expectations.length - disagreements.length;
  expect(README_FIGURE?.slice(1)).toEqual([
    String(agreed),
    String(expectations.length),
  ]);
});

test("the written sections of the judged docs stay below the placeholder share, as the README says", () => {
  const shares: number[] = [];
  for (const { file, template: id, findings } of expectations) {
    const template = engine.templates.find((entry) => entry.id === id);
    if (!template) continue;
    const doc = parseDesignDoc(fixture(`judge/${file}`));
    const context = createRuleContext(doc, template, engine.options);
    for (const section of context.templateSections) {
      const found = context.match.get(section);
      // Containers and checklists are never compared with a prompt.
      if (
        !found ||
        section.container ||
        section.checklist ||
        context.stateOf(section) !== "written" ||
        findings.includes(`section-placeholder:${section.title}`)
      )
        continue;
      const words = meaningfulWords(found.contentUnits);
      if (words.length >= MIN_COMPARED_WORDS)
        shares.push(shareOfPrompt(words, meaningfulWords(section.prompt)));
    }
  }
  const highest = Math.round(Math.max(...shares) * 100);
  expect(highest).toBeLessThan(PLACEHOLDER_SHARE * 100);
  expect(README).toContain(`score ${highest} % at most`);
});

afterAll(() => {
  const agreed = expectations.length - disagreements.length;
  process.stdout.write(
    `\ndocs judged as expected: ${agreed}/${expectations.length}\n${disagreements.map((line) => `  ${line}\n`).join("")}`,
  );
});
