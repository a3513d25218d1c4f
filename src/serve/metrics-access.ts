import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

/**
 * Whether the request may read /metrics: anyone when no token is set, else only a request
 * with `Authorization: Bearer <token>`. Both sides are hashed first, so the comparison takes
 * the same time whatever the length or the first wrong character of what was sent.
 */
export function mayReadMetrics(
  request: IncomingMessage,
  token: string | undefined,
): boolean {
  if (token === undefined) return true;
  const sent = request.headers.authorization ?? "";
  const match = /^Bearer (.+)$/u.exec(sent);
  const given = match?.[1] ?? "";
  const equal = timingSafeEqual(digest(given), digest(token));
  return match !== null && equal;
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}
