import { expect, test } from "@jest/globals";
import { formatDate, parseDate } from "../../src/validate/parse-date.js";

test.each([
  ["2026-01-08", "2026-01-08"],
  ["2026/1/8", "2026-01-08"],
  ["2032-12-01T00:00:00.000Z", "2032-12-01"],
  ["16-05-2018", "2018-05-16"],
  ["05/16/2018", "2018-05-16"],
  ["Nov 25th 2021", "2021-11-25"],
  ["January 8, 2025", "2025-01-08"],
  ["03 December 2015", "2015-12-03"],
  ["8 Sept. 2024", "2024-09-08"],
])("%s is %s", (text, iso) => {
  const date = parseDate(text);
  expect(date && formatDate(date)).toBe(iso);
});

test.each([
  "YYYY-MM-DD",
  "2026-02-30",
  "2026-13-01",
  "31-31-2020",
  "soon",
  "",
  "Ma 3 2020",
])("%j is not a date", (text) => {
  expect(parseDate(text)).toBeUndefined();
});
