// npm run bench: every benchmark, one run each, each beside its baseline as a ratio.
console.log("## Parse and check speed\n");
await import("./parse-speed.js");
console.log("\n## GitHub API calls per event\n");
await import("./api-calls.js");
console.log("\n## Size cap and time budget\n");
await import("./size-budget.js");
