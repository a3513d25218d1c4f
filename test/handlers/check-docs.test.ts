import { afterAll, expect, test } from "@jest/globals";
import { parseConfig } from "../../src/config/parse-config.js";
import type { GitHubClient } from "../../src/github/client.js";
import { createDocCache } from "../../src/github/read-docs.js";
import { checkDocs } from "../../src/handlers/read-doc-reports.js";
import {
  BUILTIN_TEMPLATE_IDS,
  loadBuiltinTemplates,
} from "../../src/templates/builtin-templates.js";
import type { Engine } from "../../src/validate/check-design-doc.js";
import { createWorkerPool } from "../../src/workers/worker-pool.js";
import { fixture, TODAY } from "../helpers/engine.js";

const pool = createWorkerPool({ timeBudgetMs: 30_000, workers: 1 });
afterAll(() => pool.close());

test("each doc is checked as soon as its blob arrives, while later blobs are still on their way", async () => {
  const events: string[] = [];
  const bytes = Buffer.from(fixture("docs/filled-design-doc.md"));
  // Blob b is answered once doc a has been checked (or, so that a run that waits for every
  // blob before checking any still ends, after 5 s).
  let answerB: () => void = () => undefined;
  const aChecked = new Promise<void>((resolve) => (answerB = resolve));
  let fallback: NodeJS.Timeout | undefined;
  const client = {
    async getBlob(sha: string) {
      if (sha === "b")
        await Promise.race([
          aChecked,
          new Promise((resolve) => (fallback = setTimeout(resolve, 5000))),
        ]);
      events.push(`blob ${sha}`);
      return { size: bytes.length, bytes: new Uint8Array(bytes) };
    },
  } as unknown as GitHubClient;
  const workers = {
    ...pool,
    run: (async (name: "check", path: string, text: string, engine: Engine) => {
      const result = await pool.run(name, path, text, engine);
      events.push(`checked ${path}`);
      if (path === "a.md") answerB();
      return result;
    }) as typeof pool.run,
  };
  const { config } = parseConfig({}, BUILTIN_TEMPLATE_IDS);
  const reports = await checkDocs(
    { client, cache: createDocCache(), workers, today: TODAY },
    config,
    Promise.resolve(loadBuiltinTemplates().slice(0, 1)),
    [
      {
        path: "a.md",
        sha: "a",
        status: "added",
        previousPath: undefined,
        patch: undefined,
      },
      {
        path: "b.md",
        sha: "b",
        status: "added",
        previousPath: undefined,
        patch: undefined,
      },
    ],
  );
  clearTimeout(fallback);
  expect(events).toEqual(["blob a", "checked a.md", "blob b", "checked b.md"]);
  expect(reports.map((report) => report.path)).toEqual(["a.md", "b.md"]);
});
