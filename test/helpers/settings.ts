import { readFileSync } from "node:fs";

const ROOT = new URL("../../", import.meta.url);

/**
 * The environment variables the server reads: those src/serve/server-settings.ts reads, and
 * those .env.example explains (Probot's own among them: APP_ID, LOG_LEVEL, REDIS_URL, …).
 */
export function knownSettings(): Set<string> {
  const settings = readFileSync(
    new URL("src/serve/server-settings.ts", ROOT),
    "utf8",
  );
  const example = readFileSync(new URL(".env.example", ROOT), "utf8");
  return new Set([
    ...[
      ...settings.matchAll(
        /env\.([A-Z][A-Z0-9_]*)|env,\s*"([A-Z][A-Z0-9_]*)"/gu,
      ),
    ].map((match) => (match[1] ?? match[2])!),
    ...[...example.matchAll(/^(?:# )?([A-Z][A-Z0-9_]*)=/gmu)].map(
      (match) => match[1]!,
    ),
  ]);
}

/** The values .env.example gives, empty ones included (`HOST=` is ""). */
export function exampleValues(): Map<string, string> {
  const example = readFileSync(new URL(".env.example", ROOT), "utf8");
  return new Map(
    [...example.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gmu)].map((match) => [
      match[1]!,
      match[2]!.trim(),
    ]),
  );
}
