// npm run bench: every benchmark, one run each, each beside its baseline as a ratio.
console.log("## Parse and check speed\n");
await import("./parse-speed.js");
console.log("\n## GitHub API calls per event\n");
await import("./api-calls.js");
console.log("\n## GitHub client overhead per call\n");
await import("./client-overhead.js");
console.log("\n## Server CPU per delivery\n");
await import("./server-cpu.js");
console.log("\n## Server overhead per delivery, over HTTP\n");
await import("./server-overhead.js");
console.log("\n## CLI start\n");
await import("./cli-start.js");
console.log("\n## Size cap and time budget\n");
await import("./size-budget.js");
console.log("\n## Two replicas on one Redis\n");
await import("./replicas.js");
console.log("\n## The Action's cold start\n");
await import("./action-start.js");
