import { DiscordFixture, expectAllWithinLimits, textOfMessage } from './support';

describe('Discord: team approval by reactions and buttons', () => {
  let f: DiscordFixture;
  afterEach(() => f.close());

  it('refuses self-approval by ✅ and by the button; a teammate approval then submits', async () => {
    f = await DiscordFixture.start({ allow_self_approval: false });
    const rita = f.standin.addUser('rita');
    const tom = f.standin.addUser('tom');
    const { thread, card } = await f.readyDraft(rita);

    f.standin.react(rita, thread, card, '✅');
    await f.waitForBotMessage(thread, /teammate needs to approve/);
    await f.settle();
    const refusals = () =>
      f.botMessages(thread).filter((m) => /teammate needs to approve/.test(textOfMessage(m)));
    expect(refusals()).toHaveLength(1);

    // The reaction's refusal is a thread notice that pings no one …
    expect(refusals()[0]?.mentions).toEqual([]);
    const click = f.standin.clickButton(rita, thread, card, 'tad:approve');
    await f.settle();
    // … the button's is an ephemeral follow-up only Rita sees.
    expect(refusals()).toHaveLength(1);
    const ephemeral = f.standin.ephemerals.filter((e) => e.user_id === rita.id);
    expect(JSON.stringify(ephemeral)).toMatch(/teammate needs to approve/);
    // The click was acknowledged in time without a visible message (deferUpdate, type 6).
    const ack = f.standin.calls.find(
      (c) => c.path === `/interactions/${click.id}/${click.token}/callback`,
    );
    expect(ack?.body).toEqual({ type: 6 });
    expect((await f.state(thread))?.approvals).toEqual([]);
    expect(f.emulator.counts().campaigns).toBe(0);

    // The card shows who approved; with one approval required, Tom's approval submits.
    f.access.complete({ platform: 'discord', workspace_id: f.standin.guildId, user_id: rita.id });
    f.standin.clickButton(tom, thread, card, 'tad:approve');
    await f.waitForBotMessage(thread, /Created on TikTok/);
    const saved = await f.stateWhen(thread, (s) => s.status === 'submitted');
    expect(saved.approvals.map((a) => a.user)).toEqual([tom.id]);
    expect(f.emulator.counts().campaigns).toBe(1);
    expectAllWithinLimits(f.standin.calls);
  });

  it('counts distinct teammates, shows who approved, and removing ✅ withdraws', async () => {
    f = await DiscordFixture.start({ allow_self_approval: false, approvals_required: 2 });
    const rita = f.standin.addUser('rita');
    const tom = f.standin.addUser('tom');
    const { thread, card } = await f.readyDraft(rita);

    f.standin.react(tom, thread, card, '✅');
    const updated = await f.waitForBotMessage(thread, /Approvals 1\/2/);
    expect(textOfMessage(updated)).toContain(`<@${tom.id}>`);

    f.standin.react(tom, thread, card, '✅', false);
    await f.waitForBotMessage(thread, /Approval withdrawn/);
    await f.stateWhen(thread, (s) => s.approvals.length === 0);

    // Adding it again after the removal counts again (not mistaken for a redelivery).
    f.standin.react(tom, thread, card, '✅');
    const again = await f.stateWhen(thread, (s) => s.approvals.length > 0);
    expect(again.approvals.map((a) => a.user)).toEqual([tom.id]);
  });

  it("ignores the bot's own reactions and emoji that mean nothing", async () => {
    f = await DiscordFixture.start({ allow_self_approval: false });
    const rita = f.standin.addUser('rita');
    const tom = f.standin.addUser('tom');
    const { thread, card } = await f.readyDraft(rita);
    const before = f.botMessages(thread).length;
    // The bot's ✅/❌ came back over the gateway already; now a teammate's 🎉.
    f.standin.react(tom, thread, card, '🎉');
    await f.settle();
    expect(f.botMessages(thread)).toHaveLength(before);
    expect((await f.state(thread))?.status).toBe('awaiting_approval');
  });
});
