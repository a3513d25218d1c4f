// Headless Chromium for the tests that open a page: Debian's package, driven by
// playwright-core, which downloads no browser of its own.
import { execFileSync } from "node:child_process";
import { chromium, type Browser } from "playwright-core";

function findChromium(): string | undefined {
  try {
    return execFileSync("sh", ["-c", "command -v chromium"], {
      encoding: "utf8",
    }).trim();
  } catch {
    return undefined;
  }
}

const CHROMIUM = findChromium();

/** Why browser tests cannot run here, or undefined when they can. */
export const CHROMIUM_MISSING = CHROMIUM
  ? undefined
  : "chromium is not installed (apt-get install chromium; .ci/run installs it)";

/**
 * Whether browser tests skip: only when Chromium is missing outside CI. Under CI (`CI` set,
 * as .ci/run does) they run, and fail saying to install it.
 */
export const SKIP_CHROMIUM = CHROMIUM_MISSING !== undefined && !process.env.CI;

/**
 * Starts headless Chromium with no way out but files and loopback: every host name resolves to
 * nothing and every other request goes to a proxy on a closed loopback port, so a page that
 * tried to fetch from the network would fail, not leak.
 */
export async function launchChromium(): Promise<Browser> {
  if (CHROMIUM === undefined) throw new Error(CHROMIUM_MISSING);
  return chromium.launch({
    executablePath: CHROMIUM,
    proxy: { server: "http://127.0.0.1:9" },
    args: [
      "--host-resolver-rules=MAP * ~NOTFOUND",
      "--disable-background-networking",
    ],
  });
}
