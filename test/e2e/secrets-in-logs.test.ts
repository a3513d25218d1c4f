import { afterAll, beforeAll, expect, jest, test } from "@jest/globals";
import { FakeGitHub } from "../fake-github/fake-github.js";
import { HEAD_SHA, pullRequestEvent } from "../helpers/app.js";
import { fixture } from "../helpers/engine.js";
import {
  WEBHOOK_SECRET,
  sendWebhook,
  startServer,
  webhookHeaders,
  type RunningServer,
} from "../helpers/server.js";

jest.setTimeout(60_000);

let github: FakeGitHub;
let server: RunningServer;

beforeAll(async () => {
  github = new FakeGitHub();
  const base = await github.start();
  // The most talkative level: nothing logged at any level may carry a secret.
  server = await startServer(new URL(base).host, { LOG_LEVEL: "trace" });
});

afterAll(async () => {
  await server?.stop();
  await github?.stop();
});

test("a full run's logs, at trace level, hold no private key, token or webhook secret", async () => {
  github.setPullRequest("Codertocat/Hello-World", 2, {
    headSha: HEAD_SHA,
    files: { "docs/design/a.md": fixture("docs/filled-design-doc.md") },
  });
  const event = pullRequestEvent("opened");
  expect((await sendWebhook(server.url, event)).status).toBe(200);
  expect((await sendWebhook(server.url, event)).status).toBe(200);
  expect((await sendWebhook(server.url, event, "wrong-secret")).status).toBe(
    400,
  );
  const body = JSON.stringify({ padding: "x".repeat(2 * 1024 * 1024) });
  const oversized = await fetch(`${server.url}/api/github/webhooks`, {
    method: "POST",
    headers: webhookHeaders(event, body),
    body,
  });
  expect(oversized.status).toBe(413);
  await server.waitForLine("Webhook refused: body too large");
  await server.stop();

  const logs = server.output.join("\n");
  // The run happened and was logged: an empty log would pass the checks below.
  expect(logs).toContain('"deliveryId":"delivery-opened"');
  expect(logs).toContain("signature does not match");
  const keyLines = server.privateKey
    .split("\n")
    .filter((line) => line.length > 20 && !line.startsWith("-----"));
  expect(keyLines.length).toBeGreaterThan(10);
  for (const secret of [
    WEBHOOK_SECRET,
    "fake-installation-token",
    "PRIVATE KEY",
    ...keyLines,
  ])
    expect(logs).not.toContain(secret);
});
