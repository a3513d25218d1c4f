import { expect, test } from "@jest/globals";
import { withThrottling } from "../../src/github/octokit.js";

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
