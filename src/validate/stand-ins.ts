/**
 * Words that hold a place for content without being any: `TBD`, `TODO`, `Coming soon`, a lone
 * `?`, `...` or `-`. Matched on text with markup stripped, any case, trailing punctuation
 * ignored.
 */
const STAND_IN =
  /^(?:tbd|tba|tbc|todo|to-?do|wip|tk|xxx+|fixme|coming soon|to be (?:written|done|decided|determined|defined|added|completed|filled in)|fill(?: me)? in(?: later)?|later|pending|placeholder|\?+|\.{2,}|…|-+|–|—)(?=$|[\s:.,;!)(—–-])/iu;

/** How many more words a stand-in may carry and still be one: `TODO: write this`. */
const MAX_EXTRA_WORDS = 4;

/**
 * `N/A`, `None`, `Not applicable: <reason>`: an answer, not content left out. `None` and
 * `Nothing` only when they stand alone or before a colon or dash, so "None of the services…"
 * is prose.
 */
const NOT_APPLICABLE =
  /^(?:n\/a|n\.a\.?|not applicable|does not apply|(?:none|nothing|na)(?=$|\s*[:.,;!(—–-]))/iu;

/** Whether text (a section's lead, a field's value) is only a stand-in for content. */
export function isStandIn(text: string, wordCount = countWords(text)): boolean {
  const trimmed = text
    .trim()
    .replace(/[.!]+$/u, (dots) => (dots.length > 1 ? dots : ""));
  if (trimmed === "") return false;
  const match = STAND_IN.exec(trimmed);
  return match !== null && wordCount <= countWords(match[0]) + MAX_EXTRA_WORDS;
}

/** Whether text says the section does not apply (`N/A`, `None.`, `Not applicable: …`). */
export function isNotApplicable(text: string): boolean {
  return NOT_APPLICABLE.test(text.trim());
}

function countWords(text: string): number {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length;
}
