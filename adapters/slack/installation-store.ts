import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { BotError } from '../../src/errors/bot-error';
import type { StateStore } from '../../src/store/state-store';
import type { SlackKeys } from './keys';

/**
 * Slack OAuth installations (one per workspace, or per Enterprise Grid org for org-wide
 * installs) kept in the bot's state store (Redis in production), for `@slack/oauth`'s
 * `InstallProvider` through Bolt (docs/slack.md §6). Bolt calls
 * `fetchInstallation` on every request to find the bot token.
 *
 * Installations hold bot tokens; they are stored without expiry and never logged.
 */
export class StateStoreInstallationStore implements InstallationStore {
  constructor(
    private readonly store: StateStore,
    private readonly keys: SlackKeys,
  ) {}

  private idOf(query: {
    isEnterpriseInstall?: boolean;
    enterpriseId?: string | undefined;
    teamId?: string | undefined;
  }): string {
    const id = query.isEnterpriseInstall ? query.enterpriseId : query.teamId;
    if (!id)
      throw new BotError(
        'chat_installation_missing',
        'Slack installation query without team or enterprise id',
      );
    return query.isEnterpriseInstall ? `E:${id}` : `T:${id}`;
  }

  async storeInstallation(installation: Installation): Promise<void> {
    const id = this.idOf({
      isEnterpriseInstall: installation.isEnterpriseInstall ?? false,
      enterpriseId: installation.enterprise?.id,
      teamId: installation.team?.id,
    });
    await this.store.set(this.keys.installation(id), installation);
  }

  /** @throws BotError `chat_installation_missing` when the workspace has not installed the app (Bolt then answers nothing). */
  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const found = await this.store.get<Installation>(this.keys.installation(this.idOf(query)));
    if (!found)
      throw new BotError(
        'chat_installation_missing',
        `No Slack installation for ${this.idOf(query)}`,
      );
    return found;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await this.store.delete(this.keys.installation(this.idOf(query)));
  }

  /** The bot token of workspace `team_id` (for replies that answer no Slack request). */
  async botTokenFor(team_id: string): Promise<string> {
    const installation = await this.fetchInstallation({
      teamId: team_id,
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    const token = installation.bot?.token;
    if (!token)
      throw new BotError(
        'chat_installation_missing',
        `Slack installation for ${team_id} has no bot token`,
      );
    return token;
  }
}
