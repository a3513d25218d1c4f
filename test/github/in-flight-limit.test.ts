import { expect, test } from "@jest/globals";
import { createDesignDocsOctokit } from "../../src/github/octokit.js";
import { createInFlightLimit } from "../../src/github/in-flight-limit.js";

test("past the limit, a request waits for one to end, first come first; other keys do not wait", async () => {
  const limit = createInFlightLimit(2);
  const started: string[] = [];
  const take = (name: string, key = "a") =>
    limit.acquire(key).then((done) => {
      started.push(name);
      return done;
    });
  const first = await take("1");
  await take("2");
  const third = take("3");
  const fourth = take("4");
  await take("other", "b");
  expect(started).toEqual(["1", "2", "other"]);
  first();
  first(); // a second call ends nothing more
  await third;
  expect(started).toEqual(["1", "2", "other", "3"]);
  await Promise.race([fourth, new Promise((resolve) => setImmediate(resolve))]);
  expect(started).not.toContain("4");
});

test("an installation's reads through the request pipeline are held to the limit at once", async () => {
  let inFlight = 0;
  let peak = 0;
  const fetch = async (): Promise<Response> => {
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 5));
    inFlight -= 1;
    return new Response("{}", {
      headers: { "content-type": "application/json" },
    });
  };
  const Octokit = createDesignDocsOctokit({ readsAtOnce: 3 });
  const quiet = () => undefined;
  const octokit = new Octokit({
    auth: { installationId: 1 },
    request: { fetch },
    log: { debug: quiet, info: quiet, warn: quiet, error: quiet } as never,
  });
  await Promise.all(
    Array.from({ length: 10 }, (_, index) =>
      octokit.request(`GET /repos/o/r/git/blobs/${index}`),
    ),
  );
  expect(peak).toBe(3);
});
