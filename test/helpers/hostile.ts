import { readFileSync } from "node:fs";
import { fixture } from "./engine.js";

/** A file of the adversarial corpus in test/fixtures/hostile/, as bytes. */
export function hostileFile(name: string): Buffer {
  return readFileSync(new URL(`../fixtures/hostile/${name}`, import.meta.url));
}

const FILLED = (): string => fixture("docs/filled-design-doc.md");

/**
 * The corpus's large members, built here rather than committed: each is a few bytes of
 * generator for megabytes of Markdown. Sizes are the ones the issue names.
 */
export const GENERATED_HOSTILE_DOCS = {
  /** A quote nested 10,000 deep: past any recursive walker's call stack. */
  "deep-blockquote.md": () => `${"> ".repeat(10_000)}text\n`,
  /** The filled doc, then 10,000 more headings. */
  "ten-thousand-headings.md": () =>
    FILLED() +
    Array.from(
      { length: 10_000 },
      (_, index) => `\n## Extra ${index}\n\ntext\n`,
    ).join(""),
  /** The filled doc, padded with paragraphs to 5 MB. */
  "five-megabytes.md": () =>
    FILLED() +
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n\n".repeat(
      Math.ceil((5 * 1024 * 1024) / 58),
    ),
  /** The filled doc, then one line of 1 MB. */
  "one-megabyte-line.md": () => `${FILLED()}\n${"word ".repeat(200_000)}\n`,
  /** 160 kB of unclosed link openers: micromark backtracks for tens of seconds. */
  "nested-brackets.md": () => "[a](".repeat(40_000),
  /** Lists nested 5,000 deep on one line: seconds of micromark for 10 kB. */
  "nested-lists.md": () => `${"- ".repeat(5000)}x\n`,
  /** Brackets, images, code and emphasis openers, none closed. */
  "unclosed-openers.md": () => "[![`*_".repeat(20_000),
} as const;
