import type { Installation } from '@slack/bolt';
import { StateStoreInstallationStore } from '../../../adapters/slack/installation-store';
import { SlackKeys } from '../../../adapters/slack/keys';
import { BotError } from '../../../src/errors/bot-error';
import { Keys } from '../../../src/store/keys';
import { useRedisStore } from '../../store/redis-test-support';

const { prefix, admin, store } = useRedisStore('slack-installs');
const installs = new StateStoreInstallationStore(store, new SlackKeys(new Keys(prefix)));

const teamInstall = (team: string, token: string) =>
  ({
    team: { id: team },
    enterprise: undefined,
    isEnterpriseInstall: false,
    bot: { token, userId: 'UBOT', id: 'B1', scopes: [] },
  }) as unknown as Installation;

describe('StateStoreInstallationStore (real Redis)', () => {
  it('stores a workspace install, finds its bot token, and forgets it on delete', async () => {
    await installs.storeInstallation(teamInstall('T1', 'xoxb-one'));
    const query = { teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false } as const;
    expect((await installs.fetchInstallation(query)).bot?.token).toBe('xoxb-one');
    expect(await installs.botTokenFor('T1')).toBe('xoxb-one');
    expect(await admin.ttl(`${prefix}slack:installation:T:T1`)).toBe(-1);
    await installs.deleteInstallation(query);
    await expect(installs.fetchInstallation(query)).rejects.toMatchObject({
      code: 'chat_installation_missing',
    });
  });

  it('keeps an org-wide install apart from a workspace of the same id', async () => {
    const org = {
      ...teamInstall('T2', 'xoxb-org'),
      enterprise: { id: 'E1' },
      isEnterpriseInstall: true,
    } as unknown as Installation;
    await installs.storeInstallation(org);
    expect(
      (
        await installs.fetchInstallation({
          teamId: undefined,
          enterpriseId: 'E1',
          isEnterpriseInstall: true,
        })
      ).bot?.token,
    ).toBe('xoxb-org');
    await expect(installs.botTokenFor('E1')).rejects.toBeInstanceOf(BotError);
  });

  it('refuses a query that names no team or enterprise', async () => {
    await expect(
      installs.fetchInstallation({
        teamId: undefined,
        enterpriseId: undefined,
        isEnterpriseInstall: false,
      }),
    ).rejects.toThrow('Slack installation query without team or enterprise id');
  });
});
