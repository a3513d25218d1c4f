// docs/deploy.md may only name settings the server reads and files that exist, so it cannot
// drift from them. What depends on work not merged yet is said "once … lands", on its line or
// in its section's heading; only there may a name not be read yet.
import { existsSync, readFileSync } from "node:fs";
import { expect, test } from "@jest/globals";
import { createMetrics } from "../../src/metrics/create-metrics.js";
import { knownSettings } from "../helpers/settings.js";

const ROOT = new URL("../../", import.meta.url);
const read = (file: string): string =>
  readFileSync(new URL(file, ROOT), "utf8");
const DOC = read("docs/deploy.md");
/** Words in capitals in the doc's code spans that are not environment variables. */
const NOT_SETTINGS = new Set(["SIGTERM", "COPY", "ENV", "CMD", "HEALTHCHECK"]);
const PENDING = /\bonce\b.*\blands\b/u;

/** The doc's lines, each with whether it, or the heading over it, says "once … lands". */
function docLines(): { text: string; pending: boolean }[] {
  let section = false;
  return DOC.split("\n").map((text) => {
    if (/^#{1,6} /u.test(text)) section = PENDING.test(text);
    return { text, pending: section || PENDING.test(text) };
  });
}

/** Every code span's leading NAME (`NAME` or `NAME=value`) in capitals. */
function settingsNamed(text: string): string[] {
  return [...text.matchAll(/`([A-Z][A-Z0-9_]*)(?:=[^`]*)?`/gu)]
    .map((match) => match[1]!)
    .filter((name) => !NOT_SETTINGS.has(name));
}

test("every variable docs/deploy.md names is read by the server, or marked as landing later", () => {
  const known = knownSettings();
  const unknown = docLines()
    .filter((line) => !line.pending)
    .flatMap((line) => settingsNamed(line.text))
    .filter((name) => !known.has(name));
  expect(unknown).toEqual([]);
});

test("it names the settings production needs", () => {
  const named = new Set(settingsNamed(DOC));
  for (const name of [
    "APP_ID",
    "PRIVATE_KEY_PATH",
    "WEBHOOK_SECRET",
    "NODE_ENV",
    "REDIS_URL",
    "SHUTDOWN_TIMEOUT_MS",
  ])
    expect(named).toContain(name);
});

test("a metric it names is one /metrics serves, or its line says it lands later", async () => {
  const served = await createMetrics().read();
  const unserved = docLines()
    .filter((line) => !line.pending)
    .flatMap((line) => [...line.text.matchAll(/`(design_docs_[a-z_]+)/gu)])
    .map((match) => match[1]!)
    .filter((name) => !served.includes(`# TYPE ${name} `));
  expect(unserved).toEqual([]);
});

test("the files it links to exist, and the README links to it", () => {
  const links = [...DOC.matchAll(/\]\((\.\.\/[^)#]+)/gu)].map(
    (match) => match[1]!,
  );
  expect(links.length).toBeGreaterThan(0);
  expect(
    links.filter((link) => !existsSync(new URL(link, new URL("docs/", ROOT)))),
  ).toEqual([]);
  expect(read("README.md")).toContain("(docs/deploy.md)");
});
