import { locateConfigKey } from "../config/locate-config-key.js";
import { resolveMergeStatuses } from "../config/merge-rule.js";
import type { Config } from "../config/parse-config.js";
import type {
  ChangedFile,
  ConfigFile,
  GitHubClient,
} from "../github/client.js";
import type { ProposedConfig } from "../report/render-proposed-config.js";
import { BUILTIN_TEMPLATE_IDS } from "../templates/builtin-templates.js";
import {
  APP_CONFIG_SOURCE,
  loadTemplates,
  readConfigChain,
  vocabularyOf,
} from "./load-repo-config.js";
import type { RunContext } from "./run-context.js";

/**
 * The files a PR changes that the repo's rules are read from: its config file, and the repo
 * templates the config on the default branch names.
 */
export function configFilesTouched(
  files: readonly ChangedFile[],
  config: Config,
  configPath: string,
): string[] {
  const templates = config.templates.filter(
    (ref) => !(BUILTIN_TEMPLATE_IDS as readonly string[]).includes(ref),
  );
  return files
    .filter((file) =>
      [file.path, file.previousPath].some(
        (path) =>
          path !== undefined &&
          (path === configPath || templates.includes(path)),
      ),
    )
    .map((file) => file.path);
}

/**
 * The config and templates a PR proposes, read at its head as the App will read them once it
 * is merged (`_extends` and all), with every error and the line of the file it is on.
 */
export async function validateProposedConfig(
  run: Pick<RunContext, "client" | "workers" | "configSource">,
  repo: { owner: string; repo: string },
  touched: readonly string[],
  headSha: string,
): Promise<ProposedConfig> {
  const { client } = run;
  const source = run.configSource ?? APP_CONFIG_SOURCE;
  let text: string | undefined;
  const atHead: Pick<GitHubClient, "getConfigFile"> = {
    async getConfigFile(owner, name, path): Promise<ConfigFile> {
      const own =
        owner.toLowerCase() === repo.owner.toLowerCase() &&
        name.toLowerCase() === repo.repo.toLowerCase() &&
        path === source.path;
      if (!own) return client.getConfigFile(owner, name, path);
      const file = await client.getFile(path, headSha);
      if (file?.text === undefined) return { kind: "absent" };
      text = file.text;
      return { kind: "file", text: file.text };
    },
  };
  const chain = await readConfigChain(atHead, repo.owner, repo.repo, source);
  const templates = await loadTemplates(
    chain.config,
    client,
    run.workers,
    headSha,
  );
  const merge = chain.config.merge
    ? resolveMergeStatuses(
        chain.config.merge,
        vocabularyOf(chain.config, templates.templates),
      ).errors
    : [];
  return {
    files: [...touched],
    errors: [...chain.errors, ...templates.errors, ...merge].map((error) => ({
      path: source.path,
      line: text === undefined ? undefined : locateConfigKey(text, error.key),
      key: error.key,
      message: error.message,
    })),
  };
}
