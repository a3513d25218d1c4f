/** Starts Design Docs Bot's server: `npm start`, or `node lib/server.js` in the container. */
import { run } from "probot";
import { DesignDocsOctokit } from "./github/octokit.js";
import { checkEnvironment } from "./check-environment.js";
import app from "./index.js";

const problem = checkEnvironment(process.env);
if (problem) {
  console.error(`Design Docs Bot cannot start: ${problem}`);
  process.exit(1);
}
await run(app, { Octokit: DesignDocsOctokit });
