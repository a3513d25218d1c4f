import { describe, expect, test } from "@jest/globals";
import { RequestError } from "@octokit/request-error";
import { createDesignDocsOctokit } from "../../src/github/octokit.js";
import {
  MAX_RATE_LIMIT_WAIT_S,
  decideRetry,
} from "../../src/github/request-pipeline.js";
import { createSpacing, kindOf } from "../../src/github/spacing.js";
import type { GitHubCall } from "../../src/metrics/create-metrics.js";

/** An answer the fake fetch gives: a status, a JSON body, headers. */
type Answer = { status: number; body?: unknown; headers?: object } | "hang";

/**
 * An Octokit on createDesignDocsOctokit over a fetch that answers from `answers` in turn (the
 * last one for ever), on a clock that stands still at `nowMs`. Each sleep is recorded and
 * held until `release` (or at once when `holdSleeps` is false).
 */
function harness(
  answers: Answer[],
  options: {
    holdSleeps?: boolean;
    nowMs?: number;
    timeoutMs?: number;
    countCall?: (call: GitHubCall) => void;
  } = {},
) {
  const fetched: string[] = [];
  const sleeps: number[] = [];
  const held: (() => void)[] = [];
  const warnings: string[] = [];
  const debug: { fields: object; message: string }[] = [];
  let next = 0;
  const fetch = (url: string, init: RequestInit): Promise<Response> => {
    fetched.push(`${init.method} ${new URL(url).pathname}`);
    const answer = answers[Math.min(next, answers.length - 1)]!;
    next += 1;
    if (answer === "hang")
      return new Promise((_resolve, reject) =>
        init.signal?.addEventListener("abort", () =>
          reject(init.signal?.reason),
        ),
      );
    return Promise.resolve(
      new Response(
        answer.status === 204 ? null : JSON.stringify(answer.body ?? {}),
        {
          status: answer.status,
          headers: { "content-type": "application/json", ...answer.headers },
        },
      ),
    );
  };
  const Octokit = createDesignDocsOctokit({
    ...(options.countCall && { countCall: options.countCall }),
    timeoutMs: options.timeoutMs ?? 10_000,
    now: () => options.nowMs ?? 0,
    sleep: (ms) => {
      sleeps.push(ms);
      return options.holdSleeps
        ? new Promise<void>((resolve) => held.push(resolve))
        : Promise.resolve();
    },
  });
  const log = {
    debug: (fields: object, message: string) => debug.push({ fields, message }),
    info: () => undefined,
    warn: (message: string) => warnings.push(message),
    error: () => undefined,
  };
  const octokit = (installationId: number) =>
    new Octokit({
      auth: { installationId },
      request: { fetch },
      log: log as never,
    });
  const release = () => held.splice(0).forEach((resolve) => resolve());
  return { octokit, fetched, sleeps, warnings, debug, release };
}

