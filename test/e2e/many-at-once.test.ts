import { afterAll, expect, jest, test } from "@jest/globals";
import { FakeGitHub } from "../fake-github/fake-github.js";
import { HEAD_SHA, pullRequestEvent } from "../helpers/app.js";
import { fixture } from "../helpers/engine.js";
import {
  sendWebhook,
  startServer,
  type RunningServer,
} from "../helpers/server.js";

jest.setTimeout(60_000);

let github: FakeGitHub;
let server: RunningServer;
afterAll(async () => {
  await server?.stop();
  await github?.stop();
});

// Reads are held to 32 in flight per installation; the installation's token request is
// made from inside a read, and once queued behind 32 of them, no run of it ever ended.
test("more first deliveries at once for one installation than reads it may have in flight are all handled", async () => {
  github = new FakeGitHub({ delayMs: 0 });
  server = await startServer(new URL(await github.start()).host, {
    WRITE_INTERVAL_MS: "0",
    NOTIFICATION_INTERVAL_MS: "0",
  });
  const count = 40;
  const events = Array.from({ length: count }, (_, index) => {
    const number = index + 1;
    github.setPullRequest("Codertocat/Hello-World", number, {
      headSha: HEAD_SHA,
      files: { "docs/design/plan.md": fixture("docs/filled-design-doc.md") },
    });
    const event = pullRequestEvent("opened", (example) => {
      const payload = example as unknown as {
        number: number;
        pull_request: { number: number };
      };
      payload.number = number;
      payload.pull_request.number = number;
    });
    return { ...event, id: `delivery-${number}` };
  });
  const statuses = await Promise.all(
    events.map((event) => sendWebhook(server.url, event).then((r) => r.status)),
  );
  expect(statuses).toEqual(Array(count).fill(200));
  expect(
    github.requests.filter((request) =>
      request.path.endsWith("/access_tokens"),
    ),
  ).not.toHaveLength(0);
});
