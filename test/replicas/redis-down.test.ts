import { afterAll, describe, expect, jest, test } from "@jest/globals";
import { FakeGitHub } from "../fake-github/fake-github.js";
import { HEAD_SHA, pullRequestEvent } from "../helpers/app.js";
import { fixture } from "../helpers/engine.js";
import {
  REDIS_MISSING,
  SKIP_REDIS,
  startRedis,
  type RunningRedis,
} from "../helpers/redis.js";
import {
  freePort,
  sendWebhook,
  startServer,
  type RunningServer,
} from "../helpers/server.js";

jest.setTimeout(60_000);
if (SKIP_REDIS) console.warn(`Skipping the Redis-down test: ${REDIS_MISSING}`);

const REPO = "Codertocat/Hello-World";
const sleep = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms));

(SKIP_REDIS ? describe.skip : describe)("the built server on Redis", () => {
  let github: FakeGitHub;
  let server: RunningServer;
  let redis: RunningRedis | undefined;
  afterAll(async () => {
    await server?.stop();
    await redis?.stop();
    await github?.stop();
  });

  test("with Redis away, deliveries get 503 and nothing is written, /ping answers, one log line per outage, and it recovers by itself", async () => {
    github = new FakeGitHub();
    const port = await freePort();
    server = await startServer(new URL(await github.start()).host, {
      REDIS_URL: `redis://127.0.0.1:${port}`,
    });
    github.setPullRequest(REPO, 2, {
      headSha: HEAD_SHA,
      files: { "docs/design/plan.md": fixture("docs/filled-design-doc.md") },
    });
    const unreachable = () =>
      server.output.filter((line) => line.includes("unreachable")).length;

    expect((await fetch(`${server.url}/ping`)).status).toBe(200);
    const notReady = await fetch(`${server.url}/ready`);
    expect(notReady.status).toBe(503);
    expect(await notReady.text()).toMatch(/redis: unreachable/);
    const refused = await sendWebhook(server.url, pullRequestEvent("opened"));
    expect(refused.status).toBe(503);
    expect(await refused.text()).toMatch(/Redis unreachable/);
    // Many reconnect attempts meanwhile, one line.
    await sleep(1500);
    expect(unreachable()).toBe(1);
    expect(
      github.requests.filter((request) => request.method !== "GET"),
    ).toEqual([]);

    redis = await startRedis(port);
    await server.waitForLine("reachable again");
    expect((await fetch(`${server.url}/ready`)).status).toBe(200);
    const handled = await sendWebhook(server.url, pullRequestEvent("opened"));
    expect(handled.status).toBe(200);
    expect(github.pullRequestState(REPO, 2).comments).toHaveLength(1);

    await redis.stop("SIGKILL");
    redis = undefined;
    while (unreachable() < 2) await sleep(50);
    expect(
      (await sendWebhook(server.url, pullRequestEvent("synchronize"))).status,
    ).toBe(503);
    expect((await fetch(`${server.url}/ping`)).status).toBe(200);
    await sleep(1000);
    expect(unreachable()).toBe(2);

    // Back empty (nothing saved): the lock and the write spacing set themselves up again.
    redis = await startRedis(port);
    while (
      server.output.filter((line) => line.includes("reachable again")).length <
      2
    )
      await sleep(50);
    github.setPullRequest(REPO, 2, {
      headSha: "f".repeat(40),
      files: {
        "docs/design/plan.md": fixture("docs/filled-design-doc.md").replace(
          "**Status:** In Review",
          "**Status:** Approved",
        ),
      },
    });
    const writes = github.writes().length;
    const again = await sendWebhook(
      server.url,
      pullRequestEvent("synchronize"),
    );
    expect(again.status).toBe(200);
    expect(github.writes().length).toBeGreaterThan(writes);
    expect(github.pullRequestState(REPO, 2)).toMatchObject({
      labels: ["Approved"],
    });
    expect(github.pullRequestState(REPO, 2).comments).toHaveLength(1);
  });
});
