/** Starts Design Docs Bot's server: `npm start`, or `node lib/server.js` in the container. */
import { run } from "probot";
import { createDesignDocsServer } from "./create-server.js";
import { createDesignDocsOctokit } from "./github/octokit.js";
import app from "./index.js";
import { readServerSettings } from "./serve/server-settings.js";

try {
  process.loadEnvFile();
} catch {
  // No .env beside the server: the environment is all there is.
}
const read = readServerSettings(process.env);
if ("problem" in read) {
  console.error(`Design Docs Bot cannot start: ${read.problem}`);
  process.exit(1);
}
const { settings } = read;

if (settings.setup) {
  // No app yet: Probot's setup page registers one from app.yml and writes .env. It is kept
  // to loopback by readServerSettings. Probot would also open a smee.io channel for it,
  // reaching out to the network unasked: only a WEBHOOK_PROXY_URL you set is used.
  process.env.NO_SMEE_SETUP ??= "true";
  await run(app, { Octokit: createDesignDocsOctokit() });
} else {
  const { server, drain, queue, workers, log } = await createDesignDocsServer(
    settings,
    process.env,
  );
  process.on("unhandledRejection", (reason) => {
    log.error(
      { err: reason },
      "Unhandled rejection (the server keeps running)",
    );
  });
  const stop = async (signal: string): Promise<void> => {
    drain();
    log.info(
      { signal, prsInFlight: queue.size },
      `${signal}: taking no new deliveries, finishing ${queue.size} PR(s) in flight`,
    );
    // Still listening meanwhile: a new delivery gets 503, which GitHub lists as failed, to
    // redeliver from the app's settings (a load balancer sees /ping say 503 too).
    const deadline = performance.now() + settings.shutdownTimeoutMs;
    const within = (work: Promise<unknown>): Promise<boolean> =>
      Promise.race([
        work.then(() => true),
        new Promise<false>((resolve) =>
          setTimeout(
            resolve,
            Math.max(0, deadline - performance.now()),
            false,
          ).unref(),
        ),
      ]);
    const idle = await within(queue.idle());
    // Closed once every connection has ended, answers to the deliveries in flight included.
    const closed = new Promise<void>((resolve) =>
      server.close(() => resolve()),
    );
    server.closeIdleConnections();
    const finished = idle && (await within(closed));
    if (finished) log.info("Stopped: every delivery finished");
    else
      log.warn(
        { prsInFlight: queue.size },
        `Stopped after ${settings.shutdownTimeoutMs} ms with ${queue.size} PR(s) unfinished; GitHub can redeliver their events`,
      );
    // Terminates the worker threads, a task still running on one included.
    await workers.close();
    process.exit(0);
  };
  process.once("SIGTERM", (signal) => void stop(signal));
  process.once("SIGINT", (signal) => void stop(signal));
  await new Promise<void>((resolve) =>
    server.listen(settings.port, settings.host, resolve),
  );
  log.info(`Listening on http://${settings.host}:${settings.port}`);
  if (settings.webhookProxy) {
    // smee-client is a development dependency; production refuses a proxy URL.
    const { SmeeClient } = await import("smee-client");
    await new SmeeClient({
      source: settings.webhookProxy,
      target: `http://${settings.host}:${settings.port}${settings.webhookPath}`,
      logger: {
        info: (message: string) => log.info(message),
        error: (message: string) => log.error(message),
      },
    }).start();
  }
}
