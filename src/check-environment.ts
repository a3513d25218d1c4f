/**
 * Refuses to start in production without a webhook secret: Probot would otherwise accept
 * webhooks signed with the well-known secret "development".
 */
export function checkEnvironment(env: NodeJS.ProcessEnv): string | undefined {
  if (env.NODE_ENV === "production" && !env.WEBHOOK_SECRET) {
    return "WEBHOOK_SECRET is not set. In production Design Docs Bot only accepts webhooks signed with your app's secret: set WEBHOOK_SECRET to the secret in your GitHub App's settings.";
  }
  if (env.APP_ID !== undefined && !/^\d+$/u.test(env.APP_ID)) {
    return `APP_ID must be your GitHub App's numeric id, not "${env.APP_ID}".`;
  }
  return undefined;
}
