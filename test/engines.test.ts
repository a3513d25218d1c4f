import { existsSync, readFileSync } from "node:fs";
import { expect, test } from "@jest/globals";
import semver from "semver";

// The README says which Node.js the bot runs on; every package `npm ci` installs must agree.
const root = (path: string): string =>
  readFileSync(new URL(`../${path}`, import.meta.url), "utf8");

test("every installed package runs on the Node.js the README and package.json name", () => {
  const pkg = JSON.parse(root("package.json")) as { engines: { node: string } };
  const minimum = semver.minVersion(pkg.engines.node)?.version ?? "";
  expect(root("README.md")).toContain(
    `Node.js ${minimum.split(".").slice(0, 2).join(".")} or later`,
  );
  const lock = JSON.parse(root("package-lock.json")) as {
    packages: Record<string, { engines?: { node?: string } | string[] }>;
  };
  // Optional packages for other platforms (a wasm build, say) are listed but not installed.
  const installed = Object.entries(lock.packages).filter(([path]) =>
    existsSync(new URL(`../${path}`, import.meta.url)),
  );
  const refusing = installed.flatMap(([path, entry]) => {
    const range = Array.isArray(entry.engines)
      ? undefined
      : entry.engines?.node;
    return range && !semver.satisfies(minimum, range)
      ? [`${path.replace(/^node_modules\//u, "")} wants node ${range}`]
      : [];
  });
  expect(refusing).toEqual([]);
});
