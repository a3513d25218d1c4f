import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  Histogram,
  Registry,
} from "prom-client";
import { LINK_RULE_ID } from "../validate/add-link-checks.js";
import { VALIDATION_RULE_IDS } from "../validate/validate.js";
import {
  actionLabel,
  eventLabel,
  methodLabel,
  outcomeLabel,
  routeLabel,
  ruleLabel,
  statusLabel,
} from "./label-values.js";

/** What the server counts, in the words of the code that counts it. */
export interface Metrics {
  /** One webhook delivery handled: its event, action, outcome and time taken. */
  delivery(event: string, action: unknown, outcome: string, ms: number): void;
  /** How long a run waited for its PR's turn (in this process, then for its lock on Redis). */
  queueWait(ms: number): void;
  /** How long a run waited for its PR's lock on Redis, behind other replicas' runs. */
  lockWait(ms: number): void;
  /** One doc checked, with the rule ids of its unmet requirements. */
  docChecked(outcome: string, findingRuleIds: readonly string[]): void;
  /** One answer from GitHub (or none), and the rate limit it left the installation. */
  githubCall(call: GitHubCall): void;
  /** The worker pool's events. */
  workers: WorkerMetrics;
  /** The Prometheus text exposition of every metric, and its content type. */
  read(): Promise<string>;
  contentType: string;
}

/** One request to GitHub, as the request pipeline saw it. */
export interface GitHubCall {
  method: string;
  /** Octokit's `url`: the route template. */
  url: string;
  status: number | undefined;
  /** The installation the call was made as; undefined for the app's own calls. */
  installationId: number | undefined;
  /** The `x-ratelimit-remaining` header of the answer. */
  rateLimitRemaining: string | undefined;
}

/** What the worker pool reports: tasks by name and result, overruns, replaced workers. */
export interface WorkerMetrics {
  task(name: string, ok: boolean): void;
  overrun(): void;
  replaced(): void;
}

const PREFIX = "design_docs_";
/** A delivery takes from a few ms (no doc) to seconds (GitHub's write spacing). */
const DURATION_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
const TASK_NAMES = new Set([
  "check",
  "status",
  "setStatus",
  "template",
  "suggestStatus",
]);
/**
 * Every rule id a finding can carry: the validation rules', and the requirements added
 * around them (no known template, an unreadable file, a Status move's approvals, the Status
 * a merge needs, the links to other docs).
 */
const RULE_IDS: ReadonlySet<string> = new Set([
  ...VALIDATION_RULE_IDS,
  "template",
  "file",
  "status-approval",
  "merge-status",
  LINK_RULE_ID,
]);

/**
 * The app instance's metrics, in a registry of their own (not prom-client's global one), so
 * that several apps in one process, as in tests, each count their own.
 */
export function createMetrics({
  processMetrics = false,
}: {
  /** Also prom-client's process metrics (CPU, memory, event loop lag): the server's. */
  processMetrics?: boolean;
} = {}): Metrics {
  const registry = new Registry();
  if (processMetrics)
    collectDefaultMetrics({ register: registry, prefix: PREFIX });
  const registers = [registry];
  const deliveries = new Counter({
    name: `${PREFIX}deliveries_total`,
    help: "Webhook deliveries handled, by event, action and outcome.",
    labelNames: ["event", "action", "outcome"] as const,
    registers,
  });
  const duration = new Histogram({
    name: `${PREFIX}delivery_duration_seconds`,
    help: "Time from a delivery's verified webhook to the end of its handling, by event.",
    labelNames: ["event"] as const,
    buckets: DURATION_BUCKETS,
    registers,
  });
  const queueWait = new Histogram({
    name: `${PREFIX}queue_wait_seconds`,
    help: "Time a run waited for its PR's turn behind other runs for the same PR (with REDIS_URL, its lock's wait included).",
    buckets: DURATION_BUCKETS,
    registers,
  });
  const lockWait = new Histogram({
    name: `${PREFIX}lock_wait_seconds`,
    help: "Time a run waited for its PR's lock on Redis, held by another replica (with REDIS_URL).",
    buckets: DURATION_BUCKETS,
    registers,
  });
  const docs = new Counter({
    name: `${PREFIX}docs_checked_total`,
    help: "Design docs checked, by outcome.",
    labelNames: ["outcome"] as const,
    registers,
  });
  const findings = new Counter({
    name: `${PREFIX}findings_total`,
    help: "Unmet requirements found in design docs, by rule id.",
    labelNames: ["rule"] as const,
    registers,
  });
  const calls = new Counter({
    name: `${PREFIX}github_requests_total`,
    help: "Requests to GitHub's API (each retry counts), by method, route template and status.",
    labelNames: ["method", "route", "status"] as const,
    registers,
  });
  const rateLimit = new Gauge({
    name: `${PREFIX}github_rate_limit_remaining`,
    help: "GitHub's x-ratelimit-remaining in the latest answer, by installation id.",
    labelNames: ["installation"] as const,
    registers,
  });
  const tasks = new Counter({
    name: `${PREFIX}worker_tasks_total`,
    help: "Doc tasks run by the worker pool, by task and result (ok, or not: overrun, too large, failed, stopping).",
    labelNames: ["task", "result"] as const,
    registers,
  });
  const overruns = new Counter({
    name: `${PREFIX}worker_overruns_total`,
    help: "Doc tasks stopped for running over the time budget.",
    registers,
  });
  const replacements = new Counter({
    name: `${PREFIX}worker_replacements_total`,
    help: "Worker threads replaced after one was stopped (an overrun, out of memory, a crash).",
    registers,
  });
  return {
    delivery(event, action, outcome, ms) {
      const eventValue = eventLabel(event);
      deliveries.inc({
        event: eventValue,
        action: actionLabel(event, action),
        outcome: outcomeLabel(outcome),
      });
      duration.observe({ event: eventValue }, ms / 1000);
    },
    queueWait(ms) {
      queueWait.observe(ms / 1000);
    },
    lockWait(ms) {
      lockWait.observe(ms / 1000);
    },
    docChecked(outcome, findingRuleIds) {
      docs.inc({ outcome: outcomeLabel(outcome) });
      for (const ruleId of findingRuleIds)
        findings.inc({ rule: ruleLabel(ruleId, RULE_IDS) });
    },
    githubCall(call) {
      calls.inc({
        method: methodLabel(call.method),
        route: routeLabel(call.url),
        status: statusLabel(call.status),
      });
      const remaining = Number(call.rateLimitRemaining);
      if (
        Number.isSafeInteger(call.installationId) &&
        call.rateLimitRemaining !== undefined &&
        Number.isSafeInteger(remaining)
      )
        rateLimit.set({ installation: String(call.installationId) }, remaining);
    },
    workers: {
      task(name, ok) {
        tasks.inc({
          task: TASK_NAMES.has(name) ? name : "other",
          result: ok ? "ok" : "not ok",
        });
      },
      overrun() {
        overruns.inc();
      },
      replaced() {
        replacements.inc();
      },
    },
    read: () => registry.metrics(),
    contentType: registry.contentType,
  };
}
