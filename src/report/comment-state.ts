import { isRecord } from "../config/read-values.js";
import { splitLines } from "../markdown/split-lines.js";

/**
 * What the bot remembers about a PR between runs, kept hidden in its checklist comment. Anyone
 * who can edit the comment can edit this, so it is a cache that can only withhold: nothing in
 * it grants an approval or lets a label stand until GitHub's own records confirm it.
 */
export interface CommentState {
  /** A status asked for by label that the bot could not write itself (suggested instead). */
  pending?: { status: string } | undefined;
  /** Per status, the reviews the bot requested when a doc reached it: once per PR and status. */
  reviews?: Record<string, AskedReviews> | undefined;
}

/** Reviews the bot requested for one status. */
export interface AskedReviews {
  /** Who was asked, as the config names them: `alice`, `@acme/architects`. */
  asked: string[];
  /** Those GitHub refused to ask (not collaborators, say), and what it said. */
  refused?: { names: string[]; reason: string } | undefined;
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
    if (!isRecord(data)) return {};
    const status = isRecord(data.pending) ? data.pending.status : undefined;
    const reviews = readReviews(data.reviews);
    return {
      ...(typeof status === "string" ? { pending: { status } } : {}),
      ...(reviews ? { reviews } : {}),
    };
  } catch {
    return {};
  }
}

/** The remembered review requests, each entry checked; anything malformed is left out. */
function readReviews(value: unknown): Record<string, AskedReviews> | undefined {
  if (!isRecord(value)) return undefined;
  const reviews: Record<string, AskedReviews> = {};
  for (const [status, entry] of Object.entries(value)) {
    if (!isRecord(entry) || !Array.isArray(entry.asked)) continue;
    const refused = isRecord(entry.refused) ? entry.refused : undefined;
    Object.defineProperty(reviews, status, {
      value: {
        asked: strings(entry.asked),
        ...(refused && typeof refused.reason === "string"
          ? {
              refused: {
                names: strings(refused.names),
                reason: refused.reason,
              },
            }
          : {}),
      },
      enumerable: true,
    });
  }
  return reviews;
}

function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === "string")
    : [];
}
