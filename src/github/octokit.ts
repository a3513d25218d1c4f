import Bottleneck from "bottleneck";
import { ProbotOctokit } from "probot";
import type { GitHubCall } from "../metrics/create-metrics.js";
import {
  DEFAULT_REQUEST_TIMEOUT_MS,
  requestPipeline,
} from "./request-pipeline.js";
import { createInFlightLimit, MAX_READS_AT_ONCE } from "./in-flight-limit.js";

export { MAX_READS_AT_ONCE } from "./in-flight-limit.js";
import {
  createClusteredSpacing,
  createSpacing,
  type Spacing,
  type SpacingIntervals,
} from "./spacing.js";

export {
  DEFAULT_REQUEST_TIMEOUT_MS,
  RequestTimeoutError,
} from "./request-pipeline.js";

/**
 * Probot's plugins that our request pipeline replaces. The throttle queued every read behind
 * a Bottleneck limiter, and the retry plugin built a limiter per request: 15-21 ms and 2-4 ms
 * of CPU per call, where a fetch takes under 1 ms (bench/client-overhead.js).
 */
const REPLACED = ["throttling", "retry", "probotRequestLogging"];

type OctokitPlugin = Parameters<typeof ProbotOctokit.plugin>[0];

function withoutReplacedPlugins(): OctokitPlugin[] {
  const plugins = (ProbotOctokit as unknown as { plugins: OctokitPlugin[] })
    .plugins;
  const kept = plugins.filter((plugin) => !REPLACED.includes(plugin.name));
  // Probot upgraded with a plugin renamed would stack two throttles: refuse to start instead.
  if (kept.length !== plugins.length - REPLACED.length)
    throw new Error(
      `Probot's Octokit plugins changed: expected ${REPLACED.join(", ")} among ${plugins.map((plugin) => plugin.name).join(", ")}`,
    );
  return kept;
}

/** How the Octokit of createDesignDocsOctokit waits; tests shrink every interval. */
export interface DesignDocsOctokitOptions extends Partial<SpacingIntervals> {
  /** The deadline of each request, token requests included. */
  timeoutMs?: number;
  /** One second of a `retry-after` or a back-off, in ms. */
  secondMs?: number;
  /** Reads in flight at once per installation, at most. */
  readsAtOnce?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /**
   * The Redis connection every replica spaces its writes on (the server's, from
   * `REDIS_URL`); without it, one that Probot passes in the `throttle` option, or none.
   */
  connection?: Bottleneck.IORedisConnection;
  /** Counts every request's answer for /metrics. */
  countCall?: (call: GitHubCall) => void;
}

/**
 * Probot's Octokit with its throttle, retry and request-logging plugins replaced by our
 * request pipeline: writes one a second per installation (comments and reviews three
 * seconds), reads never queued, rate limits waited out and retried (Probot's default only
 * logs a secondary one), 5xx and timeouts retried, and a deadline on every request (Octokit
 * sets none, so a request GitHub never answered would hold its PR's queue for good). Given a
 * Bottleneck connection to Redis (the server's, with `REDIS_URL`), every replica shares the
 * spacing through it.
 */
export function createDesignDocsOctokit(
  options: DesignDocsOctokitOptions = {},
): typeof ProbotOctokit {
  const intervals = {
    writeIntervalMs: options.writeIntervalMs ?? 1000,
    notificationIntervalMs: options.notificationIntervalMs ?? 3000,
  };
  const now = options.now ?? Date.now;
  const sleep =
    options.sleep ??
    ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const local = createSpacing(intervals, { now, sleep });
  const clustered = new WeakMap<object, Spacing>();
  const spacingFor = (octokitOptions: Record<string, unknown>): Spacing => {
    const throttle = octokitOptions.throttle as
      | {
          Bottleneck?: typeof Bottleneck;
          connection?: Bottleneck.IORedisConnection;
        }
      | undefined;
    const connection = options.connection ?? throttle?.connection;
    const bottleneck = options.connection ? Bottleneck : throttle?.Bottleneck;
    // No spacing to share (tests and benchmarks turn it off): no round trip to Redis.
    const off =
      intervals.writeIntervalMs === 0 && intervals.notificationIntervalMs === 0;
    if (!bottleneck || !connection || off) return local;
    let spacing = clustered.get(connection);
    if (!spacing) {
      spacing = createClusteredSpacing(intervals, bottleneck, connection);
      clustered.set(connection, spacing);
    }
    return spacing;
  };
  class DesignDocsOctokit extends ProbotOctokit {
    static override plugins = withoutReplacedPlugins();
  }
  return DesignDocsOctokit.plugin(
    requestPipeline({
      timeoutMs: options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      secondMs: options.secondMs ?? 1000,
      spacingFor,
      reads: createInFlightLimit(options.readsAtOnce ?? MAX_READS_AT_ONCE),
      sleep,
      now,
      ...(options.countCall && { countCall: options.countCall }),
    }),
  );
}
