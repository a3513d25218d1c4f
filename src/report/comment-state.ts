import { splitLines } from "../markdown/split-lines.js";

/**
 * What the bot remembers about a PR between runs, kept hidden in its checklist comment. Anyone
 * who can edit the comment can edit this, so it is a cache that can only withhold: nothing in
 * it grants an approval or lets a label stand until GitHub's own records confirm it.
 */
export interface CommentState {
  /** A status asked for by label that the bot could not write itself (suggested instead). */
  pending?: { status: string } | undefined;
}

const PREFIX = "<!-- design-docs-bot: state ";
const SUFFIX = " -->";

/** The hidden state line, or nothing when there is nothing to remember. */
export function encodeState(state: CommentState): string[] {
  const kept = Object.fromEntries(
    Object.entries(state).filter(([, value]) => value !== undefined),
  );
  if (Object.keys(kept).length === 0) return [];
  // No `<`, `>` or `--` may appear inside an HTML comment: escape them the JSON way.
  const json = JSON.stringify(kept)
    .replace(/</gu, "\\u003c")
    .replace(/>/gu, "\\u003e")
    .replace(/-/gu, "\\u002d");
  return [`${PREFIX}${json}${SUFFIX}`];
}

/**
 * The state a comment body holds; anything malformed reads as no state. A body edited on
 * GitHub's web page comes back with CRLF line endings.
 */
export function decodeState(body: string): CommentState {
  const line = splitLines(body).find((entry) =>
    entry.text.startsWith(PREFIX),
  )?.text;
  if (!line?.endsWith(SUFFIX)) return {};
  try {
    const data: unknown = JSON.parse(line.slice(PREFIX.length, -SUFFIX.length));
    if (typeof data !== "object" || data === null) return {};
    const { pending } = data as Record<string, unknown>;
    const status =
      typeof pending === "object" && pending !== null
        ? (pending as Record<string, unknown>).status
        : undefined;
    return typeof status === "string" ? { pending: { status } } : {};
  } catch {
    return {};
  }
}
