import { DiscordFixture, expectAllWithinLimits, textOfMessage, until } from './support';

describe('Discord: gateway deliveries and REST rate limits', () => {
  let f: DiscordFixture;
  afterEach(() => f.close());

  it('the same MESSAGE_CREATE delivered twice gives one reply', async () => {
    f = await DiscordFixture.start();
    const rita = f.standin.addUser('rita');
    const thread = await f.startDraft(rita, 'Create a campaign called Summer Sale for traffic');
    await f.waitForBotMessage(thread, /ad text/i);
    await f.settle();
    const before = f.botMessages(thread).length;

    const message = f.standin.userMessage(rita, thread, 'Big summer deals on every order');
    f.standin.dispatch('MESSAGE_CREATE', message);
    await until('a reply', () => f.botMessages(thread).length > before);
    await f.settle();
    const replies = f.botMessages(thread).slice(before);
    expect(replies).toHaveLength(1);
    expect(textOfMessage(replies[0] ?? {})).toMatch(/call to action/i);
    expect((await f.state(thread))?.draft.ad_text).toBe('Big summer deals on every order');
  });

  it('the same INTERACTION_CREATE delivered twice answers once and starts one thread', async () => {
    f = await DiscordFixture.start();
    const rita = f.standin.addUser('rita');
    const interaction = f.standin.slashCommand(rita, 'Create a campaign called Twice for traffic');
    f.standin.dispatch('INTERACTION_CREATE', interaction);
    await until('a thread', () => f.standin.threads()[0]);
    await f.settle();
    const callbacks = f.standin.calls.filter((c) => c.path.endsWith('/callback'));
    expect(callbacks.map((c) => c.status)).toEqual([200]);
    expect(f.standin.threads()).toHaveLength(1);
    // One notice that a private link was sent, one question: each once.
    const said = f.botMessages(String(f.standin.threads()[0]?.id)).map(textOfMessage);
    expect(said).toHaveLength(2);
    expect(said[0]).toMatch(/private link/);
    expect(said[1]).toMatch(/ad text/);
  });

  it('waits out a 429 (Retry-After) and then posts the reply once', async () => {
    f = await DiscordFixture.start();
    const rita = f.standin.addUser('rita');
    const thread = await f.startDraft(rita, 'Create a campaign called Summer Sale for traffic');
    await f.waitForBotMessage(thread, /ad text/i);
    await f.settle();
    const route = new RegExp(`^/channels/${thread}/messages$`);
    f.standin.rateLimitNext('POST', route, 1);
    const before = f.botMessages(thread).length;

    f.standin.userMessage(rita, thread, 'Big summer deals on every order');
    await until(
      'the reply after the rate limit',
      () => f.botMessages(thread).length > before,
      10000,
    );
    const posts = f.standin.calls.filter((c) => c.method === 'POST' && route.test(c.path));
    const [limited, retried] = posts.slice(-2);
    expect(limited?.status).toBe(429);
    expect(retried?.status).toBe(200);
    // discord.js waited Retry-After (1 s) before trying again, and sent the same body.
    expect((retried?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(retried?.body).toEqual(limited?.body);
    await f.settle();
    expect(f.botMessages(thread).slice(before)).toHaveLength(1);
    expectAllWithinLimits(f.standin.calls);
  });

  it('answers /tiktok-ad inside a thread with an ephemeral hint and starts nothing', async () => {
    f = await DiscordFixture.start();
    const rita = f.standin.addUser('rita');
    const thread = await f.startDraft(rita, 'Create a campaign called Summer Sale for traffic');
    await f.waitForBotMessage(thread, /ad text/i);
    await f.settle();
    const inThread = f.standin.slashCommand(rita, 'another one', thread);
    const answer = await until('the callback', () =>
      f.standin.calls.find((c) => c.path.endsWith(`/${inThread.token}/callback`)),
    );
    expect(answer.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(JSON.stringify(answer.body)).toMatch(/server text channel/);
    await f.settle();
    expect(f.standin.threads()).toHaveLength(1);
  });

  it('ignores other bots and messages outside the threads it owns', async () => {
    f = await DiscordFixture.start();
    const rita = f.standin.addUser('rita');
    const thread = await f.startDraft(rita, 'Create a campaign called Summer Sale for traffic');
    await f.waitForBotMessage(thread, /ad text/i);
    await f.settle();
    const otherBot = { ...f.standin.addUser('otherbot'), bot: true };
    const before = f.standin.calls.length;
    f.standin.userMessage(otherBot, thread, 'Big summer deals on every order');
    f.standin.userMessage(rita, f.standin.channelId, 'Big summer deals on every order');
    await f.settle();
    expect(f.standin.calls.slice(before)).toEqual([]);
    expect((await f.state(thread))?.draft.ad_text).toBeUndefined();
  });
});
