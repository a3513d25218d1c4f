import type Bottleneck from "bottleneck";

/**
 * What a request is to GitHub's rules on spacing: a read (never held back), a write (one a
 * second per installation), or a write that notifies people (also three seconds apart).
 */
export type RequestKind = "read" | "write" | "notification";

/** How long writes, and writes that notify people, are held apart per installation. */
export interface SpacingIntervals {
  writeIntervalMs: number;
  notificationIntervalMs: number;
}

/** Holds each installation's writes apart; `wait` resolves when the write may start. */
export interface Spacing {
  wait(installation: string, kind: "write" | "notification"): Promise<void>;
}

// Routes whose writes notify people, as @octokit/plugin-throttling 11 lists them (generated
// there from GitHub's docs), so the bot spaces them as Probot's throttle did.
const NOTIFICATION_ROUTES = [
  "/orgs/{org}/invitations",
  "/orgs/{org}/invitations/{invitation_id}",
  "/orgs/{org}/teams/{team_slug}/discussions",
  "/orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments",
  "/repos/{owner}/{repo}/collaborators/{username}",
  "/repos/{owner}/{repo}/commits/{commit_sha}/comments",
  "/repos/{owner}/{repo}/issues",
  "/repos/{owner}/{repo}/issues/{issue_number}/comments",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issue",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority",
  "/repos/{owner}/{repo}/pulls",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies",
  "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
  "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
  "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "/repos/{owner}/{repo}/releases",
  "/teams/{team_id}/discussions",
  "/teams/{team_id}/discussions/{discussion_number}/comments",
];
const NOTIFIES = new RegExp(
  `^(?:${NOTIFICATION_ROUTES.map((route) => route.replace(/\{\w+\}/g, "(?:.+?)")).join("|")})[^/]*$`,
  "i",
);
// Token requests authenticate a write; they are not one (the throttle left them out too).
const AUTH =
  /^\/(?:app\/installations\/[^/]+\/access_tokens|applications\/[^/]+\/token(?:\/scoped)?|login\/oauth\/access_token)$/;

const pathOf = (url: string): string =>
  url.startsWith("/")
    ? url.split("?", 1)[0]!
    : new URL(url).pathname.replace(/^\/api\/v3(?=\/)/, "");

/** Whether `url` asks for a token: made from inside the request it authenticates. */
export function isTokenRequest(url: string): boolean {
  return AUTH.test(pathOf(url));
}

/** What `method url` is to the spacing rules; `url` is a route template, a path or a URL. */
export function kindOf(method: string, url: string): RequestKind {
  if (method === "GET" || method === "HEAD") return "read";
  const path = pathOf(url);
  if (AUTH.test(path)) return "read";
  return NOTIFIES.test(path) ? "notification" : "write";
}

/**
 * Spacing in this process: each installation's next free slot for a write and for a
 * notification, taken in call order, so the waits queue without a queue.
 */
export function createSpacing(
  intervals: SpacingIntervals,
  clock: { now(): number; sleep(ms: number): Promise<void> },
): Spacing {
  const next = new Map<string, { write: number; notification: number }>();
  return {
    wait(installation, kind) {
      const now = clock.now();
      const slots = next.get(installation) ?? { write: 0, notification: 0 };
      const start = Math.max(
        now,
        slots.write,
        kind === "notification" ? slots.notification : 0,
      );
      slots.write = start + intervals.writeIntervalMs;
      if (kind === "notification")
        slots.notification = start + intervals.notificationIntervalMs;
      next.set(installation, slots);
      return start > now ? clock.sleep(start - now) : Promise.resolve();
    },
  };
}

/**
 * Spacing shared by every replica through Bottleneck groups on one Redis connection, as
 * Probot's throttle shared its own; with `REDIS_URL` the server hands its connection in.
 */
export function createClusteredSpacing(
  intervals: SpacingIntervals,
  bottleneck: typeof Bottleneck,
  connection: Bottleneck.IORedisConnection | Bottleneck.RedisConnection,
): Spacing {
  const group = (id: string, minTime: number) =>
    new bottleneck.Group({
      id,
      // Only minTime: a slot is an empty job, and a replica killed while it held one under
      // maxConcurrent 1 would stop the installation's writes until the job expired.
      minTime,
      connection,
      // Redis keys of an idle installation expire, as the throttle's did.
      timeout: 120_000,
    });
  const writes = group("design-docs-write", intervals.writeIntervalMs);
  const notifications = group(
    "design-docs-notifications",
    intervals.notificationIntervalMs,
  );
  // Resolved as the slot's job starts: Bottleneck resolves `schedule` only after one more
  // round trip to Redis to free the job, and a write sent that much late lands closer to the
  // next replica's than the spacing.
  const slot = (limiter: Bottleneck) =>
    new Promise<void>((resolve, reject) => {
      limiter
        .schedule({ expiration: 60_000 }, () => {
          resolve();
          return Promise.resolve();
        })
        .catch(reject);
    });
  const slotOf = async (
    limiters: Bottleneck.Group,
    installation: string,
  ): Promise<void> => {
    try {
      await slot(limiters.key(installation));
    } catch (error) {
      if (!String(error).includes("SETTINGS_KEY_NOT_FOUND")) throw error;
      // Redis lost the limiter's keys (restarted without saving, or evicted them), and
      // Bottleneck never sets them up again by itself: a new limiter does.
      await limiters.deleteKey(installation);
      await slot(limiters.key(installation));
    }
  };
  return {
    async wait(installation, kind) {
      // The write slot last: it is the one taken just before the request goes out, so no
      // other replica's write lands between it and the request while this one waits.
      if (kind === "notification") await slotOf(notifications, installation);
      await slotOf(writes, installation);
    },
  };
}
