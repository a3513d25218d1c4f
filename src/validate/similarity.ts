/**
 * Words that say nothing of a section's subject. Left out of the comparison, so a real
 * section that shares "the", "of" and "design" with the template's prompt is not like it.
 */
const STOP_WORDS = new Set(
  (
    "a about all also an and any are as at be been being but by can could do does for from " +
    "had has have how i if in into is it its may more most must no not of on or our other " +
    "over should so such than that the their them then there these they this those to up " +
    "us was we were what when where which while who why will with would you your"
  ).split(" "),
);

/**
 * The words of normalised text that carry meaning, in order. Numbers are left out with the
 * stop words: "Phase 1 … Phase 2 …" is a plan's shape, not the template's words.
 */
export function meaningfulWords(units: readonly string[]): string[] {
  return units.flatMap((unit) =>
    unit
      .split(" ")
      .filter(
        (word) => word !== "" && !STOP_WORDS.has(word) && !/^\d+$/u.test(word),
      ),
  );
}

/**
 * The share of a section's meaningful words that the prompt holds too, each prompt word used
 * once (0 to 1). Order is ignored on purpose: a prompt with its clauses re-ordered, words
 * swapped or its end cut off is still mostly the prompt, while a section that quotes it and
 * goes on in its own words is mostly its own.
 */
export function shareOfPrompt(
  words: readonly string[],
  prompt: readonly string[],
): number {
  if (words.length === 0) return 0;
  const left = new Map<string, number>();
  for (const word of prompt) left.set(word, (left.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of words) {
    const count = left.get(word) ?? 0;
    if (count > 0) {
      shared += 1;
      left.set(word, count - 1);
    }
  }
  return shared / words.length;
}
