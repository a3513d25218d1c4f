import { copyFileSync, existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, jest, test } from "@jest/globals";
import yaml from "yaml";
import { startSetupServer } from "../helpers/server.js";

// The first `npm start`, before there is an app: Probot's setup page registers one from
// app.yml. It must post a manifest GitHub can read, and reach for nothing on the network.
jest.setTimeout(30_000);

const ROOT = new URL("../../", import.meta.url).pathname;
let cwd: string;
let server: Awaited<ReturnType<typeof startSetupServer>>;

beforeAll(async () => {
  cwd = mkdtempSync(join(tmpdir(), "design-docs-setup-"));
  for (const file of ["app.yml", "package.json"])
    copyFileSync(join(ROOT, file), join(cwd, file));
  server = await startSetupServer(cwd);
});

afterAll(async () => {
  await server?.stop();
});

test("the setup page's Register GitHub App form submits app.yml as valid JSON", async () => {
  const page = await (await fetch(`${server.url}/probot`)).text();
  // Probot puts the manifest in a single-quoted attribute, as it is: one ' in app.yml ends it.
  const value = /name="manifest" id="manifest" value='([^']*)'/u.exec(
    page,
  )?.[1];
  const manifest = JSON.parse(value ?? "") as Record<string, unknown>;
  const app = yaml.parse(
    await import("node:fs").then((fs) =>
      fs.readFileSync(join(ROOT, "app.yml"), "utf8"),
    ),
  ) as Record<string, unknown>;
  expect(manifest).toMatchObject({
    name: app.name,
    description: app.description,
    default_events: app.default_events,
    default_permissions: app.default_permissions,
  });
});

test("setup does not open a smee.io channel unless WEBHOOK_PROXY_URL is set", () => {
  expect(server.output.join("\n")).not.toMatch(/smee/iu);
  expect(existsSync(join(cwd, ".env"))).toBe(false);
});
