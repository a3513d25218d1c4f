import { createHash } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { RequestError } from "@octokit/request-error";
import type { Octokit } from "@octokit/rest";
import { writeWhole } from "./write-whole.js";

/** What a run asked GitHub, as the progress line and the benchmark tell it. */
export interface RequestTally {
  /** Requests sent to GitHub, each retry too. */
  sent: number;
  /** Of those, the ones GitHub answered 304 Not Modified, which it does not charge. */
  notModified: number;
  /** Blobs read from the cache, never asked for. */
  cached: number;
  /** `x-ratelimit-remaining` of the latest answer; undefined before the first. */
  rateLimitRemaining: number | undefined;
}

/** An answer as the cache keeps it: enough to stand in for GitHub's on a 304. */
interface CachedAnswer {
  url: string;
  etag: string | undefined;
  link: string | undefined;
  data: unknown;
}

type OctokitPlugin = Parameters<typeof Octokit.plugin>[0];
/** An answer as Octokit's `request` hooks pass it on. */
interface Answer {
  status: number;
  url: string;
  headers: Record<string, string | number | undefined>;
  data: unknown;
}
type RequestOptions = Record<string, unknown> & {
  method: string;
  headers?: Record<string, string | number | undefined>;
};

// A blob is named by the hash of its bytes: what is cached under its sha never changes.
const IMMUTABLE = /\/git\/blobs\/[\da-f]{40,64}$/u;

/**
 * An Octokit plugin that tallies every request sent to GitHub and, given a folder, keeps GET
 * answers there: a blob is never asked for twice; any other answer with an ETag is asked for
 * again with `If-None-Match`, and GitHub's 304 (not charged against the rate limit) is
 * answered from the folder. It goes inside the request pipeline, so each retry is a request
 * of its own. A cache file that cannot be read is a miss; one that cannot be written is
 * reported once through `warn`, and the run goes on without it.
 */
export function requestCache(
  tally: RequestTally,
  folder: string | undefined,
  warn: (message: string) => void,
): OctokitPlugin {
  let unwritable = false;
  if (folder !== undefined)
    try {
      // Private repositories' files and PR lists: for the user's eyes only.
      mkdirSync(folder, { recursive: true, mode: 0o700 });
    } catch (error) {
      warn(
        `cannot use ${folder} as the cache: ${(error as Error).message}; going on without it`,
      );
      folder = undefined;
    }
  const store = (file: string, answer: CachedAnswer): void => {
    try {
      writeWhole(file, JSON.stringify(answer), 0o600);
    } catch (error) {
      if (!unwritable)
        warn(
          `cannot write the cache in ${folder}: ${(error as Error).message}; going on without it`,
        );
      unwritable = true;
    }
  };
  return (octokit) => {
    const wrap = async (
      request: (options: RequestOptions) => Promise<Answer>,
      options: RequestOptions,
    ): Promise<Answer> => {
      const count = (headers: Answer["headers"] | undefined) => {
        const remaining = Number(headers?.["x-ratelimit-remaining"]);
        if (Number.isFinite(remaining)) tally.rateLimitRemaining = remaining;
      };
      const send = async () => {
        tally.sent += 1;
        try {
          const answer = await request(options);
          count(answer.headers);
          return answer;
        } catch (error) {
          if (error instanceof RequestError) count(error.response?.headers);
          throw error;
        }
      };
      if (folder === undefined || options.method !== "GET") return send();

      const { url } = octokit.request.endpoint(options as never);
      const accept = String(options.headers?.accept ?? "");
      const key = createHash("sha256")
        .update(`${accept}\n${url}`)
        .digest("hex");
      const file = join(folder, `${key}.json`);
      const cached = readCached(file, url);
      const replay = (from: CachedAnswer, headers: Answer["headers"]) => ({
        status: 200,
        url,
        headers: { ...headers, etag: from.etag, link: from.link },
        data: from.data,
      });
      if (cached && IMMUTABLE.test(url)) {
        tally.cached += 1;
        return replay(cached, {});
      }
      try {
        // In place: a `wrap` hook's inner chain is bound to this very object.
        if (cached?.etag !== undefined)
          options.headers = {
            ...options.headers,
            "if-none-match": cached.etag,
          };
        const answer = await send();
        const etag = answer.headers.etag;
        if (
          answer.status === 200 &&
          (IMMUTABLE.test(url) || typeof etag === "string")
        )
          store(file, {
            url,
            etag: typeof etag === "string" ? etag : undefined,
            link: stringOrUndefined(answer.headers.link),
            data: answer.data,
          });
        return answer;
      } catch (error) {
        if (!(error instanceof RequestError) || error.status !== 304 || !cached)
          throw error;
        tally.notModified += 1;
        return replay(cached, error.response?.headers ?? {});
      }
    };
    octokit.hook.wrap("request", wrap as never);
  };
}

/** The cached answer for `url`, or undefined when there is none that can be read. */
function readCached(file: string, url: string): CachedAnswer | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
  if (
    typeof parsed !== "object" ||
    parsed === null ||
    !("url" in parsed) ||
    parsed.url !== url ||
    !("data" in parsed)
  )
    return undefined;
  return parsed as CachedAnswer;
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
