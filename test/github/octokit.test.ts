import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import nock from "nock";
import {
  RequestTimeoutError,
  requestsWithin,
  withThrottling,
} from "../../src/github/octokit.js";

type Throttle = {
  id: string;
  enabled?: boolean;
  onSecondaryRateLimit: (
    retryAfter: number,
    options: { method: string; url: string; request: { retryCount: number } },
    octokit: { log: { warn: (message: string) => void } },
  ) => boolean;
};

const throttleOf = (options: Record<string, unknown>): Throttle =>
  withThrottling(options).throttle as Throttle;

test("each installation gets its own throttle queue; Probot's other throttle settings stay", () => {
  expect(
    throttleOf({ auth: { installationId: 7 }, throttle: { enabled: true } }),
  ).toMatchObject({
    id: "installation-7",
    enabled: true,
  });
  expect(throttleOf({ auth: { installationId: 8 } }).id).toBe("installation-8");
  expect(throttleOf({}).id).toBe("installation-app");
});

test("a secondary rate limit is retried up to three times, each logged", () => {
  const { onSecondaryRateLimit } = throttleOf({});
  const warnings: string[] = [];
  const octokit = {
    log: { warn: (message: string) => warnings.push(message) },
  };
  const request = (retryCount: number) => ({
    method: "POST",
    url: "/repos/{owner}/{repo}/check-runs",
    request: { retryCount },
  });
  expect(
    [0, 1, 2, 3].map((count) =>
      onSecondaryRateLimit(5, request(count), octokit),
    ),
  ).toEqual([true, true, true, false]);
  expect(warnings[0]).toBe(
    "Secondary rate limit on POST /repos/{owner}/{repo}/check-runs: retrying in 5 s",
  );
  expect(warnings[3]).toBe(
    "Secondary rate limit on POST /repos/{owner}/{repo}/check-runs: giving up",
  );
});

describe("requestsWithin", () => {
  const { fetch } = requestsWithin(200);
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());

  test("an answer in time comes back whole: status, headers, body and url", async () => {
    nock("https://api.github.com")
      .get("/repos/o/r")
      .reply(200, { name: "r" }, { etag: '"e"' })
      .delete("/repos/o/r/labels/WIP")
      .reply(204);
    const answer = await fetch("https://api.github.com/repos/o/r");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("etag")).toBe('"e"');
    expect(answer.url).toBe("https://api.github.com/repos/o/r");
    expect(await answer.json()).toEqual({ name: "r" });
    const empty = await fetch("https://api.github.com/repos/o/r/labels/WIP", {
      method: "DELETE",
    });
    expect(empty.status).toBe(204);
  });

  test("no answer, or a body cut short, by the deadline is a RequestTimeoutError", async () => {
    nock("https://api.github.com")
      .get("/slow")
      .delay(1000)
      .reply(200, {})
      .get("/slow-body")
      .delayBody(1000)
      .reply(200, { a: 1 });
    for (const path of ["/slow", "/slow-body"]) {
      const answer = fetch(`https://api.github.com${path}`);
      await expect(answer).rejects.toBeInstanceOf(RequestTimeoutError);
      await expect(answer).rejects.toThrow(
        "GitHub did not answer within 200 ms",
      );
    }
  });

  test("the caller's own abort is not taken for a timeout", async () => {
    nock("https://api.github.com").get("/slow").delay(1000).reply(200, {});
    const caller = new AbortController();
    const answer = fetch("https://api.github.com/slow", {
      signal: caller.signal,
    });
    caller.abort();
    await expect(answer).rejects.toMatchObject({ name: "AbortError" });
  });
});
