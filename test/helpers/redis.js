// Starts a real redis-server (the Debian package) on a free loopback port, with nothing
// saved to disk. Plain JavaScript so the benchmarks use it too; its types are in redis.d.ts.
import { execFileSync, spawn } from "node:child_process";
import { freePort } from "./server.js";

/** The redis-server on PATH, or undefined. */
export function findRedisServer() {
  try {
    return execFileSync("sh", ["-c", "command -v redis-server"], {
      encoding: "utf8",
    }).trim();
  } catch {
    return undefined;
  }
}

/** Why Redis tests cannot run here, or undefined when they can. */
export const REDIS_MISSING = findRedisServer()
  ? undefined
  : "redis-server is not installed (apt-get install redis-server; .ci/run installs it)";

/**
 * Whether tests that need Redis skip: only when it is missing outside CI. Under CI
 * (`CI` set, as .ci/run does) they run, and fail on the missing server.
 */
export const SKIP_REDIS = REDIS_MISSING !== undefined && !process.env.CI;

/** Starts redis-server on `port` (a free one by default); resolves once it accepts connections. */
export async function startRedis(port) {
  if (REDIS_MISSING) throw new Error(REDIS_MISSING);
  const chosen = port ?? (await freePort());
  const child = spawn(
    "redis-server",
    [
      "--port",
      String(chosen),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const output = [];
  const exited = new Promise((resolve) => child.on("exit", resolve));
  await new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk) => {
      output.push(chunk.toString());
      if (output.join("").includes("Ready to accept connections")) resolve();
    });
    void exited.then((code) =>
      reject(
        new Error(`redis-server exited with ${code}:\n${output.join("")}`),
      ),
    );
  });
  return {
    port: chosen,
    url: `redis://127.0.0.1:${chosen}`,
    process: child,
    exited,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null)
        child.kill(signal);
      await exited;
    },
  };
}
