import { readFileSync } from "node:fs";
import { expect, test } from "@jest/globals";
import {
  DEFAULT_STATUS_ALIASES,
  IMPLEMENTATION_WORDS,
} from "../../src/validate/options.js";
import { PLACEHOLDER_SHARE } from "../../src/validate/rule-context.js";

const README = readFileSync(
  new URL("../../README.md", import.meta.url),
  "utf8",
);
const section = README.slice(
  README.indexOf("## How a doc is judged"),
  README.indexOf("## Install it on an organisation"),
);

test("the README's alias table is the one the engine reads Statuses with", () => {
  const rows = [
    ...section.matchAll(
      /^\| (WIP|In Review|Approved|Obsolete) +\| (.+?) +\|$/gmu,
    ),
  ];
  expect(
    Object.fromEntries(
      rows.map(([, status, words]) => [status, (words ?? "").split(", ")]),
    ),
  ).toEqual(DEFAULT_STATUS_ALIASES);
});

test("the README lists the implementation words the engine flags", () => {
  const list = /got rather than what the review decided \(([^)]+)\)/u.exec(
    section.replace(/\s+/gu, " "),
  )?.[1];
  expect(list?.split(", ")).toEqual(IMPLEMENTATION_WORDS);
});

test("the README states the placeholder threshold the engine uses", () => {
  expect(section.replace(/\s+/gu, " ")).toContain(
    `still the template's prompt: two thirds (${Math.round(PLACEHOLDER_SHARE * 100)} %) or more of its meaningful words`,
  );
});
