import { EMULATOR_ACCESS_TOKEN } from '../../src/tiktok/emulator';
import type { WireObject } from '../standins/discord-payloads';
import { DiscordFixture, expectAllWithinLimits, textOfMessage, until } from './support';

const ephemeralFollowUps = (f: DiscordFixture) =>
  f.standin.calls.filter(
    (c) =>
      c.method === 'POST' &&
      /^\/webhooks\/\d+\/[^/]+$/.test(c.path) &&
      (Number(c.body?.flags ?? 0) & 64) === 64,
  );

describe('Discord: the private link when DMs are closed', () => {
  let f: DiscordFixture;
  afterEach(() => f.close());

  it('falls back to an ephemeral follow-up of /tiktok-ad when the requester cannot get DMs (50007)', async () => {
    f = await DiscordFixture.start({ allow_self_approval: true });
    const rita = f.standin.addUser('rita');
    f.standin.closeDms(rita.id);
    // Rita starts a draft; she has no TikTok link, so the link goes out at once.
    const thread = await f.startDraft(rita, 'Create a campaign called Closed DMs for traffic');
    const followUp = await until('the ephemeral follow-up', () => ephemeralFollowUps(f)[0]);
    const invite = f.access.invites[0];
    expect(invite?.user.user_id).toBe(rita.id);
    // The DM was tried first, and Discord refused it.
    const dm = f.standin.dmChannelOf(rita.id);
    const refused = f.standin.calls.find((c) => c.path === `/channels/${dm}/messages`);
    expect(refused?.status).toBe(403);
    // The link reached her, only her, as a link button.
    expect(JSON.stringify(followUp.body)).toContain(invite?.url);
    expect(followUp.status).toBe(200);
    // …and never the thread.
    await f.settle();
    expect(f.botMessages(thread).some((m) => textOfMessage(m).includes(String(invite?.url)))).toBe(
      false,
    );
    expect(f.standin.channelMessages(dm ?? '')).toHaveLength(0);
    expectAllWithinLimits(f.standin.calls);
  });

  it('without an interaction of theirs, mentions them in the thread (no link) and the button then works', async () => {
    f = await DiscordFixture.start({ allow_self_approval: false });
    const rita = f.standin.addUser('rita');
    const tom = f.standin.addUser('tom');
    f.standin.closeDms(rita.id);
    const { thread, card } = await f.readyDraft(rita);
    const before = ephemeralFollowUps(f).length;

    // Tom's ✅ submits, TikTok refuses Rita's token, so she needs a new link; it cannot be DMed
    // and there is no interaction of hers.
    f.emulator.revokeToken(EMULATOR_ACCESS_TOKEN);
    f.standin.react(tom, thread, card, '✅');
    const notice = await until('the notice with a Link account button', () =>
      f
        .botMessages(thread)
        .find(
          (m) =>
            /could not send you a direct message/.test(textOfMessage(m)) &&
            (m.components as WireObject[] | undefined)?.length,
        ),
    );
    expect(notice.content).toContain(`<@${rita.id}>`);
    const body = f.standin.calls.find(
      (c) => c.method === 'POST' && String(c.body?.content ?? '').includes('could not send you'),
    )?.body;
    // Only Rita is pinged, on purpose.
    expect(body?.allowed_mentions).toEqual({ parse: [], users: [rita.id] });
    const firstUrl = String(f.access.invites[1]?.url);
    expect(textOfMessage(notice)).not.toContain(firstUrl);
    const row = (notice.components as WireObject[])[0];
    const button = (row?.components as WireObject[] | undefined)?.[0];
    expect(button).toMatchObject({ custom_id: 'tad:link_account', label: 'Link account' });

    // She presses it: a new link, delivered ephemerally to her.
    f.standin.clickButton(rita, thread, String(notice.id), 'tad:link_account');
    const followUp = await until('the ephemeral follow-up', () => ephemeralFollowUps(f)[before]);
    const second = f.access.invites[2];
    expect(JSON.stringify(followUp.body)).toContain(second?.url);
    await f.settle();
    for (const url of [firstUrl, String(second?.url)])
      expect(f.botMessages(thread).some((m) => textOfMessage(m).includes(url))).toBe(false);
    expectAllWithinLimits(f.standin.calls);
  });
});
