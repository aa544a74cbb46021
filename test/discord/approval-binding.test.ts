import { DiscordFixture, textOfMessage, until } from './support';

describe('Discord: approvals bound to the card', () => {
  let f: DiscordFixture;
  afterEach(() => f.close());

  it('a ✅ or a click on a superseded card is refused, the card is edited to say it was replaced (buttons removed), nothing is submitted', async () => {
    f = await DiscordFixture.start({ allow_self_approval: false });
    const rita = f.standin.addUser('rita');
    const tom = f.standin.addUser('tom');
    const { thread, card: first } = await f.readyDraft(rita);
    f.access.complete({ platform: 'discord', workspace_id: f.standin.guildId, user_id: rita.id });
    await f.say(thread, rita, 'set budget to 1000');
    const second = await until('the second card', () =>
      f
        .botMessages(thread)
        .find((m) => String(m.id) !== first && /Approval needed/.test(textOfMessage(m))),
    );
    expect(textOfMessage(second)).toContain('1000');
    // The first card was edited in place: a notice, no embeds, no buttons.
    const old = f.standin.message(thread, first);
    expect(String(old?.content)).toMatch(/Replaced: this approval card/);
    expect(old?.components).toEqual([]);
    expect(old?.embeds).toEqual([]);

    f.standin.react(tom, thread, first, '✅');
    await f.waitForBotMessage(thread, /tom: That card is out of date/);
    f.standin.clickButton(tom, thread, first, 'tad:approve');
    await f.settle();
    expect(JSON.stringify(f.standin.ephemerals.filter((e) => e.user_id === tom.id))).toMatch(
      /out of date/,
    );
    expect(f.emulator.counts()).toMatchObject({ campaigns: 0, adgroups: 0, ads: 0 });
    expect((await f.state(thread))?.approvals).toEqual([]);

    // The card updates in place as the approval arrives, then the current card submits.
    f.standin.clickButton(tom, thread, String(second.id), 'tad:approve');
    await f.waitForBotMessage(thread, /Created on TikTok/);
    const approved = f.standin.message(thread, String(second.id));
    expect(textOfMessage(approved ?? {})).toMatch(/Approvals 1\/1/);
    expect(f.emulator.counts()).toMatchObject({ campaigns: 1, ads: 1 });

    // Audit trail (button on the card): the thread's records, in order.
    f.standin.clickButton(rita, thread, String(second.id), 'tad:audit');
    const trail = await f.waitForBotMessage(thread, /draft_ready/);
    expect(textOfMessage(trail)).toMatch(
      /draft_ready.*draft_ready.*approval_refused · by \d+ · hash \w{8} · reason stale_card.*approval · by/,
    );
  });

  it('APPROVERS with a role id: a member with the role approves by ✅; others are refused', async () => {
    const role = '1234567890123456789';
    f = await DiscordFixture.start({ allow_self_approval: false, approvers: [role] });
    f.standin.addRole('ad approvers', role);
    const rita = f.standin.addUser('rita');
    const tom = f.standin.addUser('tom');
    const lee = f.standin.addUser('lee');
    f.standin.setRoles(lee.id, [role]);
    f.access.complete({ platform: 'discord', workspace_id: f.standin.guildId, user_id: rita.id });
    const { thread, card } = await f.readyDraft(rita);
    f.standin.react(tom, thread, card, '✅');
    await f.waitForBotMessage(thread, /Only the configured approvers/);
    expect(f.emulator.counts().campaigns).toBe(0);
    f.standin.react(lee, thread, card, '✅');
    await f.waitForBotMessage(thread, /Created on TikTok/);
    expect(f.emulator.counts().campaigns).toBe(1);
  });

  it('Redis down before a turn starts: the thread the bot started is told, without Redis', async () => {
    f = await DiscordFixture.start();
    const rita = f.standin.addUser('rita');
    const thread = await f.startDraft(rita, 'Create a campaign called Summer Sale for traffic');
    await f.waitForBotMessage(thread, /ad text/i);
    await f.store.close();
    f.standin.userMessage(rita, thread, 'Big summer deals on every order');
    await f.waitForBotMessage(
      thread,
      /I couldn't save that; nothing changed, please send it again/,
    );
  });
});
