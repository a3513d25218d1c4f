// A fake GitHub in a process of its own, so that a benchmark's process.cpuUsage() counts the
// client's CPU and not the server's. Started by startFakeGitHub(); answers at once (delay 0).
// Besides the API it serves, on the same port, `POST /__bench/pulls` (set up a PR: { number,
// files }) and `GET /__bench/requests?since=N` (the requests it has answered since the Nth).
import { fork } from "node:child_process";
import { FakeGitHub } from "../test/fake-github/fake-github.js";

const REPO = "Codertocat/Hello-World";

if (process.send && process.argv[2] === "serve") {
  const github = new FakeGitHub({ delayMs: 0 });
  const [api] = github.server.listeners("request");
  github.server.removeAllListeners("request");
  github.server.on("request", (request, response) => {
    if (!request.url.startsWith("/__bench/")) return api(request, response);
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      const url = new URL(request.url, "http://127.0.0.1");
      let answer = {};
      if (url.pathname === "/__bench/pulls") {
        const { number, files, headSha } = JSON.parse(Buffer.concat(chunks));
        github.setPullRequest(REPO, number, { files, headSha });
      } else {
        answer = github.requests.slice(Number(url.searchParams.get("since")));
      }
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(answer));
    });
  });
  process.send(await github.start());
  process.on("disconnect", () => process.exit(0));
}

/** Starts the fake GitHub in a child process; its `/api/v3` base URL, setup and stop. */
export async function startFakeGitHub() {
  const child = fork(new URL(import.meta.url), ["serve"], { stdio: "inherit" });
  const baseUrl = await new Promise((resolve) =>
    child.once("message", resolve),
  );
  const control = baseUrl.replace(/\/api\/v3$/, "/__bench");
  return {
    baseUrl,
    /** Sets up PR `number` of Codertocat/Hello-World with `files` at `headSha`. */
    async setPullRequest(number, files, headSha) {
      await fetch(`${control}/pulls`, {
        method: "POST",
        body: JSON.stringify({ number, files, headSha }),
      });
    },
    /** The requests answered since the `since`th, as the fake recorded them. */
    async requests(since = 0) {
      return (await fetch(`${control}/requests?since=${since}`)).json();
    },
    stop() {
      child.disconnect();
    },
  };
}
