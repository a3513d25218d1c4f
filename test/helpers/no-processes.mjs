// Loaded first (`node --import`) by the pull_request_target test: any attempt of the step's
// to start a process (run a checked-out script, a package manager, git) throws, and the test
// sees it on stderr and in the exit code.
import childProcess from "node:child_process";
import { syncBuiltinESMExports } from "node:module";

for (const name of [
  "spawn",
  "spawnSync",
  "exec",
  "execSync",
  "execFile",
  "execFileSync",
  "fork",
]) {
  childProcess[name] = () => {
    throw new Error(`the step tried to start a process (${name})`);
  };
}
syncBuiltinESMExports();
