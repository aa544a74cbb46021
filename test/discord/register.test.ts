import { registerCommands } from '../../adapters/discord/register';
import { DiscordStandIn } from '../standins/discord-standin';

describe('npm run discord:register', () => {
  let standin: DiscordStandIn;
  beforeEach(async () => {
    standin = await DiscordStandIn.start();
  });
  afterEach(() => standin.close());

  const env = () => ({
    DISCORD_TOKEN: standin.token,
    DISCORD_APPLICATION_ID: standin.applicationId,
    DISCORD_API_URL: standin.apiUrl,
  });

  it('registers /tiktok-ad with its optional text option in one guild', async () => {
    const where = await registerCommands({ ...env(), DISCORD_GUILD_ID: standin.guildId });
    expect(where).toBe(`guild ${standin.guildId}`);
    const [call] = standin.calls;
    expect(call?.method).toBe('PUT');
    expect(call?.path).toBe(
      `/applications/${standin.applicationId}/guilds/${standin.guildId}/commands`,
    );
    expect(call?.status).toBe(200);
    expect(call?.body).toEqual([
      expect.objectContaining({
        name: 'tiktok-ad',
        contexts: [0],
        options: [expect.objectContaining({ name: 'text', type: 3, required: false })],
      }),
    ]);
  });

  it('registers globally without DISCORD_GUILD_ID', async () => {
    expect(await registerCommands(env())).toBe('global');
    expect(standin.calls.map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual([
      `PUT /applications/${standin.applicationId}/commands 200`,
    ]);
  });

  it('refuses to run without a token, and reports a wrong one', async () => {
    await expect(registerCommands({ ...env(), DISCORD_TOKEN: '' })).rejects.toThrow(
      /DISCORD_TOKEN is required/,
    );
    await expect(registerCommands({ ...env(), DISCORD_GUILD_ID: 'general' })).rejects.toThrow(
      /DISCORD_GUILD_ID/,
    );
    await expect(registerCommands({ ...env(), DISCORD_TOKEN: 'wrong' })).rejects.toMatchObject({
      status: 401,
    });
  });
});
