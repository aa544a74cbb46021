import type { WireObject } from '../standins/discord-payloads';
import { CAROUSEL_SCRIPT } from '../support/harness';
import { DiscordFixture, expectAllWithinLimits, textOfMessage, until } from './support';

type Embed = { title?: string; description?: string; fields?: { name: string; value: string }[] };
const embedsOf = (m: WireObject) => (m.embeds as Embed[] | undefined) ?? [];
const buttonsOf = (m: WireObject) =>
  (
    (m.components as
      | { components: { custom_id?: string; url?: string; style: number }[] }[]
      | undefined) ?? []
  ).flatMap((row) => row.components);

describe('Discord: the whole story', () => {
  let f: DiscordFixture;
  afterEach(() => f.close());

  it('slash command, thread, link by DM at once, link mid-conversation, a teammate ✅ on an uncached card after a restart, submit with progress edits, result', async () => {
    f = await DiscordFixture.start({ allow_self_approval: false });
    const { standin } = f;
    const rita = standin.addUser('rita');
    const tom = standin.addUser('tom');

    // The gateway session asked for exactly the five intents (sum 38401).
    expect(standin.identifies).toEqual([38401]);

    // /tiktok-ad with text: answered (type 4) with a public message, a thread started from it.
    const [first, ...rest] = CAROUSEL_SCRIPT;
    const thread = await f.startDraft(rita, first);
    const callback = standin.calls.find((c) => c.path.endsWith('/callback'));
    expect(callback?.body).toMatchObject({ type: 4, data: { allowed_mentions: { parse: [] } } });
    expect(String((callback?.body?.data as WireObject | undefined)?.content)).toContain(
      `New TikTok ad draft by <@${rita.id}>`,
    );
    const starter = standin.channelMessages(standin.channelId)[0];
    expect(starter?.id).toBe(thread); // a thread started from a message shares its id
    expect(standin.threads()[0]?.name).toBe(`TikTok ad: ${first}`);

    // The text was the first message: the bot already asks for the next field in the thread.
    await f.waitForBotMessage(thread, /ad text/i);
    // Every turn that changed the draft opens with what was understood.
    await f.waitForBotMessage(thread, /Got it: campaign name SoluLab · objective Conversions/);

    // Rita has no TikTok link yet: the link goes to her by DM at once, never into the thread.
    await f.waitForBotMessage(thread, /private link/);
    const invite = await until('a link invite', () => f.access.invites[0]);
    const dm = await until('the DM channel', () => standin.dmChannelOf(rita.id));
    const dmOpen = standin.calls.find((c) => c.path === '/users/@me/channels');
    expect(dmOpen?.body).toEqual({ recipient_id: rita.id });
    const linkDm = await until('the link DM', () => standin.channelMessages(dm)[0]);
    expect(buttonsOf(linkDm)).toEqual([expect.objectContaining({ style: 5, url: invite.url })]);
    expect(f.botMessages(thread).some((m) => textOfMessage(m).includes(invite.url))).toBe(false);

    // She links midway (the OAuth callback's part): DM confirmation, the thread is told.
    await f.say(thread, rita, rest[0] ?? '');
    await f.completeLinking(thread, { id: rita.id, name: 'rita' });
    expect(textOfMessage(standin.channelMessages(dm)[1] ?? {})).toMatch(
      /Your TikTok account is linked/,
    );
    await f.waitForBotMessage(thread, /TikTok account linked for rita/);
    for (const line of rest.slice(1)) await f.say(thread, rita, line);
    await f.waitForBotMessage(thread, /TikTok confirmed music music_123/);
    const card = await f.waitForBotMessage(thread, /Approval needed/);
    const preview = f
      .botMessages(thread)
      .find((m) => embedsOf(m).some((e) => e.title === 'Ad preview'));
    expect(textOfMessage(preview ?? {})).toContain('SoluLab');
    expect(buttonsOf(card).map((b) => b.custom_id)).toEqual([
      'tad:approve',
      'tad:reject',
      'tad:audit',
    ]);
    // The bot put ✅ and ❌ on the card to click.
    const reacted = standin.calls.filter(
      (c) => c.method === 'PUT' && c.path.includes(`/messages/${card.id}/reactions/`),
    );
    expect(reacted.map((c) => c.path.split('/')[6])).toEqual(['✅', '❌']);

    // Restart: the new client has the thread (GUILD_CREATE) but not the card in its cache.
    await f.restart();
    const cached = f.adapter.client.channels.cache.get(thread);
    expect(cached).toBeDefined();
    expect(cached?.isThread() && cached.messages.cache.has(String(card.id))).toBe(false);

    // Tom's ✅ on the uncached card counts: the partial is fetched, the draft approved.
    const callsBefore = standin.calls.length;
    standin.react(tom, thread, String(card.id), '✅');
    await f.waitForBotMessage(thread, /Approved\. Submitting/);
    expect(f.emulator.counts().campaigns).toBeLessThanOrEqual(1);
    expect(
      standin.calls
        .slice(callsBefore)
        .some((c) => c.method === 'GET' && c.path === `/channels/${thread}/messages/${card.id}`),
    ).toBe(true);
    const result = await f.waitForBotMessage(thread, /Created on TikTok/);
    expect(f.botMessages(thread).some((m) => /approval again/.test(textOfMessage(m)))).toBe(false);

    // Progress: posted once, then edited in place until every step is done.
    const progress = f
      .botMessages(thread)
      .filter((m) => embedsOf(m).some((e) => e.title === 'Submitting to TikTok'));
    expect(progress).toHaveLength(1);
    const progressId = String(progress[0]?.id);
    const edits = standin.calls.filter(
      (c) => c.method === 'PATCH' && c.path === `/channels/${thread}/messages/${progressId}`,
    );
    expect(edits.length).toBeGreaterThanOrEqual(2);
    const finalProgress = embedsOf(standin.message(thread, progressId) ?? {})[0]?.description ?? '';
    // Campaign, ad group, ad, and the final switch-on step.
    expect(finalProgress.split('\n')).toHaveLength(4);
    expect(finalProgress.split('\n').every((line) => line.startsWith('✅'))).toBe(true);

    // The result embed carries TikTok's ids, the same the thread state saved.
    const saved = await f.stateWhen(thread, (s) => s.status === 'submitted');
    const fields = Object.fromEntries(
      embedsOf(result)[0]?.fields?.map((x) => [x.name, x.value]) ?? [],
    );
    expect(fields).toEqual({
      Advertiser: `\`${saved?.submission?.advertiser_id}\``,
      Campaign: `\`${saved?.submission?.campaign_id}\``,
      'Ad group': `\`${saved?.submission?.adgroup_id}\``,
      Ad: `\`${saved?.submission?.ad_id}\``,
    });
    expect(f.emulator.counts().campaigns).toBe(1);

    // Every payload the bot sent in the story fits Discord's limits and pings nobody.
    expect(expectAllWithinLimits(standin.calls)).toBeGreaterThan(10);
  });
});