/** Lets every settled promise's callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

const ok: Answer = { status: 200, body: {} };
const secondary: Answer = {
  status: 403,
  body: { message: "You have exceeded a secondary rate limit." },
  headers: { "retry-after": "5" },
};

describe("spacing", () => {
  test("writes are spaced per installation, not across installations, and reads are not queued behind them", async () => {
    const { octokit, fetched, sleeps, release } = harness([ok], {
      holdSleeps: true,
    });
    const seven = octokit(7);
    const eight = octokit(8);
    const calls = [
      seven.request("POST /repos/seven/r/check-runs"),
      seven.request("PATCH /repos/seven/r/labels/WIP"),
      seven.request("POST /repos/seven/r/issues/2/comments"),
      seven.request("POST /repos/seven/r/issues/3/comments"),
      eight.request("POST /repos/eight/r/check-runs"),
      seven.request("GET /repos/seven/r/pulls/2"),
    ];
    await settle();
    // Installation 7's first write, installation 8's, and the read went out at once.
    expect(fetched.sort()).toEqual([
      "GET /repos/seven/r/pulls/2",
      "POST /repos/eight/r/check-runs",
      "POST /repos/seven/r/check-runs",
    ]);
    // 7's writes wait 1 s apart; its second comment also waits 3 s after its first.
    expect(sleeps).toEqual([1000, 2000, 5000]);
    release();
    await Promise.all(calls);
    expect(fetched).toHaveLength(6);
  });

  test("the slots: a write 1 s after the last write, a notification 3 s after the last notification too", async () => {
    let now = 0;
    const waits: number[] = [];
    const spacing = createSpacing(
      { writeIntervalMs: 1000, notificationIntervalMs: 3000 },
      {
        now: () => now,
        sleep: (ms) => {
          waits.push(ms);
          return Promise.resolve();
        },
      },
    );
    await spacing.wait("a", "notification");
    await spacing.wait("a", "write");
    await spacing.wait("a", "notification");
    now = 10_000;
    await spacing.wait("a", "write");
    expect(waits).toEqual([1000, 3000]);
  });

  test.each([
    ["GET", "/repos/{owner}/{repo}/pulls/{pull_number}/files", "read"],
    ["HEAD", "/repos/o/r", "read"],
    ["POST", "/app/installations/{installation_id}/access_tokens", "read"],
    ["POST", "/repos/{owner}/{repo}/check-runs", "write"],
    ["PUT", "/repos/{owner}/{repo}/contents/{path}", "write"],
    ["PATCH", "/repos/{owner}/{repo}/issues/comments/{comment_id}", "write"],
    ["POST", "/repos/{owner}/{repo}/issues/{issue_number}/labels", "write"],
    [
      "POST",
      "/repos/{owner}/{repo}/issues/{issue_number}/comments",
      "notification",
    ],
    ["POST", "/repos/o/r/pulls/2/reviews", "notification"],
    [
      "POST",
      "http://127.0.0.1:1/api/v3/repos/o/r/pulls/2/requested_reviewers",
      "notification",
    ],
  ])("%s %s is a %s", (method, url, kind) => {
    expect(kindOf(method, url)).toBe(kind);
  });
});

describe("retries", () => {
  test("a secondary rate limit waits its retry-after and is retried, each retry logged", async () => {
    const { octokit, fetched, sleeps, warnings } = harness([
      secondary,
      { ...secondary, status: 429 },
      ok,
    ]);
    await octokit(7).request("POST /repos/{owner}/{repo}/check-runs", {
      owner: "o",
      repo: "r",
      name: "Design docs",
      head_sha: "h1",
    });
    expect(fetched).toHaveLength(3);
    // Two 1 s write slots taken by the retries, and the 5 s waits.
    expect(sleeps.filter((ms) => ms === 5000)).toHaveLength(2);
    expect(warnings).toEqual([
      "Secondary rate limit on POST /repos/{owner}/{repo}/check-runs: retrying in 5 s",
      "Secondary rate limit on POST /repos/{owner}/{repo}/check-runs: retrying in 5 s",
    ]);
  });

  test("a secondary rate limit gives up after 3 retries, and says so", async () => {
    const { octokit, fetched, warnings } = harness([secondary]);
    await expect(octokit(7).request("GET /repos/o/r")).rejects.toMatchObject({
      status: 403,
    });
    expect(fetched).toHaveLength(4);
    expect(warnings.at(-1)).toBe(
      "Secondary rate limit on GET /repos/o/r: giving up",
    );
  });

  test("a spent rate limit waits for a near reset, and fails at once on a far one", async () => {
    const reset = (inS: number): Answer => ({
      status: 403,
      body: { message: "API rate limit exceeded" },
      headers: {
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset": String(1_000_000 + inS),
      },
    });
    const near = harness([reset(10), ok], { nowMs: 1_000_000_000 });
    await near.octokit(7).request("GET /repos/o/r");
    expect(near.sleeps).toEqual([11_000]);
    const far = harness([reset(3600)], { nowMs: 1_000_000_000 });
    await expect(
      far.octokit(7).request("GET /repos/o/r"),
    ).rejects.toMatchObject({ status: 403 });
    expect(far.fetched).toHaveLength(1);
    expect(far.warnings).toEqual([
      "Rate limit on GET /repos/o/r: spent until 1970-01-12T14:46:40.000Z, giving up",
    ]);
  });

  test("a 5xx is retried with back-off 1, 4, 9 s, then surfaced", async () => {
    const { octokit, fetched, sleeps } = harness([{ status: 502 }]);
    await expect(octokit(7).request("GET /repos/o/r")).rejects.toMatchObject({
      status: 502,
    });
    expect(fetched).toHaveLength(4);
    expect(sleeps).toEqual([1000, 4000, 9000]);
  });

  test("a 5xx answered next time is the answer", async () => {
    const { octokit, fetched } = harness([{ status: 503 }, { ...ok, body: 1 }]);
    expect((await octokit(7).request("GET /repos/o/r")).data).toBe(1);
    expect(fetched).toHaveLength(2);
  });

  test("no answer by the deadline is retried", async () => {
    const { octokit, fetched, warnings } = harness(["hang", ok], {
      timeoutMs: 20,
    });
    await octokit(7).request("GET /repos/o/r");
    expect(fetched).toHaveLength(2);
    expect(warnings).toEqual(["No answer on GET /repos/o/r: retrying in 1 s"]);
  });

  test.each([400, 401, 403, 404, 409, 410, 422])(
    "a %i is GitHub's answer, not retried",
    async (status) => {
      const { octokit, fetched, warnings } = harness([{ status }]);
      await expect(octokit(7).request("GET /repos/o/r")).rejects.toMatchObject({
        status,
      });
      expect(fetched).toHaveLength(1);
      expect(warnings).toEqual([]);
    },
  );

  test("decideRetry: errors that are not GitHub's answers are not retried; retries stop at 3", () => {
    const error = (status: number) =>
      new RequestError("x", status, {
        request: { method: "GET", url: "/", headers: {} },
      });
    expect(decideRetry(new TypeError("bug"), 0, "GET /", 0)).toEqual({
      retry: false,
    });
    expect(
      [0, 1, 2, 3].map(
        (retries) => decideRetry(error(500), retries, "GET /", 0).retry,
      ),
    ).toEqual([true, true, true, false]);
    expect(MAX_RATE_LIMIT_WAIT_S).toBe(60);
  });
});

describe("metrics", () => {
  test("every answer is counted, each retry too, by its route template, with the installation and its rate limit left", async () => {
    const calls: GitHubCall[] = [];
    const { octokit } = harness(
      [
        { status: 502 },
        { ...ok, headers: { "x-ratelimit-remaining": "4321" } },
      ],
      { countCall: (call) => calls.push(call) },
    );
    await octokit(7).request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
      owner: "acme",
      repo: "secret-repo",
      pull_number: 3,
    });
    const route = "/repos/{owner}/{repo}/pulls/{pull_number}";
    expect(calls).toEqual([
      {
        method: "GET",
        url: route,
        status: 502,
        installationId: 7,
        rateLimitRemaining: undefined,
      },
      {
        method: "GET",
        url: route,
        status: 200,
        installationId: 7,
        rateLimitRemaining: "4321",
      },
    ]);
  });
});

describe("logging", () => {
  test("each request is logged at debug as Probot's request logging did: method, URL, status, body fields", async () => {
    const { octokit, debug } = harness([{ status: 201 }, { status: 404 }]);
    await octokit(7).request("POST /repos/{owner}/{repo}/check-runs", {
      owner: "o",
      repo: "r",
      name: "Design docs",
      head_sha: "h1",
    });
    await expect(octokit(7).request("GET /repos/o/gone")).rejects.toThrow();
    expect(debug).toEqual([
      {
        fields: { name: "Design docs", head_sha: "h1" },
        message:
          "GitHub request: POST https://api.github.com/repos/o/r/check-runs - 201",
      },
      {
        fields: {},
        message:
          "GitHub request: GET https://api.github.com/repos/o/gone - 404",
      },
    ]);
  });
});

describe("with Redis", () => {
  test("the write spacing goes through Bottleneck groups on the connection Probot hands in, keyed by installation", async () => {
    const groups: { options: Record<string, unknown>; keys: string[] }[] = [];
    class FakeGroup {
      keys: string[] = [];
      constructor(readonly options: Record<string, unknown>) {
        groups.push(this);
      }
      key(name: string) {
        this.keys.push(name);
        return {
          schedule: (_options: object, job: () => Promise<void>) => job(),
        };
      }
    }
    const connection = { redis: true };
    const Octokit = createDesignDocsOctokit();
    const octokit = new Octokit({
      auth: { installationId: 7 },
      throttle: { Bottleneck: { Group: FakeGroup }, connection },
      request: {
        fetch: () => Promise.resolve(new Response("{}", { status: 200 })),
      },
    });
    await octokit.request("GET /repos/o/r");
    await octokit.request("POST /repos/o/r/issues/2/comments");
    expect(
      groups.map(({ options, keys }) => ({
        id: options.id,
        minTime: options.minTime,
        connection: options.connection,
        keys,
      })),
    ).toEqual([
      {
        id: "design-docs-write",
        minTime: 1000,
        connection,
        keys: ["installation-7"],
      },
      {
        id: "design-docs-notifications",
        minTime: 3000,
        connection,
        keys: ["installation-7"],
      },
    ]);
  });

  test("a notification waits for its notification slot first, then takes the write slot just before it goes out", async () => {
    const slots: string[] = [];
    class FakeGroup {
      constructor(readonly options: { id: string }) {}
      key() {
        return {
          schedule: (_options: object, job: () => Promise<void>) => {
            slots.push(this.options.id);
            return job();
          },
        };
      }
    }
    const Octokit = createDesignDocsOctokit();
    const octokit = new Octokit({
      auth: { installationId: 7 },
      throttle: { Bottleneck: { Group: FakeGroup }, connection: {} },
      request: {
        fetch: () => Promise.resolve(new Response("{}", { status: 200 })),
      },
    });
    await octokit.request("POST /repos/o/r/issues/2/comments");
    expect(slots).toEqual(["design-docs-notifications", "design-docs-write"]);
  });
});
