import { describe, expect, test } from "@jest/globals";
import { createMetrics } from "../../src/metrics/create-metrics.js";

/** The sample lines of the exposition (no HELP/TYPE), e.g. `name{a="b"} 1`. */
async function samples(metrics = createMetrics()): Promise<string[]> {
  return (await metrics.read())
    .split("\n")
    .filter((line) => line !== "" && !line.startsWith("#"));
}

/** Every label value in the exposition. */
function labelValues(lines: readonly string[]): string[] {
  return lines.flatMap((line) =>
    [...line.matchAll(/="((?:[^"\\]|\\.)*)"/gu)].map((match) => match[1]!),
  );
}

describe("names and labels", () => {
  test("a delivery counts by event, action and outcome, and its time goes in the histogram", async () => {
    const metrics = createMetrics();
    metrics.delivery("pull_request", "opened", "success", 120);
    metrics.delivery("pull_request", "opened", "success", 80);
    metrics.delivery("push", undefined, "rules unchanged", 3);
    const lines = await samples(metrics);
    expect(lines).toContain(
      'design_docs_deliveries_total{event="pull_request",action="opened",outcome="success"} 2',
    );
    expect(lines).toContain(
      'design_docs_deliveries_total{event="push",action="none",outcome="rules unchanged"} 1',
    );
    expect(lines).toContain(
      'design_docs_delivery_duration_seconds_count{event="pull_request"} 2',
    );
    expect(lines).toContain(
      'design_docs_delivery_duration_seconds_bucket{le="0.25",event="pull_request"} 2',
    );
    expect(lines).toContain(
      'design_docs_delivery_duration_seconds_bucket{le="0.1",event="pull_request"} 1',
    );
  });

  test("GitHub calls count by method, route template and status; the rate limit per installation", async () => {
    const metrics = createMetrics();
    const call = {
      method: "GET",
      url: "/repos/{owner}/{repo}/pulls/{pull_number}",
      status: 200,
      installationId: 42,
      rateLimitRemaining: "4999",
    };
    metrics.githubCall(call);
    metrics.githubCall({ ...call, rateLimitRemaining: "4998" });
    metrics.githubCall({
      ...call,
      method: "post",
      url: "/app/installations/{installation_id}/access_tokens",
      status: 201,
      installationId: undefined,
      rateLimitRemaining: undefined,
    });
    metrics.githubCall({
      ...call,
      status: undefined,
      rateLimitRemaining: undefined,
    });
    const lines = await samples(metrics);
    expect(lines).toContain(
      'design_docs_github_requests_total{method="GET",route="/repos/{owner}/{repo}/pulls/{pull_number}",status="200"} 2',
    );
    expect(lines).toContain(
      'design_docs_github_requests_total{method="POST",route="/app/installations/{installation_id}/access_tokens",status="201"} 1',
    );
    expect(lines).toContain(
      'design_docs_github_requests_total{method="GET",route="/repos/{owner}/{repo}/pulls/{pull_number}",status="none"} 1',
    );
    expect(
      lines.filter((line) =>
        line.startsWith("design_docs_github_rate_limit_remaining"),
      ),
    ).toEqual([
      'design_docs_github_rate_limit_remaining{installation="42"} 4998',
    ]);
  });

  test("docs checked by outcome, findings by rule id, queue waits and the worker pool", async () => {
    const metrics = createMetrics();
    metrics.docChecked("failure", ["section-missing", "section-missing"]);
    metrics.docChecked("success", []);
    metrics.docChecked("warning", ["links"]);
    metrics.queueWait(5);
    metrics.lockWait(3);
    metrics.workers.task("check", true);
    metrics.workers.task("check", false);
    metrics.workers.overrun();
    metrics.workers.replaced();
    const lines = await samples(metrics);
    expect(lines).toEqual(
      expect.arrayContaining([
        'design_docs_docs_checked_total{outcome="failure"} 1',
        'design_docs_docs_checked_total{outcome="success"} 1',
        'design_docs_findings_total{rule="section-missing"} 2',
        'design_docs_findings_total{rule="links"} 1',
        "design_docs_queue_wait_seconds_count 1",
        "design_docs_lock_wait_seconds_count 1",
        'design_docs_worker_tasks_total{task="check",result="ok"} 1',
        'design_docs_worker_tasks_total{task="check",result="not ok"} 1',
        "design_docs_worker_overruns_total 1",
        "design_docs_worker_replacements_total 1",
      ]),
    );
  });

  test("each app's metrics are its own: two instances count apart", async () => {
    const one = createMetrics();
    const two = createMetrics();
    one.delivery("pull_request", "opened", "success", 1);
    expect(await samples(one)).toContain(
      'design_docs_deliveries_total{event="pull_request",action="opened",outcome="success"} 1',
    );
    expect(
      (await samples(two)).filter((line) =>
        line.startsWith("design_docs_deliveries_total"),
      ),
    ).toEqual([]);
  });

  test("process metrics only when asked for (the server's)", async () => {
    expect(
      (await samples(createMetrics({ processMetrics: true }))).some((line) =>
        line.startsWith("design_docs_process_cpu_user_seconds_total"),
      ),
    ).toBe(true);
    expect(
      (await samples()).some((line) => line.startsWith("design_docs_process_")),
    ).toBe(false);
  });
});

describe("no label carries text a user typed", () => {
  const HOSTILE = [
    'docs/design/"}evil{x="1.md',
    "feature/<script>alert(1)</script>",
    "acme/secret-repo",
    "In Review\nother_metric 1",
    "ÿ\u0000",
  ];

  test.each(HOSTILE)(
    "%j in an event, action, outcome, rule, route or task is 'other'",
    async (text) => {
      const metrics = createMetrics();
      metrics.delivery(text, "opened", "success", 1);
      metrics.delivery("pull_request", text, text, 1);
      metrics.docChecked(text, [text]);
      metrics.githubCall({
        method: text,
        url: text,
        status: 200,
        installationId: 1,
        rateLimitRemaining: text,
      });
      metrics.workers.task(text, true);
      const lines = await samples(metrics);
      const values = labelValues(lines);
      expect(values).toContain("other");
      for (const value of values) expect(value).not.toContain(text);
      expect(lines.join("\n")).not.toContain(text);
    },
  );

  test("an expanded path, with a repository in it, is not a route template", async () => {
    const metrics = createMetrics();
    for (const url of [
      "/repos/acme/secret-repo/pulls/3",
      "/repos/acme/secret-repo",
      "https://api.github.com/repositories/1/pulls/3/files?page=2",
      "/repos/{owner}/{repo}/contents/{path}?ref=feature/secret-branch",
    ])
      metrics.githubCall({
        method: "GET",
        url,
        status: 200,
        installationId: 1,
        rateLimitRemaining: undefined,
      });
    const routes = (await samples(metrics))
      .filter((line) => line.startsWith("design_docs_github_requests_total"))
      .map((line) => /route="([^"]*)"/u.exec(line)?.[1]);
    expect(routes.sort()).toEqual([
      "/repos/{owner}/{repo}/contents/{path}",
      "next page",
      "other",
    ]);
  });

  test("an installation id that is not a whole number is not labelled", async () => {
    const metrics = createMetrics();
    metrics.githubCall({
      method: "GET",
      url: "/installation/repositories",
      status: 200,
      installationId: Number.NaN,
      rateLimitRemaining: "10",
    });
    expect(
      (await samples(metrics)).filter((line) =>
        line.startsWith("design_docs_github_rate_limit_remaining"),
      ),
    ).toEqual([]);
  });
});
