import { createHash } from "node:crypto";
import { escapeLine, unicodeEscape } from "./escape-line.js";

/** What a status commit of the bot's sets: one doc's Status, the blob it wrote, and why. */
export interface StatusCommit {
  path: string;
  status: string;
  /** The git blob sha of the doc as the commit wrote it. */
  blob: string;
  /** The id of the issue event (a person adding the status label) the commit carried out. */
  labelEvent: number | undefined;
}

const TRAILERS = {
  path: "Design-Docs-Path",
  status: "Design-Docs-Status",
  blob: "Design-Docs-Blob",
  labelEvent: "Design-Docs-Label-Event",
} as const;

/**
 * The message of the bot's commit setting a doc's Status: a subject on one line, then
 * trailers that say exactly what it wrote and for which label event. Only commits GitHub
 * shows as made by the bot itself are read back (see findStatusSettings).
 */
export function statusCommitMessage(commit: StatusCommit): string {
  return [
    `docs(design): set status of ${escapeLine(commit.path)} to ${escapeLine(commit.status)}`,
    "",
    `${TRAILERS.path}: ${jsonLine(commit.path)}`,
    `${TRAILERS.status}: ${jsonLine(commit.status)}`,
    `${TRAILERS.blob}: ${commit.blob}`,
    ...(commit.labelEvent === undefined
      ? []
      : [`${TRAILERS.labelEvent}: ${commit.labelEvent}`]),
  ].join("\n");
}

/** What a status commit's message says it wrote, or undefined when it is not one. */
export function readStatusCommit(message: string): StatusCommit | undefined {
  const value = (name: string): string | undefined => {
    const line = message
      .split("\n")
      .find((entry) => entry.startsWith(`${name}: `));
    return line?.slice(name.length + 2);
  };
  try {
    const path: unknown = JSON.parse(value(TRAILERS.path) ?? "null");
    const status: unknown = JSON.parse(value(TRAILERS.status) ?? "null");
    const blob = value(TRAILERS.blob);
    const event = value(TRAILERS.labelEvent);
    return typeof path === "string" &&
      typeof status === "string" &&
      blob !== undefined &&
      /^[0-9a-f]{40}$/u.test(blob)
      ? {
          path,
          status,
          blob,
          labelEvent:
            event !== undefined && /^\d+$/u.test(event)
              ? Number(event)
              : undefined,
        }
      : undefined;
  } catch {
    return undefined;
  }
}

/** The sha git gives a blob of these bytes: what GitHub's file list shows for the doc. */
export function gitBlobSha(bytes: Uint8Array): string {
  return createHash("sha1")
    .update(`blob ${bytes.length}\0`)
    .update(bytes)
    .digest("hex");
}

/** A string as JSON on one line: JSON leaves U+2028, U+2029 and C1 controls as they are. */
function jsonLine(text: string): string {
  return JSON.stringify(text).replace(
    /[\u007f-\u009f\u2028\u2029]/gu,
    unicodeEscape,
  );
}
