// What the server benches share: a fresh PR per delivery, and the bare app's replay of the
// bot's calls.
import examples from "@octokit/webhooks-examples" with { type: "json" };
import { twentyKilobyteDoc } from "./server-cpu-doc.js";

const DOC = twentyKilobyteDoc();
const opened = examples
  .find((group) => group.name === "pull_request")
  .examples.find((example) => example.action === "opened");
let nextNumber = 1000;

/**
 * Sets up a fresh PR on the fake GitHub (with the 20 KB doc, or no doc) and returns its
 * number and its `opened` payload as JSON text.
 */
export async function freshPullRequest(github, withDoc) {
  const number = nextNumber++;
  const headSha = number.toString(16).padStart(40, "0");
  const files = withDoc
    ? {
        "docs/design/audit-export.md": `${DOC}\n<!-- PR ${number} -->\n`,
        "src/app.ts": "x\n",
      }
    : { "src/app.ts": "x\n", "README.md": "# Hello\n" };
  await github.setPullRequest(number, files, headSha);
  const payload = structuredClone(opened);
  payload.number = number;
  payload.pull_request.number = number;
  payload.pull_request.head.sha = headSha;
  payload.installation = { id: 2 };
  return { number, text: JSON.stringify(payload) };
}

/** Makes the bot's recorded `calls` again, on the PR of the delivery in `context`. */
export async function replayCalls(context, calls) {
  const number = context.payload.pull_request.number;
  for (const call of calls) {
    const url = call.path.replace(/\/(pulls|issues)\/\d+/, `/$1/${number}`);
    const body = call.method === "GET" ? {} : call.body;
    await context.octokit
      .request({ method: call.method, url, ...body })
      .catch(() => undefined);
  }
}
