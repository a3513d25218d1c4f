import { LRUCache } from "lru-cache";
import { CONFIG_PATH } from "../config/parse-config.js";
import type { GitBlob } from "./client.js";

/** A doc's blob, read: its text, or the reason it cannot be read. */
export type ReadBlob =
  | { kind: "doc"; size: number; text: string }
  | { kind: "unreadable"; size: number; reason: string };

/**
 * Docs' text by blob sha. A blob's sha is the hash of its content, so an entry never goes
 * stale: a doc unchanged since the last event is not fetched again. Bounded by bytes.
 */
export type DocCache = LRUCache<string, ReadBlob>;

/** A doc cache holding up to `maxBytes` of docs in all. */
export function createDocCache(maxBytes = 64 * 1024 * 1024): DocCache {
  return new LRUCache<string, ReadBlob>({
    maxSize: maxBytes,
    sizeCalculation: (entry) => Math.max(1, entry.size),
  });
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/** Decodes a blob; bytes that are not UTF-8 text are a reason, not an error. */
export function readBlob(blob: GitBlob): ReadBlob {
  let text: string;
  try {
    text = decoder.decode(blob.bytes);
  } catch {
    return {
      kind: "unreadable",
      size: blob.size,
      reason: "The file is not UTF-8 text; save it as UTF-8 Markdown",
    };
  }
  if (text.includes("\u0000")) {
    return {
      kind: "unreadable",
      size: blob.size,
      reason:
        "The file holds NUL bytes, so it is binary, not Markdown; save it as UTF-8 Markdown",
    };
  }
  return { kind: "doc", size: blob.size, text };
}

/** The reason a blob is too large to read, or undefined when it is within the limit. */
export function oversizeReason(
  size: number,
  maxFileSize: number,
): string | undefined {
  return size > maxFileSize
    ? `The file is ${size} bytes, over the ${maxFileSize}-byte limit (maxFileSize in ${CONFIG_PATH}); split it or raise the limit`
    : undefined;
}
