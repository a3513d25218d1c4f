import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "@jest/globals";
import { parseDesignDoc } from "../src/markdown/parse-design-doc.js";
import { describeStatus } from "../src/report/summarize.js";
import { checkDesignDoc } from "../src/validate/check-design-doc.js";
import { engineFor } from "./helpers/engine.js";

/** The public docs beside the project, read in place: their text is not copied into it. */
const CORPUS = new URL("../../shared/corpus/", import.meta.url);

interface Entry {
  file: string;
  form: string;
  value: string;
}

/** A fresh clone has no corpus beside it: these tests then skip, saying why. */
const PRESENT = existsSync(new URL("INDEX.tsv", CORPUS));

const entries: Entry[] = PRESENT
  ? readFileSync(new URL("INDEX.tsv", CORPUS), "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => {
        const [file = "", , , , form = "", value = ""] = line.split("\t");
        return { file, form, value };
      })
  : [];

const read = (file: string): string =>
  readFileSync(new URL(file, CORPUS), "utf8");
const engine = engineFor();

if (!PRESENT)
  test.skip(`corpus tests: no shared corpus at ${fileURLToPath(CORPUS)}`, () =>
    undefined);
else defineCorpusTests();

function defineCorpusTests(): void {
  test("the index lists every doc of the corpus", () => {
    const files = readdirSync(CORPUS).filter(
      (file) => file.endsWith(".md") && file !== "README.md",
    );
    expect(entries.map((entry) => entry.file).sort()).toEqual(files.sort());
    expect(entries).toHaveLength(25);
  });

  describe.each(entries)("$file", ({ file, form, value }) => {
    const report = checkDesignDoc(file, read(file), engine);

    test("parses without a problem", () => {
      expect(parseDesignDoc(read(file)).problems).toEqual([]);
    });

    if (form === "none") {
      test("says no Status was found", () => {
        expect(report.status.raw).toBeUndefined();
        expect(describeStatus(report)).toBe("none found");
      });
    } else {
      test(`finds the Status a reader sees (${form})`, () => {
        const raw = report.status.raw ?? "";
        expect(raw).not.toBe("");
        expect(plain(value)).toContain(plain(raw).split(" ")[0]);
        expect(describeStatus(report)).toMatch(
          new RegExp(`^${escape(raw)} → `),
        );
      });
    }

    test("is reported as following neither template, in one line, not as missing sections", () => {
      expect(report.template).toBeUndefined();
      expect(report.checks).toHaveLength(1);
      expect(report.checks[0]).toMatchObject({
        ruleId: "template",
        met: false,
        severity: "failure",
      });
      expect(report.outcome).toBe("failure");
    });
  });

  test("normalises the Status values real docs use", () => {
    const values = Object.fromEntries(
      entries
        .filter((entry) => entry.form !== "none")
        .map((entry) => [
          entry.file.slice(0, 3),
          checkDesignDoc(entry.file, read(entry.file), engine).status.value ??
            null,
        ]),
    );
    expect(values).toEqual({
      "005": "Obsolete",
      "009": "Approved",
      "011": null,
      "015": "Approved",
      "017": "In Review",
      "019": null,
      "023": null,
      "025": "Approved",
      "029": "WIP",
      "031": "Obsolete",
      "033": "Approved",
      "035": "WIP",
      "039": "Approved",
      "041": "Approved",
      "045": "WIP",
      "047": "In Review",
      "049": "Approved",
    });
  });
}

/** Markup and case stripped, for comparing what the index shows with what was read. */
function plain(text: string): string {
  return text
    .replace(/^\w+:\s*/u, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/gu, "$1")
    .replace(/[*_`']/gu, "")
    .toLowerCase()
    .trim();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
}
