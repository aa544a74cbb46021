import type { webApi } from '@slack/bolt';
import type { ChatUser } from '../../src/engine/ports';
import type { Logger } from '../../src/logging/logger';
import type { TokenFor } from './delivery';
import { slackErrorCode } from './log-fields';

/** The workspace a vote happened in: its `team_id` and, on Enterprise Grid, its enterprise. */
export interface SlackWorkspace {
  team_id: string;
  enterprise_id?: string | undefined;
}

/** The voter as the request names them: `block_actions` carries `user.team_id`, reactions not. */
export interface SlackVoter {
  id: string;
  team_id?: string | undefined;
}

interface HomeOrg {
  team_id?: string;
  enterprise_id?: string;
}

/**
 * Tells whether a Slack user who approves or rejects is one of the workspace's own people. In a
 * Slack Connect channel people of other organizations click and react too; Slack gives their
 * home `team_id` (and `enterprise_user.enterprise_id` on Enterprise Grid) in `users.info`
 * (scope `users:read`; docs.slack.dev/reference/methods/users.info, docs.slack.dev/apis/slack-connect).
 * A user is a member when their `team_id` is the workspace's, or their enterprise is the
 * workspace's enterprise (another workspace of the same Grid). Answers are cached per workspace
 * and user for `ttlMs` (default 10 minutes). A failed lookup is `unverified` (fail closed).
 */
export class SlackOrganization {
  private readonly cache = new Map<string, { org: HomeOrg; until: number }>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly tokenFor: TokenFor,
    private readonly logger: Logger,
    private readonly ttlMs = 10 * 60_000,
  ) {}

  /** `undefined` for a member; otherwise why not (`ChatUser.outside`). */
  async outsideOf(workspace: SlackWorkspace, voter: SlackVoter): Promise<ChatUser['outside']> {
    if (voter.team_id !== undefined && voter.team_id === workspace.team_id) return undefined;
    const org = await this.homeOf(workspace.team_id, voter.id);
    if (!org) return 'unverified';
    if (org.team_id === workspace.team_id) return undefined;
    if (workspace.enterprise_id && org.enterprise_id === workspace.enterprise_id) return undefined;
    return 'other_organization';
  }

  private async homeOf(team_id: string, user: string): Promise<HomeOrg | null> {
    const key = `${team_id}:${user}`;
    const cached = this.cache.get(key);
    if (cached && cached.until > Date.now()) return cached.org;
    try {
      const token = await this.tokenFor(team_id);
      const info = await this.client.users.info({ token, user });
      const found = info.user;
      if (!found?.team_id) return null;
      const org: HomeOrg = {
        team_id: found.team_id,
        ...(found.enterprise_user?.enterprise_id
          ? { enterprise_id: found.enterprise_user.enterprise_id }
          : {}),
      };
      if (this.cache.size >= 10_000) this.cache.clear();
      this.cache.set(key, { org, until: Date.now() + this.ttlMs });
      return org;
    } catch (error) {
      this.logger.warn(
        { slack_error: slackErrorCode(error) },
        'could not look up a voter with users.info; their vote is not counted',
      );
      return null;
    }
  }
}
