import { randomUUID } from 'node:crypto';
import { type RunningServer, runServer } from '../../src/app/server';
import type { WorkTracker } from '../../src/lifecycle/work-tracker';
import { cookiePair, get, LogCapture, tokenKey } from '../auth/linking-support';
import { commandRequest, eventRequest, sendSigned } from '../standins/slack-requests';
import { SlackStandIn } from '../standins/slack-standin';
import { deleteRedisPrefix, TEST_REDIS_URL, VIDEO_SCRIPT } from '../support/harness';
import { emulatedServerEnv } from '../support/server-env';

const SECRET = 'server-test-signing-secret';
const TEAM = 'T0TEST';
const CHANNEL = 'C0MARKETING';
const ANA = 'U0ANA';
const BEN = 'U0BEN';

/** Waits until `check` returns a value (polling the stand-in's record), or fails after 10 s. */
async function until<T>(what: string, check: () => T | undefined | false): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Waits until the bot finished everything it started: every Slack delivery, turn, reply and
 * background job is tracked by the runtime's WorkTracker from the moment its request arrived.
 * Checked again a tick later, in case finishing work started more. Events, not a quiet period.
 */
async function quiet(work: WorkTracker): Promise<void> {
  for (;;) {
    await work.settled();
    await new Promise((resolve) => setImmediate(resolve));
    if (work.inFlight === 0) return;
  }
}

let seq = 0;
/** A user message `ts`, distinct from the stand-in's own (`<s>.0000NN`). */
const nextTs = () => `${Math.floor(Date.now() / 1000)}.${String(900_000 + ++seq)}`;

const standin = new SlackStandIn();

describe('npm start with Slack settings: one HTTP server for Slack, OAuth and health', () => {
  const prefix = `test:server:${randomUUID()}:`;
  const logs = new LogCapture('debug');
  let server: RunningServer;
  let base: string;

  beforeAll(async () => {
    const apiUrl = await standin.listen();
    server = await runServer({
      env: {
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_API_URL: apiUrl,
        REDIS_URL: TEST_REDIS_URL,
        STATE_PREFIX: prefix,
        ...(await emulatedServerEnv()),
        TOKEN_ENCRYPTION_KEYS: tokenKey(1),
      },
      logger: logs.logger,
    });
    base = server.runtime.httpBase;
  });
  afterAll(async () => {
    await server.close();
    await standin.close();
    await deleteRedisPrefix(prefix);
  });

  const send = (request: Parameters<typeof sendSigned>[2]) =>
    sendSigned(`${base}/slack/events`, SECRET, request);
  const thread = (ts: string) => standin.messagesIn(CHANNEL, ts);
  const threadText = (ts: string) => JSON.stringify(thread(ts).map((m) => m.blocks));

  it('answers the health check', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('refuses an unsigned Slack request', async () => {
    const res = await sendSigned(
      `${base}/slack/events`,
      SECRET,
      commandRequest({
        team_id: TEAM,
        channel_id: CHANNEL,
        user_id: ANA,
        text: 'x',
        response_url: standin.responseUrl(),
      }),
      { unsigned: true },
    );
    expect(res.status).toBe(401);
  });

  it('slash command → thread → DM link at once → real OAuth through the emulator → teammate ✅ → ad created', async () => {
    const ack = await send(
      commandRequest({
        team_id: TEAM,
        channel_id: CHANNEL,
        user_id: ANA,
        user_name: 'ana',
        text: VIDEO_SCRIPT[0] ?? '',
        response_url: standin.responseUrl(),
      }),
    );
    expect(ack.status).toBe(200);
    const root = await until('the thread root', () =>
      standin.messages.find((m) => m.channel === CHANNEL && !m.thread_ts),
    );
    await until('the first question', () => thread(root.ts).length > 0);
    await quiet(server.runtime.work);
    // The private link arrives by DM at once; Ana links before going on.
    const dm = await until('the private link by DM', () => standin.messagesIn(`D${ANA}`)[0]);
    const link = /http:\/\/[^"\s]+\/oauth\/tiktok\/start\?link=[\w-]+/.exec(
      JSON.stringify(dm.blocks),
    )?.[0];
    expect(link).toBeDefined();
    expect(threadText(root.ts)).not.toContain('/oauth/tiktok/start');
    // Links point at PUBLIC_URL, the emulator's page included; the thread opens with the notice.
    const publicUrl = server.runtime.config.PUBLIC_URL ?? '';
    expect(link?.startsWith(`${publicUrl}/oauth/tiktok/start?link=`)).toBe(true);
    expect(JSON.stringify(thread(root.ts)[0]?.blocks)).toContain('no real ad will be created');

    const start = await get(link ?? '');
    expect(start.location?.startsWith(`${publicUrl}/tiktok-emulator/portal/auth?`)).toBe(true);
    const portal = await get(start.location ?? '');
    const done = await get(portal.location ?? '', cookiePair(start));
    expect(done.status).toBe(200);
    expect(done.body).toContain('TikTok account linked');
    await until('the linked notice', () => threadText(root.ts).includes('TikTok account linked'));
    await quiet(server.runtime.work);

    for (const line of VIDEO_SCRIPT.slice(1)) {
      const before = thread(root.ts).length;
      const ts = nextTs();
      await send(
        eventRequest(TEAM, {
          type: 'message',
          channel: CHANNEL,
          channel_type: 'channel',
          user: ANA,
          text: line,
          ts,
          thread_ts: root.ts,
          event_ts: ts,
          team: TEAM,
        }),
      );
      await until(`a reply to "${line}"`, () => thread(root.ts).length > before);
      await quiet(server.runtime.work);
    }
    const card = await until('the approval card', () =>
      thread(root.ts).find((m) => JSON.stringify(m.blocks).includes('tab:approve')),
    );
    await send(
      eventRequest(TEAM, {
        type: 'reaction_added',
        user: BEN,
        reaction: 'white_check_mark',
        item_user: standin.bot_user_id,
        item: { type: 'message', channel: CHANNEL, ts: card.ts },
        event_ts: nextTs(),
      }),
    );
    await until('the result card', () => threadText(root.ts).includes('1600000000000000001'));
    expect(server.runtime.emulator?.counts()).toMatchObject({ campaigns: 1, adgroups: 1, ads: 1 });
    const confirmations = standin.messagesIn(`D${ANA}`).map((m) => JSON.stringify(m.blocks));
    expect(confirmations.join()).toContain('Your TikTok account is linked');
    const state = new URL(start.location ?? '').searchParams.get('state') ?? 'none';
    expect(logs.lines.join('\n')).not.toContain(state);
    expect(logs.lines.join('\n')).not.toContain(SECRET);
  });
});
