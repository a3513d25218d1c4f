/** What the bot remembers about a PR between runs, kept hidden in its checklist comment. */
export interface CommentState {
  /** A status an allowed person asked for by label that the bot could not write itself. */
  pending?: { status: string; by: string } | undefined;
  /** A status the bot wrote into the docs for an allowed person, who counts as approving it. */
  setBy?: { status: string; by: string } | undefined;
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

/** The state a comment body holds; anything malformed reads as no state. */
export function decodeState(body: string): CommentState {
  const line = body.split("\n").find((text) => text.startsWith(PREFIX));
  if (!line?.endsWith(SUFFIX)) return {};
  try {
    const data: unknown = JSON.parse(line.slice(PREFIX.length, -SUFFIX.length));
    if (typeof data !== "object" || data === null) return {};
    const record = data as Record<string, unknown>;
    return {
      pending: readEntry(record.pending),
      setBy: readEntry(record.setBy),
    };
  } catch {
    return {};
  }
}

function readEntry(value: unknown): { status: string; by: string } | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { status, by } = value as Record<string, unknown>;
  return typeof status === "string" && typeof by === "string"
    ? { status, by }
    : undefined;
}
