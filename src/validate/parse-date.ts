const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
] as const;

/** A calendar date, without time or zone. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/**
 * Reads a date written the ways design docs write them: `2026-01-08`, `2026/01/08`,
 * `2026-01-08T00:00:00Z`, `16-05-2018`, `16.05.2018`, `Nov 25th 2021`, `January 8, 2025`,
 * `03 December 2015`. Returns undefined for anything that is not a real calendar date.
 */
export function parseDate(text: string): CalendarDate | undefined {
  const value = text.trim().toLowerCase();
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[t ][\d:.]+z?)?$/u.exec(
    value,
  );
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dayFirst = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/u.exec(value);
  if (dayFirst)
    return dayFirstOrMonthFirst(
      Number(dayFirst[1]),
      Number(dayFirst[2]),
      Number(dayFirst[3]),
    );
  const words = value.replace(/,/gu, " ").split(/\s+/u);
  return wordsDate(words);
}

function dayFirstOrMonthFirst(
  a: number,
  b: number,
  year: number,
): CalendarDate | undefined {
  return calendarDate(year, b, a) ?? calendarDate(year, a, b);
}

function wordsDate(words: readonly string[]): CalendarDate | undefined {
  if (words.length !== 3) return undefined;
  const monthIndex = words.findIndex((word) => monthOf(word) !== undefined);
  const yearIndex = words.findIndex((word) => /^\d{4}$/u.test(word));
  if (monthIndex === -1 || yearIndex === -1) return undefined;
  const dayWord =
    words.find((_, index) => index !== monthIndex && index !== yearIndex) ?? "";
  const day = /^(\d{1,2})(?:st|nd|rd|th)?$/u.exec(dayWord);
  if (!day) return undefined;
  return calendarDate(
    Number(words[yearIndex]),
    monthOf(words[monthIndex] ?? "") ?? 0,
    Number(day[1]),
  );
}

/** `jan`, `Jan.`, `sept` and `january` all name a month: any prefix of three letters or more. */
function monthOf(word: string): number | undefined {
  const name = word.replace(/\.$/u, "");
  if (name.length < 3) return undefined;
  const index = MONTHS.findIndex((month) => month.startsWith(name));
  return index === -1 ? undefined : index + 1;
}

function calendarDate(
  year: number,
  month: number,
  day: number,
): CalendarDate | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day;
  return real ? { year, month, day } : undefined;
}

/** Compares two dates: negative when `a` is earlier. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}
