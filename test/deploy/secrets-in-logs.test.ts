import { randomBytes } from 'node:crypto';
import { createTikTokEmulator, type TikTokEmulator } from '../../src/tiktok/emulator';
import { cookiePair, get, tokenKey } from '../auth/linking-support';
import { DiscordStandIn } from '../standins/discord-standin';
import { commandRequest, eventRequest, sendSigned } from '../standins/slack-requests';
import { SlackStandIn } from '../standins/slack-standin';
import { ChildBot, until } from './child-bot';
import { freePort, PasswordRedis } from './password-redis';

jest.setTimeout(60_000);

const TEAM = 'T0TEST';
const CHANNEL = 'C0MARKETING';
const ANA = 'U0ANA';
const BEN = 'U0BEN';
const secret = (label: string) => `${label}-${randomBytes(12).toString('hex')}`;
const SIGNING_SECRET = secret('signing');
const SLACK_BOT_TOKEN = `xoxb-${secret('slack')}`;
const REDIS_PASSWORD = secret('redis');
const TIKTOK_APP_SECRET = secret('tiktok-app');
const TIKTOK_APP_ID = '7100000000000000042';
const ALL_IN_ONE =
  'Campaign named Fall Boots Promo for traffic. Ad text: Warm boots for cold days! Button: Shop now. No music, landing page https://boots.example.com, budget $60/day, video vid_summer_1';

/** Every line the child wrote, on stdout or stderr. */
const allOutput = (bot: ChildBot) => `${bot.stdout}\n${bot.errLines.join('\n')}`;

/** Which of `secrets` (name → value) appear in `text`. */
const leaked = (text: string, secrets: Record<string, string>) =>
  Object.entries(secrets)
    .filter(([, value]) => value.length > 0 && text.includes(value))
    .map(([name]) => name);

describe('no secret in any log line at LOG_LEVEL=trace (the built bot as a child process)', () => {
  let redis: PasswordRedis;
  let slack: SlackStandIn;
  let discord: DiscordStandIn;
  let emulator: TikTokEmulator;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    redis = await PasswordRedis.start(REDIS_PASSWORD);
    slack = new SlackStandIn({ tokens: [SLACK_BOT_TOKEN] });
    discord = await DiscordStandIn.start();
    emulator = createTikTokEmulator({ appId: TIKTOK_APP_ID, secret: TIKTOK_APP_SECRET });
    const tiktok = await emulator.listen(0);
    const port = await freePort();
    env = {
      LOG_LEVEL: 'trace',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN,
      SLACK_API_URL: await slack.listen(),
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
      STATE_PREFIX: `test:secrets:${randomBytes(6).toString('hex')}:`,
      HTTP_PORT: String(port),
      TIKTOK_BASE_URL: tiktok,
      TIKTOK_PORTAL_URL: `${tiktok}/portal/auth`,
      TIKTOK_APP_ID,
      TIKTOK_SECRET: TIKTOK_APP_SECRET,
      TIKTOK_REDIRECT_URI: `http://127.0.0.1:${port}/oauth/tiktok/callback`,
      // Where users' browsers reach the bot: the linking pages.
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      TOKEN_ENCRYPTION_KEYS: tokenKey(1),
    };
  });
  afterAll(async () => {
    await redis?.stop();
    await slack?.close();
    await discord?.close();
    await emulator?.close();
  });

  it('a wrong Redis password: start refused, naming Redis, the password in no line', async () => {
    const bot = ChildBot.start({ ...env, REDIS_URL: redis.url('wrong-password-for-redis') });
    const exit = await bot.exited;
    expect(exit.code).toBe(1);
    const output = allOutput(bot);
    expect(output).toContain('WRONGPASS');
    expect(output).toContain('redis://default:***@127.0.0.1');
    expect(leaked(output, { wrong: 'wrong-password-for-redis', REDIS_PASSWORD })).toEqual([]);
    expect(leaked(output, { SIGNING_SECRET, SLACK_BOT_TOKEN, TIKTOK_APP_SECRET })).toEqual([]);
    expect(leaked(output, { discord: discord.token })).toEqual([]);
  });

  it('a whole conversation, OAuth link and approval: no secret, code, state or link id', async () => {
    const bot = ChildBot.start({ ...env, REDIS_URL: redis.url() });
    try {
      const base = await bot.started();
      const ack = await sendSigned(
        `${base}/slack/events`,
        SIGNING_SECRET,
        commandRequest({
          team_id: TEAM,
          channel_id: CHANNEL,
          user_id: ANA,
          user_name: 'ana',
          text: ALL_IN_ONE,
          response_url: slack.responseUrl(),
        }),
      );
      expect(ack.status).toBe(200);
      const dm = await until('the private link by DM', () => slack.messagesIn(`D${ANA}`)[0]);
      const link = /http:\/\/[^"\s]+\/oauth\/tiktok\/start\?link=([\w-]+)/.exec(
        JSON.stringify(dm.blocks),
      );
      const linkId = link?.[1] ?? 'no link id';
      const start = await get(link?.[0] ?? '');
      const state = new URL(start.location ?? '').searchParams.get('state') ?? 'no state';
      const portal = await get(start.location ?? '');
      const authCode = new URL(portal.location ?? '').searchParams.get('auth_code') ?? 'no code';
      const done = await get(portal.location ?? '', cookiePair(start));
      expect(done.body).toContain('TikTok account linked');
      const root = await until('the thread root', () =>
        slack.messages.find((m) => m.channel === CHANNEL && !m.thread_ts),
      );
      const card = await until('the approval card', () =>
        slack
          .messagesIn(CHANNEL, root.ts)
          .find((m) => JSON.stringify(m.blocks).includes('tab:approve')),
      );
      await sendSigned(
        `${base}/slack/events`,
        SIGNING_SECRET,
        eventRequest(TEAM, {
          type: 'reaction_added',
          user: BEN,
          reaction: 'white_check_mark',
          item_user: slack.bot_user_id,
          item: { type: 'message', channel: CHANNEL, ts: card.ts },
          event_ts: `${Math.floor(Date.now() / 1000)}.900001`,
        }),
      );
      await until('the ad on TikTok', () => emulator.counts().ads === 1);
      await until('the result in the thread', () =>
        JSON.stringify(slack.messagesIn(CHANNEL, root.ts)).includes('Created on TikTok'),
      );
      bot.proc.kill('SIGTERM');
      expect((await bot.exited).code).toBe(0);

      const output = allOutput(bot);
      const levels = new Set(bot.logs().map((l) => l.level));
      // Debug lines were written (the bot logs nothing at trace), Slack's Web API client's among them.
      expect([...levels]).toEqual(expect.arrayContaining([20, 30]));
      expect(output).toContain('http request url');
      const accessTokens = [...emulator.state.tokens.keys()];
      expect(accessTokens.length).toBeGreaterThan(1);
      const secrets: Record<string, string> = {
        SIGNING_SECRET,
        SLACK_BOT_TOKEN,
        DISCORD_TOKEN: discord.token,
        TIKTOK_APP_SECRET,
        REDIS_PASSWORD,
        TOKEN_ENCRYPTION_KEY: String(env.TOKEN_ENCRYPTION_KEYS).slice(2),
        linkId,
        state,
        authCode,
        ...Object.fromEntries(accessTokens.map((t, i) => [`access_token_${i}`, t])),
      };
      expect(leaked(output, secrets)).toEqual([]);
    } finally {
      bot.kill();
    }
  });
});
