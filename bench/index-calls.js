// API calls of `design-docs index --org`: the built CLI run twice over the fake acme
// organisation (test/fake-github/fake-org.js) with --cache, beside the fewest calls an index
// of it needs, counted from the fake's state, not from the run: one page of the org's
// repositories; per repository one recursive tree; per non-empty repository it can read one
// page of open PRs, its own config file when its tree lists one (read by blob), one blob per
// doc its config's paths match, and per open PR one page of files and one blob per doc the PR
// adds or changes. The org has no `.github` repository, so there is no org config to read.
// The second run's figure is what GitHub would charge: every request but the 304s.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import picomatch from "picomatch";
import { parse } from "yaml";
import { FakeGitHub } from "../test/fake-github/fake-github.js";
import { seedFakeOrg } from "../test/fake-github/fake-org.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const CONFIG = ".github/design-docs.yml";

const github = new FakeGitHub({ delayMs: 0 });
const org = seedFakeOrg(github);
await github.start();
const cache = join(
  mkdtempSync(join(tmpdir(), "design-docs-index-bench-")),
  "cache",
);

function index() {
  const child = spawn(
    process.execPath,
    [
      join(ROOT, "bin/design-docs.js"),
      "index",
      "--org",
      org.org,
      "--format",
      "json",
      "--cache",
      cache,
    ],
    {
      env: {
        ...process.env,
        GITHUB_TOKEN: "a-token",
        GITHUB_API_URL: github.baseUrl,
      },
    },
  );
  child.stdout.resume();
  child.stderr.resume();
  return new Promise((resolve, reject) =>
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`index exited ${code}`)),
    ),
  );
}

/** The fewest calls an index of the org needs, from what the fake holds. */
function minimum() {
  const listed = [...github.repos.values()].filter((repo) =>
    repo.fullName.startsWith(`${org.org}/`),
  );
  let calls = Math.max(1, Math.ceil(listed.length / 100));
  for (const repo of listed.filter((entry) => !entry.archived)) {
    calls += 1; // the tree
    if (repo.access === "none" || repo.files.size === 0) continue;
    const config = repo.files.get(CONFIG);
    const paths =
      config === undefined
        ? ["docs/design/**/*.md"]
        : parse(String(config)).paths;
    const isDoc = picomatch(paths, { dot: true });
    const pulls = github.openPulls(repo);
    calls += Math.max(1, Math.ceil(pulls.length / 100)); // the open PRs
    calls += config === undefined ? 0 : 1;
    calls += [...repo.files.keys()].filter((path) => isDoc(path)).length;
    for (const pull of pulls) {
      const files = github.changedFiles(repo, repo.pulls.get(pull.number));
      calls += Math.max(1, Math.ceil(files.length / 100));
      calls += files.filter(
        (file) => file.status !== "removed" && isDoc(file.filename),
      ).length;
    }
  }
  return calls;
}

const fewest = minimum();
await index();
const first = github.requests.length;
const firstCharged = github.chargedRequests().length;
await index();
const second = github.requests.slice(first);
const secondCharged = github.chargedRequests().length - firstCharged;
await github.stop();

const ratio = (value, base) => `${(value / base).toFixed(2)}x`;
console.log(
  `The fake org ${org.org}: ${org.listedRepos} repositories listed, one archived (left out), one the token cannot read, one empty.\n`,
);
console.log("| run | requests | charged by GitHub | baseline | ratio |");
console.log("| --- | ---: | ---: | --- | ---: |");
console.log(
  `| first, empty cache | ${first} | ${firstCharged} | the minimum, ${fewest} | ${ratio(first, fewest)} |`,
);
console.log(
  `| second, unchanged org | ${second.length} | ${secondCharged} | the first run's charged, ${firstCharged} | ${ratio(secondCharged, firstCharged)} |`,
);
console.log(
  `\nThe second run's charged requests: ${
    second
      .filter((request) => request.status !== 304)
      .map((request) => `${request.method} ${request.path} (${request.status})`)
      .join(", ") || "none"
  }. A 409 (empty repository) or 403 carries no ETag, so GitHub counts it every time.`,
);
