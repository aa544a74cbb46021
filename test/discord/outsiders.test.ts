import { DiscordFixture, textOfMessage } from './support';

const NOT_A_MEMBER =
  'That does not count: you are not a member of this server, and only its members approve or reject its ads. An admin can name you in APPROVERS.';

describe('Discord: only members of the server approve', () => {
  let f: DiscordFixture;
  afterEach(() => f.close());

  it('a ✅ or a click from someone who is not a guild member is refused, says why, and submits nothing', async () => {
    f = await DiscordFixture.start({ allow_self_approval: false });
    const rita = f.standin.addUser('rita');
    const gone = f.standin.addUser('gone');
    const tom = f.standin.addUser('tom');
    const { thread, card } = await f.readyDraft(rita);
    f.standin.removeMember(gone.id);
    const before = await f.state(thread);

    f.standin.react(gone, thread, card, '✅');
    await f.waitForBotMessage(thread, /not a member of this server/);
    f.standin.clickButton(gone, thread, card, 'tad:approve');
    await f.settle();
    const told = f.botMessages(thread).filter((m) => textOfMessage(m).includes(NOT_A_MEMBER));
    expect(told).toHaveLength(1);
    const ephemeral = f.standin.ephemerals.filter((e) => e.user_id === gone.id);
    expect(JSON.stringify(ephemeral)).toContain(NOT_A_MEMBER);
    const after = await f.state(thread);
    expect(after?.approvals).toEqual([]);
    expect(after?.draft).toEqual(before?.draft);
    expect(f.emulator.counts().campaigns).toBe(0);

    // A member's ✅ still approves.
    f.standin.react(tom, thread, card, '✅');
    await f.waitForBotMessage(thread, /Created on TikTok/);
    expect(f.emulator.counts().campaigns).toBe(1);
  });

  it('✔️ does not approve: only ✅ does', async () => {
    f = await DiscordFixture.start({ allow_self_approval: false });
    const rita = f.standin.addUser('rita');
    const tom = f.standin.addUser('tom');
    const { thread, card } = await f.readyDraft(rita);
    f.standin.react(tom, thread, card, '✔️');
    await f.waitForBotMessage(thread, /Only ✅/);
    expect((await f.state(thread))?.approvals).toEqual([]);
    expect(f.emulator.counts().campaigns).toBe(0);
  });
});
