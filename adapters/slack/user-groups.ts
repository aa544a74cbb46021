import type { webApi } from '@slack/bolt';
import type { Logger } from '../../src/logging/logger';
import type { TokenFor } from './delivery';

/** Slack user-group ids look like `S0123ABCD` (docs.slack.dev "User groups"). */
const USER_GROUP_ID = /^S[A-Z0-9]{2,}$/;

/** The Slack user-group ids among an `APPROVERS` list (the rest are user ids). */
export function userGroupIds(approvers: readonly string[]): string[] {
  return approvers.filter((id) => USER_GROUP_ID.test(id));
}

/**
 * Which of the configured user groups a Slack user is in, for approvals restricted by
 * `APPROVERS`: `usergroups.users.list` per group (scope `usergroups:read`;
 * docs.slack.dev/reference/methods/usergroups.users.list), cached per workspace and group for
 * `ttlMs`. A group Slack cannot list counts as "not a member" (fail closed) and is logged.
 */
export class SlackUserGroups {
  private readonly cache = new Map<string, { users: Set<string>; until: number }>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly tokenFor: TokenFor,
    private readonly groups: readonly string[],
    private readonly logger: Logger,
    private readonly ttlMs = 60_000,
  ) {}

  /** The configured group ids `user_id` belongs to in workspace `team_id`. */
  async groupsOf(team_id: string, user_id: string): Promise<string[]> {
    const member: string[] = [];
    for (const group of this.groups) {
      const users = await this.usersOf(team_id, group);
      if (users.has(user_id)) member.push(group);
    }
    return member;
  }

  private async usersOf(team_id: string, usergroup: string): Promise<Set<string>> {
    const key = `${team_id}:${usergroup}`;
    const cached = this.cache.get(key);
    if (cached && cached.until > Date.now()) return cached.users;
    try {
      const token = await this.tokenFor(team_id);
      const result = await this.client.usergroups.users.list({ token, usergroup });
      const users = new Set(result.users ?? []);
      this.cache.set(key, { users, until: Date.now() + this.ttlMs });
      return users;
    } catch (error) {
      this.logger.warn(
        { err: error, usergroup },
        'could not list a Slack user group; counted as not a member',
      );
      return new Set();
    }
  }
}
