import type { Probot } from "probot";

/**
 * The login of this app's bot user, `<slug>[bot]`, asked of GitHub once (`GET /app`, as the
 * app) and remembered; a failed lookup is asked again next time. Commits GitHub links to
 * this account and has verified are the bot's own.
 */
export function createBotLogin(app: Probot): () => Promise<string> {
  let login: Promise<string> | undefined;
  return () => {
    login ??= app
      .auth()
      .then((octokit) => octokit.rest.apps.getAuthenticated())
      .then(({ data }) => `${data?.slug ?? ""}[bot]`)
      .catch((error: unknown) => {
        login = undefined;
        throw error;
      });
    return login;
  };
}
