// node bench/replicas.js (after npm run build): deliveries/s of one server process alone, of
// one on Redis (the per-PR lock), and of two on one Redis taking turns, against the fake
// GitHub answering at once in a process of its own, with GitHub's write spacing turned off so
// that what is measured is the servers and the lock. Each PR gets its deliveries all at once
// (a new head, then that head's opened and synchronize events arriving together), so
// deliveries for one PR meet on the lock. Counts the lock's Redis commands per delivery.
import { readFileSync } from "node:fs";
import { Redis } from "ioredis";
import examples from "@octokit/webhooks-examples" with { type: "json" };
import { startFakeGitHub } from "./fake-github-process.js";
import { REDIS_MISSING, startRedis } from "../test/helpers/redis.js";
import { sendWebhook, startServer } from "../test/helpers/server.js";

const PRS = 40;
const PER_PR = 4;
const ROUNDS = 3;

if (REDIS_MISSING) {
  console.log(`Skipped: ${REDIS_MISSING}.`);
} else {
  const doc = readFileSync(
    new URL("../test/fixtures/docs/filled-design-doc.md", import.meta.url),
    "utf8",
  );
  const opened = examples
    .find((group) => group.name === "pull_request")
    .examples.find((example) => example.action === "opened");
  const event = (number, round, index) => {
    const payload = structuredClone(opened);
    payload.action = index === 0 ? "opened" : "synchronize";
    payload.number = number;
    payload.pull_request.number = number;
    payload.pull_request.head.sha = headOf(number, round);
    payload.installation = { id: 1, node_id: "x" };
    return {
      id: `r${round}-pr${number}-${index}`,
      name: "pull_request",
      payload,
    };
  };
  const headOf = (number, round) =>
    `${String(number).padStart(4, "0")}${String(round).padStart(4, "0")}`.padEnd(
      40,
      "c",
    );

  const redis = await startRedis();
  const stats = new Redis(redis.url);
  const github = await startFakeGitHub();
  const host = new URL(github.baseUrl).host;
  const spacingOff = { WRITE_INTERVAL_MS: "0", NOTIFICATION_INTERVAL_MS: "0" };

  /** Sends every PR's deliveries at once, spread over `servers` in turn; deliveries/s. */
  async function run(servers, round) {
    for (let number = 1; number <= PRS; number += 1)
      await github.setPullRequest(
        number,
        {
          "docs/design/plan.md": doc.replace("In Review", `In Review ${round}`),
        },
        headOf(number, round),
      );
    await stats.config("RESETSTAT");
    let turn = 0;
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: PRS }, (_, pr) =>
        Array.from({ length: PER_PR }, (_, index) => {
          const server = servers[turn % servers.length];
          turn += 1;
          return sendWebhook(server.url, event(pr + 1, round, index)).then(
            (response) => response.status,
          );
        }),
      ).flat(),
    );
    const seconds = (performance.now() - started) / 1000;
    const info = await stats.info("commandstats");
    const calls = (name) =>
      Number(new RegExp(`cmdstat_${name}:calls=(\\d+)`).exec(info)?.[1] ?? 0);
    const bad = answers.filter((status) => status !== 200).length;
    if (bad > 0)
      throw new Error(
        `${bad} deliveries not answered 200 (answers: ${[...new Set(answers)].join(", ")})`,
      );
    return {
      perSecond: answers.length / seconds,
      set: calls("set") / answers.length,
      eval: calls("eval") / answers.length,
    };
  }

  const setups = [
    { name: "one replica, no Redis (in-process queue only)", env: [{}] },
    {
      name: "one replica on Redis (per-PR lock)",
      env: [{ REDIS_URL: redis.url }],
    },
    {
      name: "two replicas on one Redis, deliveries alternating",
      env: [{ REDIS_URL: redis.url }, { REDIS_URL: redis.url }],
    },
  ];
  const rows = [];
  let round = 0;
  for (const setup of setups) {
    const servers = await Promise.all(
      setup.env.map((env) => startServer(host, { ...spacingOff, ...env })),
    );
    round += 1;
    await run(servers, round); // warm-up: templates, workers, tokens
    const results = [];
    for (let index = 0; index < ROUNDS; index += 1) {
      round += 1;
      results.push(await run(servers, round));
    }
    results.sort((a, b) => a.perSecond - b.perSecond);
    rows.push({ name: setup.name, ...results[Math.floor(ROUNDS / 2)] });
    await Promise.all(servers.map((server) => server.stop()));
  }
  const base = rows[0].perSecond;
  console.log(
    `${PRS} PRs × ${PER_PR} deliveries at once (opened + synchronize for one new head), median of ${ROUNDS} rounds, write spacing off:\n`,
  );
  console.log(
    "| setup | deliveries/s | vs one alone | lock SETs per delivery | lock EVALs per delivery |",
  );
  console.log("| --- | ---: | ---: | ---: | ---: |");
  for (const row of rows)
    console.log(
      `| ${row.name} | ${row.perSecond.toFixed(1)} | ${(row.perSecond / base).toFixed(2)}x | ${row.set.toFixed(2)} | ${row.eval.toFixed(2)} |`,
    );
  console.log(
    "\nA SET takes the lock (more than one: a delivery polled while another held it); an EVAL releases it (or renews it, every third of the 30 s lease).",
  );
  stats.disconnect();
  await github.stop();
  await redis.stop();
}
