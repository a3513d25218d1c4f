import { expect, test } from "@jest/globals";
import { parseDate } from "../../src/validate/parse-date.js";

test.each([
  ["2026-01-08", 2026, 1, 8],
  ["2026/1/8", 2026, 1, 8],
  ["2032-12-01T00:00:00.000Z", 2032, 12, 1],
  ["16-05-2018", 2018, 5, 16],
  ["05/16/2018", 2018, 5, 16],
  ["Nov 25th 2021", 2021, 11, 25],
  ["January 8, 2025", 2025, 1, 8],
  ["03 December 2015", 2015, 12, 3],
  ["8 Sept. 2024", 2024, 9, 8],
])("%s is year %i, month %i, day %i", (text, year, month, day) => {
  expect(parseDate(text)).toEqual({ year, month, day });
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
