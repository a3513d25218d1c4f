// One server of bench/server-overhead.js, in a process of its own so that its CPU is counted
// alone: `bot` is Design Docs Bot's server as `npm start` builds it (lib/create-server.js:
// the webhook server, Probot, the app, its worker pool and metrics), with GitHub's write
// spacing off (a timer, not work); `bare` is a Probot 14 app whose handler does nothing,
// served by Probot's own Node middleware on node:http; `replay` is the same bare app with a
// handler that makes the bot's GitHub calls for the PR (sent by the parent, replayed in
// order through plain @octokit/core) and decides nothing. Tells its parent its port, and answers
// "cpu" with its process.cpuUsage() (every thread: the bot's parse workers included).
import { createServer } from "node:http";
import { Octokit } from "@octokit/core";
import { createProbotAuth } from "octokit-auth-probot";
import { createNodeMiddleware, createProbot } from "probot";
import { replayCalls } from "./fresh-pull.js";

const kind = process.argv[2];
/** The bot's calls for one delivery, for `replay`. */
let calls = [];
// At info, as in production: the bot writes its one line per delivery (to /dev/null here).
const env = { ...process.env, LOG_LEVEL: "info" };
let server;
if (kind === "bot") {
  const { createDesignDocsServer } = await import("../lib/create-server.js");
  const { readServerSettings } =
    await import("../lib/serve/server-settings.js");
  const read = readServerSettings(env);
  if ("problem" in read) throw new Error(read.problem);
  ({ server } = await createDesignDocsServer(read.settings, env, {
    writeIntervalMs: 0,
    notificationIntervalMs: 0,
  }));
} else {
  const nothing = async () => undefined;
  const replay = (context) => replayCalls(context, calls);
  const probot = createProbot({
    env,
    overrides:
      kind === "replay"
        ? { Octokit: Octokit.defaults({ authStrategy: createProbotAuth }) }
        : {},
  });
  const middleware = await createNodeMiddleware(
    (app) => app.on("pull_request", kind === "replay" ? replay : nothing),
    { probot },
  );
  server = createServer(async (request, response) => {
    if (!(await middleware(request, response))) {
      response.writeHead(404);
      response.end("not found");
    }
  });
}
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
process.send({ port: server.address().port });
process.on("message", (message) => {
  if (message === "cpu") process.send({ cpu: process.cpuUsage() });
  else if (message.calls) calls = message.calls;
});
process.on("disconnect", () => process.exit(0));
