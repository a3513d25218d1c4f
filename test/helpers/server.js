// Starts the built server as a child process, and sends it webhooks as GitHub does. Plain
// JavaScript so that `npm run test:load` runs it without a compiler; its types are in
// server.d.ts.
import { spawn } from "node:child_process";
import { createHmac, generateKeyPairSync } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
/** The webhook secret the test server is started with. */
export const WEBHOOK_SECRET = "e2e-webhook-secret";
/** The built server, started as `npm start` would after its build. */
const SERVER = new URL("../../lib/server.js", import.meta.url).pathname;
/** A TCP port nothing listens on right now. */
export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string")
    throw new Error("no port");
  return address.port;
}
/**
 * Starts `lib/server.js` in production mode against a GitHub API at `githubHost`
 * (`127.0.0.1:PORT`, plain HTTP), in an empty working directory so no `.env` is read.
 */
export async function startServer(githubHost, env = {}) {
  const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 })
    .privateKey.export({ type: "pkcs1", format: "pem" })
    .toString();
  const server = await spawnServer(
    mkdtempSync(join(tmpdir(), "design-docs-e2e-")),
    {
      NODE_ENV: "production",
      APP_ID: "1",
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET,
      GHE_HOST: githubHost,
      GHE_PROTOCOL: "http",
      LOG_FORMAT: "json",
      ...env,
    },
  );
  return { ...server, privateKey };
}

/**
 * Starts `lib/server.js` as a first run does: no app yet, so only Probot's setup page, in
 * `cwd` (which holds the app.yml and package.json it reads).
 */
export function startSetupServer(cwd) {
  return spawnServer(cwd, {});
}

async function spawnServer(cwd, env) {
  const port = await freePort();
  const child = spawn(process.execPath, [SERVER], {
    cwd,
    env: {
      PATH: process.env.PATH ?? "",
      HOST: "127.0.0.1",
      PORT: String(port),
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = [];
  const waiters = [];
  const exited = new Promise((resolve) =>
    child.on("exit", (code) => resolve(code)),
  );
  const listening = new Promise((resolve, reject) => {
    const read = (chunk) => {
      output.push(...chunk.toString().split("\n").filter(Boolean));
      for (const waiter of [...waiters]) {
        const line = output.find((entry) => entry.includes(waiter.text));
        if (line !== undefined) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
      if (output.some((line) => line.includes("Listening on"))) resolve();
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    void exited.then((code) =>
      reject(new Error(`server exited with ${code}:\n${output.join("\n")}`)),
    );
  });
  await listening;
  return {
    url: `http://127.0.0.1:${port}`,
    output,
    process: child,
    exited,
    waitForLine(text) {
      const line = output.find((entry) => entry.includes(text));
      if (line !== undefined) return Promise.resolve(line);
      return new Promise((resolve) => waiters.push({ text, resolve }));
    },
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}
/** The headers GitHub sends with a webhook, signed with `secret`. */
export function webhookHeaders(event, body, secret = WEBHOOK_SECRET) {
  const signature = createHmac("sha256", secret).update(body).digest("hex");
  return {
    "content-type": "application/json",
    "x-github-event": event.name,
    "x-github-delivery": event.id,
    "x-hub-signature-256": `sha256=${signature}`,
    "user-agent": "GitHub-Hookshot/test",
  };
}
/** POSTs a webhook the way GitHub does: JSON body, event headers, HMAC signature. */
export async function sendWebhook(url, event, secret = WEBHOOK_SECRET) {
  const body = JSON.stringify(event.payload);
  return fetch(`${url}/api/github/webhooks`, {
    method: "POST",
    headers: webhookHeaders(event, body, secret),
    body,
  });
}
