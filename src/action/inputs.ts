import { getInput } from "@actions/core";
import { CONFIG_PATH } from "../config/parse-config.js";

/** The step's inputs (`with:`), as action.yml declares them. */
export interface ActionInputs {
  token: string;
  /** The repo's own config file, a path in the repository. */
  config: string;
  /** `failure`: the step fails when a doc does; `never`: findings never fail it. */
  failOn: "failure" | "never";
  /** Also write the `Design docs` check run, as the App does. */
  checkRun: boolean;
}

/** An input the step cannot run with: said as the step's error, exit 1. */
export class InputError extends Error {
  override name = "InputError";
}

const FAIL_ON = ["failure", "never"] as const;

/** Reads the inputs from `INPUT_<NAME>`, as every JavaScript action does. */
export function readInputs(): ActionInputs {
  const token = getInput("token");
  if (token === "")
    throw new InputError(
      "the token input is empty: leave it out to use the workflow's token, or pass one (`token: ${{ secrets.… }}`)",
    );
  const config = getInput("config") || CONFIG_PATH;
  if (
    config.startsWith("/") ||
    config.split("/").some((part) => part === ".." || part === "") ||
    !/\.ya?ml$/u.test(config)
  )
    throw new InputError(
      `the config input must be a .yml file's path in the repository, like ${CONFIG_PATH}, not "${config}"`,
    );
  const failOn = getInput("fail-on") || "failure";
  if (!(FAIL_ON as readonly string[]).includes(failOn))
    throw new InputError(
      `the fail-on input must be ${FAIL_ON.join(" or ")}, not "${failOn}"`,
    );
  const checkRun = getInput("check-run") || "false";
  if (checkRun !== "true" && checkRun !== "false")
    throw new InputError(
      `the check-run input must be true or false, not "${checkRun}"`,
    );
  return {
    token,
    config,
    failOn: failOn as ActionInputs["failOn"],
    checkRun: checkRun === "true",
  };
}
