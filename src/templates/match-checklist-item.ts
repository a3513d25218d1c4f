import { normalizeText } from "../markdown/plain-text.js";
import type { TemplateSection } from "./types.js";

const STOP_WORDS = new Set(["a", "an", "and", "of", "the", "to", "for", "or"]);

/**
 * The section a checklist item speaks for ("Testing plan defined" → "Testing"): the section
 * whose title words are best covered by the item's words, leaf sections winning ties.
 */
export function matchChecklistItem(
  text: string,
  sections: readonly TemplateSection[],
): TemplateSection | undefined {
  const itemWords = new Set(wordsOf(text));
  let best: { section: TemplateSection; score: number } | undefined;
  for (const section of sections) {
    const titleWords = wordsOf(section.title);
    const shared = titleWords.filter((word) => itemWords.has(word)).length;
    if (shared === 0) continue;
    const score =
      shared / titleWords.length +
      shared / 100 +
      (section.container ? 0 : 1 / 1000);
    if (!best || score > best.score) best = { section, score };
  }
  return best?.section;
}

function wordsOf(text: string): string[] {
  return normalizeText(text)
    .split(" ")
    .filter((word) => word && !STOP_WORDS.has(word))
    .map((word) => word.replace(/s$/u, ""));
}
