import { WRITER_ROLES, type StatusRule } from "../config/status-rules.js";
import type { GitHubClient } from "./client.js";

/**
 * Checks users against status rules: by default their role on the repository (write, maintain
 * or admin), else the users and teams the rule names (teams through membership). Answers are
 * remembered for the run, so each user costs at most one call per question. Given
 * `uncheckedTeam`, team membership is not asked (the token cannot read it): a team allows
 * no one, and `uncheckedTeam` hears which team was not checked for whom.
 */
export function createMayUserSet(
  client: GitHubClient,
  uncheckedTeam?: (team: string, user: string) => void,
): (user: string, rule: StatusRule) => Promise<boolean> {
  const roles = new Map<string, Promise<string | undefined>>();
  const teams = new Map<string, Promise<boolean>>();
  const roleOf = (user: string): Promise<string | undefined> => {
    const key = user.toLowerCase();
    let role = roles.get(key);
    if (!role) {
      role = client.getPermission(user);
      roles.set(key, role);
    }
    return role;
  };
  const inTeam = (
    org: string,
    slug: string,
    user: string,
  ): Promise<boolean> => {
    const key = `${org}/${slug}/${user}`.toLowerCase();
    let member = teams.get(key);
    if (!member) {
      member = client.isTeamMember(org, slug, user);
      teams.set(key, member);
    }
    return member;
  };
  return async (user, rule) => {
    if (rule.setBy === undefined)
      return WRITER_ROLES.includes((await roleOf(user)) ?? "");
    for (const setter of rule.setBy) {
      if (setter.kind === "user") {
        if (setter.login.toLowerCase() === user.toLowerCase()) return true;
      } else if (uncheckedTeam)
        uncheckedTeam(`@${setter.org}/${setter.slug}`, user);
      else if (await inTeam(setter.org, setter.slug, user)) return true;
    }
    return false;
  };
}
